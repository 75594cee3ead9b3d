using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;
using NUnit.Framework;

namespace NotificationExchange.Storage.Tests.Contract;

// Consultations' events: in the log's one sequence beside notifications', read back for their parties, indexed by party
// and by pending deadline, and (when they cannot be read back) still told only to their audience.
public abstract partial class ExchangeStoreContract
{
    [Test]
    public async Task A_consultation_s_events_share_the_log_s_sequence_and_read_back_whole()
    {
        var store = Open();
        var committed = new CommittedLog();
        store.Committed.Subscribe(committed);
        await store.WriteAsync(s => s.AppendNext("N-1"));
        var requested = await store.WriteAsync(s => s.AppendConsultation("esa-ops", "cnes-ops"));
        var acknowledged = await store.WriteAsync(s => s.AppendConsultation("esa-ops", "cnes-ops", requested.Consultation.Id, acknowledged: true));

        Assert.That(requested.Consultation.Id, Is.EqualTo("CON-2"));
        var range = await store.Log.ReadRangeAsync(1, 3, CancellationToken.None);
        Assert.That(range.Select(e => e.GetType()), Is.EqualTo(new[] { typeof(RecordedEvent), typeof(ConsultationRecorded), typeof(ConsultationRecorded) }));
        Assert.That(Stored((ConsultationRecorded)range[2]), Is.EqualTo(Stored(acknowledged)));
        Assert.That(range[1].Audience.Parties, Is.EqualTo(new[] { "cnes-ops", "esa-ops" }));
        Assert.That(Stored((ConsultationRecorded)(await store.Consultations.GetConsultationAsync("CON-2", CancellationToken.None))!), Is.EqualTo(Stored(acknowledged)));
        Assert.That(Sequences(await store.Consultations.GetConsultationHistoryAsync("CON-2", CancellationToken.None)), Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(Sequences(await store.Outbox.ReadPendingAsync(InstanceA, LogEvents.Epoch, 10, CancellationToken.None)), Is.EqualTo(new long[] { 1, 2, 3 }));
        Assert.That(committed.Sequences, Is.EqualTo(new long[] { 1, 2, 3 }));

        // Each kind is read only as itself.
        Assert.That(await store.Log.GetLatestAsync("CON-2", CancellationToken.None), Is.Null);
        Assert.That(await store.Log.GetHistoryAsync("CON-2", CancellationToken.None), Is.Empty);
        Assert.That(await store.Consultations.GetConsultationAsync("N-1", CancellationToken.None), Is.Null);
        Assert.That(await store.WriteAsync(s => s.GetConsultationVersion("CON-2", 1)?.Sequence), Is.EqualTo(2));
    }

    [Test]
    public async Task Consultations_are_listed_for_their_parties_only_newest_first_by_state_and_in_pages()
    {
        var store = Open();
        var first = await store.WriteAsync(s => s.AppendConsultation("esa-ops", "cnes-ops"));
        var second = await store.WriteAsync(s => s.AppendConsultation("dlr-ops", "esa-ops"));
        await store.WriteAsync(s => s.AppendConsultation("esa-ops", "cnes-ops", first.Consultation.Id, ConsultationState.Open));

        var page = await store.Consultations.ListConsultationsAsync(new ConsultationQuery("esa-ops", [], 1, null), CancellationToken.None);
        Assert.That(page.Consultations.Select(c => c.Id), Is.EqualTo(new[] { second.Consultation.Id }));
        var next = await store.Consultations.ListConsultationsAsync(new ConsultationQuery("esa-ops", [], 1, page.NextBeforeFirstSequence), CancellationToken.None);
        Assert.That(next.Consultations.Select(c => (c.Id, c.State, c.Version)), Is.EqualTo(new[] { (first.Consultation.Id, ConsultationState.Open, 2) }));
        Assert.That(next.NextBeforeFirstSequence, Is.Null);
        Assert.That((await store.Consultations.ListConsultationsAsync(new ConsultationQuery("cnes-ops", [ConsultationState.Requested], 10, null), CancellationToken.None)).Consultations, Is.Empty);
        Assert.That((await store.Consultations.ListConsultationsAsync(new ConsultationQuery("nosy-ops", [], 10, null), CancellationToken.None)).Consultations, Is.Empty);
    }

    [Test]
    public async Task Pending_deadlines_are_found_when_due_earliest_first_and_leave_the_index_when_acknowledged()
    {
        var store = Open();
        var late = await store.WriteAsync(s => s.AppendConsultation("esa-ops", "cnes-ops", acknowledgeWithin: TimeSpan.FromMinutes(30)));
        var early = await store.WriteAsync(s => s.AppendConsultation("esa-ops", "dlr-ops", acknowledgeWithin: TimeSpan.FromMinutes(15)));
        var later = await store.WriteAsync(s => s.AppendConsultation("esa-ops", "asi-ops", acknowledgeWithin: TimeSpan.FromHours(4)));

        var due = await store.Consultations.GetDueDeadlinesAsync(late.Consultation.AcknowledgeBy, 10, CancellationToken.None);
        Assert.That(due.ConsultationIds, Is.EqualTo(new[] { early.Consultation.Id, late.Consultation.Id }));
        Assert.That(due.NextDeadline, Is.EqualTo(later.Consultation.AcknowledgeBy));

        await store.WriteAsync(s => s.AppendConsultation("esa-ops", "dlr-ops", early.Consultation.Id, acknowledged: true));
        var after = await store.Consultations.GetDueDeadlinesAsync(late.Consultation.AcknowledgeBy, 10, CancellationToken.None);
        Assert.That(after.ConsultationIds, Is.EqualTo(new[] { late.Consultation.Id }));
        var none = await store.Consultations.GetDueDeadlinesAsync(LogEvents.Epoch, 10, CancellationToken.None);
        Assert.That((none.ConsultationIds, none.NextDeadline), Is.EqualTo((Array.Empty<string>(), late.Consultation.AcknowledgeBy)));
    }

    [Test]
    public async Task An_unreadable_consultation_entry_keeps_its_audience_and_fails_only_reads_of_it()
    {
        var store = Open();
        await store.WriteAsync(s => s.AppendConsultation("esa-ops", "cnes-ops"));
        await store.WriteAsync(s => s.AppendNext("N-2"));
        await OverwriteSnapshotAsync(1, """{"consultation": {"id": "CON-1""");

        var range = await store.Log.ReadRangeAsync(1, 2, CancellationToken.None);
        var unreadable = (UnreadableConsultationEvent)range[0];
        Assert.That((unreadable.ConsultationId, unreadable.Version, unreadable.Type), Is.EqualTo(("CON-1", 1, ConsultationEventType.Requested)));
        Assert.That(unreadable.Audience.Parties, Is.EqualTo(new[] { "cnes-ops", "esa-ops" }), "the audience is stored apart and still read");
        Assert.That(range[1], Is.InstanceOf<RecordedEvent>());
        var latest = await store.Consultations.GetConsultationAsync("CON-1", CancellationToken.None);
        Assert.That(latest, Is.InstanceOf<UnreadableConsultationEvent>().And.Property("Audience").Property("Parties").EqualTo(new[] { "cnes-ops", "esa-ops" }));
        Assert.That(await DataLoss(() => Task.FromResult(ConsultationAccess.Admitted(latest, "esa-ops", "CON-1"))), Does.Contain("CON-1 version 1"), "a party is told");
        Assert.That(() => ConsultationAccess.Admitted(latest, "nosy-ops", "CON-1"),
            Throws.TypeOf<Domain.Validation.ExchangeRuleException>().With.Message.EqualTo("consultation CON-1 not found"), "anyone else is not even told it exists");
        Assert.That((await store.Consultations.ListConsultationsAsync(new ConsultationQuery("esa-ops", [], 10, null), CancellationToken.None)).Consultations, Is.Empty);
    }

    private static string Stored(ConsultationRecorded recorded) => NotificationJson.Serialize(recorded.Change);
}

using NotificationExchange.Domain.Consultations.DirectLines;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;
using NUnit.Framework;

namespace NotificationExchange.Storage.Tests.Contract;

// Direct lines: each change an event of the log, the line kept as it left it; read by id, by pair and by side.
public abstract partial class ExchangeStoreContract
{
    private static DirectLine Line(string id, string proposedBy, string counterpart) =>
        new(id, proposedBy, counterpart, DirectLineState.Proposed, $"{proposedBy} and {counterpart}", LogEvents.Epoch.AddTicks(1234567), null);

    /// <summary>Appends the change that leaves <paramref name="line"/> as it is: its proposal, or its acceptance once active.</summary>
    private static DirectLineRecorded Record(ILogWriteSession session, DirectLine line)
    {
        var accepted = line.State == DirectLineState.Active;
        var recorded = new DirectLineRecorded(session.NextSequence, accepted ? DirectLineEventType.Accepted : DirectLineEventType.Proposed,
            line.ActivatedAt ?? line.ProposedAt, new DirectLineChange(line, accepted ? line.Counterpart : line.ProposedBy));
        session.Append(recorded);
        return recorded;
    }

    [Test]
    public async Task A_direct_line_s_changes_are_entries_of_the_log_for_its_two_sides_only()
    {
        var store = Open();
        var line = Line("DL-aaaaaaaaaaaaaaaa", "op-b", "op-a");
        var proposed = await store.WriteAsync(s => Record(s, line));
        var accepted = await store.WriteAsync(s => Record(s, line with { State = DirectLineState.Active, ActivatedAt = LogEvents.Epoch.AddHours(1) }));

        store = Reopen(store);
        var entries = await store.Log.ReadAfterAsync(0, 10, CancellationToken.None);

        Assert.That(entries, Is.EqualTo(new LogEntry[] { proposed, accepted }));
        Assert.That(entries.Select(e => e.Audience.Parties), Is.All.EqualTo(new[] { "op-a", "op-b" }));
        Assert.That(entries.Select(e => (e.Audience.Admits("op-a"), e.Audience.Admits("op-c"))), Is.All.EqualTo((true, false)));
        Assert.That((await store.Outbox.ReadPendingAsync(InstanceA, LogEvents.Epoch, 10, CancellationToken.None)).Select(e => e.Sequence),
            Is.EqualTo(new[] { proposed.Sequence, accepted.Sequence }), "published to the other instances like every event");
    }

    [Test]
    public async Task A_direct_line_s_event_that_cannot_be_read_back_keeps_its_place_and_its_audience()
    {
        var store = Open();
        var proposed = await store.WriteAsync(s => Record(s, Line("DL-aaaaaaaaaaaaaaaa", "op-a", "op-b")));
        await OverwriteSnapshotAsync(proposed.Sequence, "{\"line\": 42}");

        var entry = (await store.Log.ReadAfterAsync(0, 10, CancellationToken.None)).Single();

        Assert.That(entry, Is.TypeOf<UnreadableDirectLineEvent>());
        var unreadable = (UnreadableDirectLineEvent)entry;
        Assert.That((unreadable.Sequence, unreadable.Type, unreadable.DirectLineId, unreadable.Version),
            Is.EqualTo((proposed.Sequence, DirectLineEventType.Proposed, "DL-aaaaaaaaaaaaaaaa", 1)));
        Assert.That((unreadable.Audience.Admits("op-a"), unreadable.Audience.Admits("op-b"), unreadable.Audience.Admits("op-c")), Is.EqualTo((true, true, false)),
            "still told only to the line's two sides");
    }

    [Test]
    public async Task A_direct_line_is_found_by_id_by_its_pair_either_way_round_and_by_either_side_after_a_restart()
    {
        var store = Open();
        var line = Line("DL-aaaaaaaaaaaaaaaa", "op-a", "op-b");
        var other = Line("DL-bbbbbbbbbbbbbbbb", "op-c", "op-a") with { ProposedAt = LogEvents.Epoch.AddDays(1) };
        await store.WriteAsync(s =>
        {
            Record(s, line);
            Record(s, other);
            Assert.That(s.GetDirectLine(line.Id), Is.EqualTo(line), "the write sees what it appended");
            return 0;
        });

        store = Reopen(store);

        Assert.That(await store.WriteAsync(s => s.GetDirectLine(line.Id)), Is.EqualTo(line));
        Assert.That(await store.WriteAsync(s => s.FindDirectLineBetween("op-a", "op-b")), Is.EqualTo(line));
        Assert.That(await store.WriteAsync(s => s.FindDirectLineBetween("op-b", "op-a")), Is.EqualTo(line));
        Assert.That(await store.WriteAsync(s => s.FindDirectLineBetween("op-b", "op-c")), Is.Null);
        Assert.That(await store.WriteAsync(s => s.GetDirectLine("DL-cccccccccccccccc")), Is.Null);
        Assert.That(await store.DirectLines.GetDirectLineAsync(other.Id, CancellationToken.None), Is.EqualTo(other));
        Assert.That(await store.DirectLines.ListDirectLinesAsync("op-a", CancellationToken.None), Is.EqualTo(new[] { line, other }), "oldest proposal first");
        Assert.That(await store.DirectLines.ListDirectLinesAsync("op-b", CancellationToken.None), Is.EqualTo(new[] { line }));
        Assert.That(await store.DirectLines.ListDirectLinesAsync("op-d", CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task A_line_s_acceptance_stores_its_activation()
    {
        var store = Open();
        var line = Line("DL-aaaaaaaaaaaaaaaa", "op-a", "op-b");
        await store.WriteAsync(s => Record(s, line));
        var active = line with { State = DirectLineState.Active, ActivatedAt = LogEvents.Epoch.AddHours(1) };

        await store.WriteAsync(s => Record(s, active));

        Assert.That(await store.DirectLines.GetDirectLineAsync(line.Id, CancellationToken.None), Is.EqualTo(active));
    }

    [Test]
    public async Task A_pair_of_organisations_has_one_line_whoever_proposed_it()
    {
        var store = Open();
        var line = Line("DL-aaaaaaaaaaaaaaaa", "op-a", "op-b");
        await store.WriteAsync(s => Record(s, line));

        Assert.That(() => store.WriteAsync(s => Record(s, Line("DL-bbbbbbbbbbbbbbbb", "op-b", "op-a"))), Throws.Exception,
            "a second line for the pair fails its write");

        Assert.That(await store.DirectLines.ListDirectLinesAsync("op-a", CancellationToken.None), Is.EqualTo(new[] { line }));
    }
}

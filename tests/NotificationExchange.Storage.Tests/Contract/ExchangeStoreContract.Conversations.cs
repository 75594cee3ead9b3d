using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Consultations.Conversation;
using NUnit.Framework;

namespace NotificationExchange.Storage.Tests.Contract;

// Consultations' conversations: each consultation's own message sequence, client message ids, attachments, receipts.
public abstract partial class ExchangeStoreContract
{
    [Test]
    public async Task Each_consultation_numbers_its_messages_from_one_without_gaps_under_concurrent_writers()
    {
        var store = Open();
        var a = (await store.WriteAsync(s => s.AppendConsultation("op-a", "op-b", state: ConsultationState.Open))).Consultation.Id;
        var b = (await store.WriteAsync(s => s.AppendConsultation("op-b", "op-c", state: ConsultationState.Open))).Consultation.Id;

        var written = await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var mine = new List<ConversationMessage>();
            for (var i = 0; i < 15; i++)
            {
                var consultation = (w + i) % 2 == 0 ? a : b;
                mine.Add(await store.WriteAsync(s => s.AppendMessageFrom(consultation, "op-b", $"w{w}-{i}")));
            }
            return mine;
        })));

        foreach (var consultation in new[] { a, b })
        {
            var read = await store.Conversations.ReadMessagesAfterAsync(consultation, 0, 1000, CancellationToken.None);
            var expected = written.SelectMany(m => m).Where(m => m.ConsultationId == consultation).OrderBy(m => m.Sequence).ToArray();
            Assert.That(read.Select(m => m.Sequence), Is.EqualTo(Enumerable.Range(1, expected.Length).Select(i => (long)i)), consultation);
            Assert.That(read.Select(m => m.Stored()), Is.EqualTo(expected.Select(m => m.Stored())), "each reads back as written");
            Assert.That((await store.Conversations.GetSummaryAsync(consultation, CancellationToken.None)).LastMessageSequence, Is.EqualTo(expected.Length));
        }
        Assert.That((await store.Conversations.ReadMessagesAfterAsync(a, 3, 2, CancellationToken.None)).Select(m => m.Sequence), Is.EqualTo(new long[] { 4, 5 }));
        Assert.That(await store.Log.GetHeadSequenceAsync(CancellationToken.None), Is.EqualTo(2), "messages are not in the log");
    }

    [Test]
    public async Task A_message_write_that_fails_in_a_group_commit_leaves_no_gap()
    {
        var store = Open();
        var id = (await store.WriteAsync(s => s.AppendConsultation("op-a", "op-b", state: ConsultationState.Open))).Consultation.Id;
        using var writerBusy = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var refused = ConversationAttachment.Of("text/plain", "refused content");

        var first = store.WriteAsync(s =>
        {
            writerBusy.Set();
            release.Wait();
            return s.AppendMessageFrom(id, "op-a", "m-1");
        });
        Assert.That(writerBusy.Wait(TimeSpan.FromSeconds(30)), Is.True, "the first write started");
        var failing = store.WriteAsync<ConversationMessage>(s =>
        {
            s.AppendMessageFrom(id, "op-b", "m-2", "refused", refused);
            s.MoveReceipt(new ConversationReceipt(id, "op-b", 1, 1, LogEvents.Epoch));
            throw new InvalidOperationException("refused after writing");
        });
        var after = store.WriteAsync(s => s.AppendMessageFrom(id, "op-b", "m-3"));
        release.Set();

        Assert.That((await first).Sequence, Is.EqualTo(1));
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.That((await after).Sequence, Is.EqualTo(2), "the failed write's sequence is given to the next");
        Assert.That(await store.WriteAsync(s => s.FindMessage(id, "op-b", "m-2")), Is.Null);
        Assert.That((await store.Conversations.GetSummaryAsync(id, CancellationToken.None)).Receipts, Is.Empty);
    }

    [Test]
    public async Task A_message_out_of_sequence_or_with_a_client_id_its_sender_used_is_refused()
    {
        var store = Open();
        var id = (await store.WriteAsync(s => s.AppendConsultation("op-a", "op-b", state: ConsultationState.Open))).Consultation.Id;
        var first = await store.WriteAsync(s => s.AppendMessageFrom(id, "op-a", "same-id"));

        Assert.That(() => store.WriteAsync(s => { s.AppendMessage(first with { Sequence = 3, ClientMessageId = "other" }); return 0; }), Throws.Exception);
        Assert.That(() => store.WriteAsync(s => { s.AppendMessage(first with { Sequence = 2 }); return 0; }), Throws.Exception, "same sender, same client id");
        var otherSender = await store.WriteAsync(s => s.AppendMessageFrom(id, "op-b", "same-id"));

        Assert.That(otherSender.Sequence, Is.EqualTo(2), "client ids are the sender's own");
        Assert.That((await store.WriteAsync(s => s.FindMessage(id, "op-a", "same-id")))?.Stored(), Is.EqualTo(first.Stored()));
        Assert.That((await store.WriteAsync(s => s.FindMessage(id, "op-b", "same-id")))?.Stored(), Is.EqualTo(otherSender.Stored()));
        Assert.That(await store.WriteAsync(s => s.FindMessage(id, "op-c", "same-id")), Is.Null);
        Assert.That(await store.WriteAsync(s => s.FindMessage("CON-999", "op-a", "same-id")), Is.Null);
    }

    [Test]
    public async Task Attachments_are_kept_once_by_digest_and_read_back_with_their_messages_after_a_restart()
    {
        var store = Open();
        var id = (await store.WriteAsync(s => s.AppendConsultation("op-a", "op-b", state: ConsultationState.Open))).Consultation.Id;
        var other = (await store.WriteAsync(s => s.AppendConsultation("op-a", "op-c", state: ConsultationState.Open))).Consultation.Id;
        var oem = ConversationAttachment.Of("application/x-ccsds-oem+xml", "<oem>ephemeris \u00e9\u2603\U0001F6F0</oem>");
        var opm = ConversationAttachment.Of("text/x-ccsds-opm", "CCSDS_OPM_VERS = 3.0\n");
        var written = new[]
        {
            await store.WriteAsync(s => s.AppendMessageFrom(id, "op-a", "m-1", "our plan", oem, opm)),
            await store.WriteAsync(s => s.AppendMessageFrom(id, "op-b", "m-2", "", oem)),
            await store.WriteAsync(s => s.AppendMessageFrom(other, "op-c", "m-1", "elsewhere", oem)),
        };

        store = Reopen(store);

        var read = await store.Conversations.ReadMessagesAfterAsync(id, 0, 10, CancellationToken.None);
        Assert.That(read.Select(m => m.Stored()), Is.EqualTo(written.Take(2).Select(m => m.Stored())));
        Assert.That(read[0].Attachments[0].SizeBytes, Is.EqualTo(System.Text.Encoding.UTF8.GetByteCount(oem.Content)));
        Assert.That((await store.WriteAsync(s => s.FindMessage(id, "op-b", "m-2")))?.Stored(), Is.EqualTo(written[1].Stored()), "inside a write too");
        Assert.That((await store.WriteAsync(s => s.GetMessages(id))).Select(m => m.Stored()), Is.EqualTo(written.Take(2).Select(m => m.Stored())));
        Assert.That((await store.Conversations.ReadMessagesAfterAsync(other, 0, 10, CancellationToken.None)).Single().Stored(), Is.EqualTo(written[2].Stored()));
    }

    [Test]
    public async Task Receipts_only_move_forward_delivery_never_behind_reading_and_are_summarised()
    {
        var store = Open();
        var id = (await store.WriteAsync(s => s.AppendConsultation("op-a", "op-b", state: ConsultationState.Open))).Consultation.Id;
        var quiet = (await store.WriteAsync(s => s.AppendConsultation("op-a", "op-b", state: ConsultationState.Open))).Consultation.Id;
        for (var i = 1; i <= 6; i++)
        {
            await store.WriteAsync(s => s.AppendMessageFrom(id, "op-a", $"m-{i}"));
        }
        var t = LogEvents.Epoch;

        var first = await store.WriteAsync(s => s.MoveReceipt(new ConversationReceipt(id, "op-b", 4, 2, t)));
        var back = await store.WriteAsync(s => s.MoveReceipt(new ConversationReceipt(id, "op-b", 3, 1, t.AddMinutes(1))));
        var readAhead = await store.WriteAsync(s => s.MoveReceipt(new ConversationReceipt(id, "op-b", 0, 6, t.AddMinutes(2))));
        await store.WriteAsync(s => s.MoveReceipt(new ConversationReceipt(id, "op-c", 1, 0, t.AddMinutes(3))));

        Assert.That(first, Is.EqualTo(new ConversationReceipt(id, "op-b", 4, 2, t)));
        Assert.That(back, Is.EqualTo(first), "nothing moved: positions and time stay");
        Assert.That(readAhead, Is.EqualTo(new ConversationReceipt(id, "op-b", 6, 6, t.AddMinutes(2))), "reading 6 means 6 were delivered");

        store = Reopen(store);

        var summaries = await store.Conversations.GetSummariesAsync([id, quiet, "CON-404"], CancellationToken.None);
        Assert.That(summaries.Keys, Is.EquivalentTo(new[] { id }), "consultations with neither messages nor receipts are left out");
        Assert.That(summaries[id].LastMessageSequence, Is.EqualTo(6));
        Assert.That(summaries[id].Receipts, Is.EqualTo(new[]
        {
            new ConversationReceipt(id, "op-b", 6, 6, t.AddMinutes(2)),
            new ConversationReceipt(id, "op-c", 1, 0, t.AddMinutes(3)),
        }));
        Assert.That(await store.Conversations.GetSummaryAsync(quiet, CancellationToken.None), Is.EqualTo(ConversationSummary.Empty));
        Assert.That(await store.WriteAsync(s => s.GetReceipts(id)), Is.EqualTo(summaries[id].Receipts), "inside a write too");
        Assert.That(await store.WriteAsync(s => s.GetReceipts(quiet)), Is.Empty);
    }
}

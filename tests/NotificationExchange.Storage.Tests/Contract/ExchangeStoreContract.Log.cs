using System.Collections.Concurrent;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;
using NUnit.Framework;

namespace NotificationExchange.Storage.Tests.Contract;

// The log: sequence numbers, group commit, history and version reads, queries, attachments.
public abstract partial class ExchangeStoreContract
{
    [Test]
    public async Task Sequences_start_at_one_and_are_read_back_in_order()
    {
        var store = Open();
        Assert.That(await store.Log.GetHeadSequenceAsync(CancellationToken.None), Is.Zero);

        await store.WriteAsync(s => s.AppendNext("N-1"));
        await store.WriteAsync(s => (s.AppendNext("N-2"), s.AppendNext("N-1")));

        Assert.That(await store.Log.GetHeadSequenceAsync(CancellationToken.None), Is.EqualTo(3));
        Assert.That(Sequences(await store.Log.ReadAfterAsync(0, 10, CancellationToken.None)), Is.EqualTo(new long[] { 1, 2, 3 }));
        Assert.That(Sequences(await store.Log.ReadAfterAsync(1, 1, CancellationToken.None)), Is.EqualTo(new long[] { 2 }));
        Assert.That(Sequences(await store.Log.ReadAfterAsync(3, 10, CancellationToken.None)), Is.Empty);
        Assert.That(Sequences(await store.Log.ReadRangeAsync(2, 3, CancellationToken.None)), Is.EqualTo(new long[] { 2, 3 }));
    }

    [Test]
    public async Task Concurrent_writers_get_contiguous_sequences_in_commit_order()
    {
        const int writers = 8;
        const int writesEach = 20;
        var store = Open();
        var committed = new CommittedLog();
        store.Committed.Subscribe(committed);

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < writesEach; i++)
            {
                await store.WriteAsync(s => s.AppendNext($"N-{w}"));
            }
        })));

        var all = Enumerable.Range(1, writers * writesEach).Select(i => (long)i).ToArray();
        var entries = await store.Log.ReadAfterAsync(0, 1000, CancellationToken.None);
        Assert.That(Sequences(entries), Is.EqualTo(all));
        Assert.That(committed.Sequences, Is.EqualTo(all), "listeners are told of each commit, in sequence order");
        foreach (var versions in entries.Cast<RecordedEvent>().GroupBy(e => e.Notification.Id))
        {
            Assert.That(versions.Select(e => e.Notification.Version), Is.EqualTo(Enumerable.Range(1, writesEach)), versions.Key);
        }
    }

    [Test]
    public async Task A_write_that_fails_in_a_group_commit_leaves_no_trace_and_fails_alone()
    {
        var store = Open();
        var committed = new CommittedLog();
        store.Committed.Subscribe(committed);
        using var writerBusy = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var source = new Attachment(AttachmentRole.Source, "text/plain", "refused message");
        await store.Subscriptions.CreateAsync(Subscriptions.Of("sub-1", "op-a", LogEvents.Epoch), CancellationToken.None);

        // The first write holds the writer, so that the next three wait together and can share one transaction.
        var first = store.WriteAsync(s =>
        {
            writerBusy.Set();
            release.Wait();
            return s.AppendNext("N-1");
        });
        Assert.That(writerBusy.Wait(TimeSpan.FromSeconds(30)), Is.True, "the first write started");
        var before = store.WriteAsync(s => s.AppendNext("N-2"));
        var failing = store.WriteAsync<RecordedEvent>(s =>
        {
            s.AppendNext("N-3");
            s.SaveAttachment("N-3", source, source.Info());
            s.RecordRequest(new IdempotencyRecord("op-a", "request-3", [3], "N-3", 1));
            s.Acknowledge("sub-1", 2);
            throw new InvalidOperationException("refused after writing");
        });
        var after = store.WriteAsync(s => s.AppendNext("N-4"));
        release.Set();

        Assert.That((await first).Sequence, Is.EqualTo(1));
        Assert.That((await before).Sequence, Is.EqualTo(2));
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.That((await after).Sequence, Is.EqualTo(3), "the failed write's sequence is given to the next");
        Assert.That(committed.Sequences, Is.EqualTo(new long[] { 1, 2, 3 }));
        Assert.That(await store.Log.GetLatestAsync("N-3", CancellationToken.None), Is.Null);
        Assert.That(await store.Log.GetAttachmentContentAsync("N-3", source.Info().Sha256, CancellationToken.None), Is.Null);
        Assert.That(await store.WriteAsync(s => s.FindRequest("op-a", "request-3")), Is.Null);
        Assert.That((await store.Subscriptions.GetAsync("sub-1", CancellationToken.None))!.AcknowledgedSequence, Is.Zero);
        Assert.That(Sequences(await store.Outbox.ReadPendingAsync("instance-a", LogEvents.Epoch, 10, CancellationToken.None)),
            Is.EqualTo(new long[] { 1, 2, 3 }));
    }

    [Test]
    public async Task An_event_out_of_sequence_is_refused()
    {
        var store = Open();
        var first = await store.WriteAsync(s => s.AppendNext("N-1"));

        Assert.That(() => store.WriteAsync(s => AppendAt(s, first with { Sequence = s.NextSequence + 1 })), Throws.Exception);
        Assert.That(() => store.WriteAsync(s => AppendAt(s, first)), Throws.Exception);
        Assert.That(await store.Log.GetHeadSequenceAsync(CancellationToken.None), Is.EqualTo(1));
    }

    [Test]
    public async Task History_and_versions_read_back_as_written()
    {
        var store = Open();
        var written = new List<RecordedEvent>();
        foreach (var id in new[] { "N-1", "N-2", "N-1", "N-1" })
        {
            written.Add(await store.WriteAsync(s => s.AppendNext(id)));
        }

        var history = await store.Log.GetHistoryAsync("N-1", CancellationToken.None);
        Assert.That(Sequences(history), Is.EqualTo(new long[] { 1, 3, 4 }));
        Assert.That(history.Cast<RecordedEvent>().Select(e => e.Notification.Stored()),
            Is.EqualTo(written.Where(e => e.Notification.Id == "N-1").Select(e => e.Notification.Stored())));
        Assert.That(history.Cast<RecordedEvent>().Select(e => e.Keys.NoradCatIds.Single()), Is.All.EqualTo(25544));
        Assert.That((await store.Log.GetVersionAsync("N-1", 2, CancellationToken.None))!.Notification.Stored(), Is.EqualTo(written[2].Notification.Stored()));
        Assert.That((await store.Log.GetLatestAsync("N-1", CancellationToken.None))!.Sequence, Is.EqualTo(4));
        Assert.That(await store.WriteAsync(s => (s.GetLatest("N-1")!.Sequence, s.GetVersion("N-1", 1)!.Sequence)), Is.EqualTo((4L, 1L)));
        Assert.That(await store.Log.GetVersionAsync("N-1", 4, CancellationToken.None), Is.Null);
        Assert.That(await store.Log.GetLatestAsync("N-9", CancellationToken.None), Is.Null);
        Assert.That(await store.Log.GetHistoryAsync("N-9", CancellationToken.None), Is.Empty);
        Assert.That(await store.WriteAsync(s => s.GetLatest("N-9")), Is.Null);
    }

    [Test]
    public async Task Queries_list_latest_versions_newest_first_by_page()
    {
        var store = Open();
        await store.WriteAsync(s => s.AppendNext("N-1", "op-a", 1001));
        await store.WriteAsync(s => s.AppendNext("N-2", "op-b", 1002));
        await store.WriteAsync(s => s.AppendNext("N-3", "op-a", 1003));
        await store.WriteAsync(s => s.AppendNext("N-1", "op-a", 1001));

        var everything = Query(pageSize: 10);
        var page = await store.Log.QueryAsync(everything, CancellationToken.None);
        Assert.That(page.Notifications.Select(n => (n.Id, n.Version)), Is.EqualTo(new[] { ("N-3", 1), ("N-2", 1), ("N-1", 2) }));
        Assert.That(page.NextBeforeFirstSequence, Is.Null);

        var first = await store.Log.QueryAsync(Query(pageSize: 2), CancellationToken.None);
        var second = await store.Log.QueryAsync(Query(pageSize: 2) with { BeforeFirstSequence = first.NextBeforeFirstSequence }, CancellationToken.None);
        Assert.That(first.Notifications.Concat(second.Notifications).Select(n => n.Id), Is.EqualTo(new[] { "N-3", "N-2", "N-1" }));
        Assert.That(second.NextBeforeFirstSequence, Is.Null);

        Assert.That((await store.Log.QueryAsync(everything with { FilingOperator = "op-a" }, CancellationToken.None)).Notifications.Select(n => n.Id),
            Is.EqualTo(new[] { "N-3", "N-1" }));
        Assert.That((await store.Log.QueryAsync(everything with { NoradCatId = 1002 }, CancellationToken.None)).Notifications.Select(n => n.Id),
            Is.EqualTo(new[] { "N-2" }));
        Assert.That((await store.Log.QueryAsync(everything with { Statuses = [NotificationStatus.Amended] }, CancellationToken.None)).Notifications.Select(n => n.Id),
            Is.EqualTo(new[] { "N-1" }));
        Assert.That((await store.Log.QueryAsync(everything with { Kinds = [NotificationKind.Launch] }, CancellationToken.None)).Notifications, Is.Empty);
        Assert.That((await store.Log.QueryAsync(everything with { ActiveFrom = LogEvents.Epoch.AddDays(2) }, CancellationToken.None)).Notifications, Is.Empty);
    }

    [Test]
    public async Task Attachments_are_kept_once_per_notification_and_digest()
    {
        var store = Open();
        var message = new Attachment(AttachmentRole.Source, "text/x-ccsds-opm", "CCSDS_OPM_VERS = 3.0");
        var info = message.Info();

        await store.WriteAsync(s =>
        {
            s.AppendNext("N-1");
            s.SaveAttachment("N-1", message, info);
            s.SaveAttachment("N-1", message, info);
            return 0;
        });

        Assert.That(await store.Log.GetAttachmentContentAsync("N-1", info.Sha256, CancellationToken.None), Is.EqualTo(message.Content));
        Assert.That(await store.Log.GetAttachmentContentAsync("N-2", info.Sha256, CancellationToken.None), Is.Null);
        Assert.That(await store.Log.GetAttachmentContentAsync("N-1", new string('0', 64), CancellationToken.None), Is.Null);
    }

    private static long AppendAt(ILogWriteSession session, RecordedEvent recorded)
    {
        session.Append(recorded);
        return recorded.Sequence;
    }

    private static NotificationQuery Query(int pageSize, string? readerId = null) => new([], null, null, [], null, null, pageSize, null, readerId);

    private static long[] Sequences(IEnumerable<LogEntry> entries) => entries.Select(e => e.Sequence).ToArray();

    /// <summary>Every sequence the store reports as committed, in the order it reports them.</summary>
    private sealed class CommittedLog : ICommittedEventListener
    {
        private readonly ConcurrentQueue<long> _sequences = new();

        public long[] Sequences => _sequences.ToArray();

        public void OnCommitted(IReadOnlyList<LogEntry> events)
        {
            foreach (var recorded in events)
            {
                _sequences.Enqueue(recorded.Sequence);
            }
        }
    }
}

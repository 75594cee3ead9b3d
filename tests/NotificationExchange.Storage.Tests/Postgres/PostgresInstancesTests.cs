using System.Collections.Concurrent;
using Npgsql;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Storage.Tests.Contract;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Storage.Tests.Postgres;

/// <summary>
/// Several exchange instances on one database, as on several machines (each its own host, pool and log writer), and a
/// server that restarts under them.
/// </summary>
public sealed class PostgresInstancesTests
{
    [Test]
    public async Task Two_instances_writing_at_once_get_contiguous_sequences_in_commit_order_and_lose_nothing()
    {
        const int writersEach = 4;
        const int writesEach = 25;
        using var storage = new PostgresStoreUnderTest();
        using var a = OpenedStore.Open(storage, "instance-a");
        using var b = OpenedStore.Open(storage, "instance-b");
        var committedA = new CommittedSequences();
        var committedB = new CommittedSequences();
        a.Committed.Subscribe(committedA);
        b.Committed.Subscribe(committedB);
        var acknowledged = new ConcurrentBag<(string Instance, RecordedEvent Event)>();
        using var writing = new CancellationTokenSource();
        // While they write, a reader on one instance follows the head the other reads: whatever head it sees, every
        // sequence up to it is visible, never one with a gap below it.
        var follower = Task.Run(async () =>
        {
            var checks = 0;
            while (!writing.IsCancellationRequested || checks == 0)
            {
                var head = await a.Log.GetHeadSequenceAsync(CancellationToken.None);
                var visible = await b.Log.ReadRangeAsync(1, head, CancellationToken.None);
                Assert.That(visible.Select(e => e.Sequence), Is.EqualTo(Enumerable.Range(1, (int)head).Select(i => (long)i)), $"below head {head}");
                checks++;
            }
            return checks;
        });

        await Task.WhenAll(new[] { ("instance-a", a), ("instance-b", b) }.SelectMany(instance => Enumerable.Range(0, writersEach).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < writesEach; i++)
            {
                acknowledged.Add((instance.Item1, await instance.Item2.WriteAsync(s => s.AppendNext($"{instance.Item1}-N-{w}"))));
            }
        }))));
        await writing.CancelAsync();
        Assert.That(await follower, Is.GreaterThan(0));

        var total = 2 * writersEach * writesEach;
        var all = Enumerable.Range(1, total).Select(i => (long)i).ToArray();
        var entries = await a.Log.ReadAfterAsync(0, total + 10, CancellationToken.None);
        Assert.That(entries.Select(e => e.Sequence), Is.EqualTo(all), "contiguous, nothing lost");
        foreach (var (_, written) in acknowledged)
        {
            var stored = (RecordedEvent)entries[(int)written.Sequence - 1];
            Assert.That(stored.Notification.Stored(), Is.EqualTo(written.Notification.Stored()), $"sequence {written.Sequence}");
        }
        Assert.That(committedA.Sequences, Is.Ordered.Ascending, "each instance's listeners are told in sequence order");
        Assert.That(committedB.Sequences, Is.Ordered.Ascending, "each instance's listeners are told in sequence order");
        Assert.That(committedA.Sequences.Concat(committedB.Sequences).Order(), Is.EqualTo(all), "each commit is told once, by the instance that made it");
        foreach (var (instance, opened) in new[] { ("instance-a", a), ("instance-b", b) })
        {
            // each instance's outbox holds what it wrote (nothing is taken over: the cut-off is long past)
            var pending = await opened.Outbox.ReadPendingAsync(instance, DateTime.UnixEpoch, total, CancellationToken.None);
            Assert.That(pending.Select(e => e.Sequence), Is.EquivalentTo(acknowledged.Where(w => w.Instance == instance).Select(w => w.Event.Sequence)), instance);
        }
    }

    [Test]
    public async Task After_the_server_restarts_the_writer_and_the_readers_carry_on_and_no_acknowledged_write_is_lost()
    {
        await using var cluster = await PostgresCluster.StartAsync();
        using var storage = new PostgresStoreUnderTest(cluster);
        using var store = OpenedStore.Open(storage, "instance-a");
        var first = await store.WriteAsync(s => s.AppendNext("N-1"));

        await cluster.StopServerAsync("immediate");

        // The server is away: the write fails (whole, with a transient error the host answers UNAVAILABLE), and so do reads.
        var write = await Assert.CatchAsync<NpgsqlException>(() => store.WriteAsync(s => s.AppendNext("N-2")));
        Assert.That(write!.IsTransient, Is.True, write.ToString());
        var read = await Assert.CatchAsync<NpgsqlException>(() => store.Log.GetHeadSequenceAsync(CancellationToken.None));
        Assert.That(read!.IsTransient, Is.True, read.ToString());

        await cluster.StartServerAsync();

        // The writer opens a new connection for its next batch; the readers' pool forgets its dead connections.
        var second = await store.WriteAsync(s => s.AppendNext("N-2"));
        Assert.That(second.Sequence, Is.EqualTo(first.Sequence + 1));
        var entries = await store.Log.ReadAfterAsync(0, 10, CancellationToken.None);
        Assert.That(entries.Select(e => ((RecordedEvent)e).Notification.Stored()), Is.EqualTo(new[] { first.Notification.Stored(), second.Notification.Stored() }));
    }

    [Test]
    public async Task Writes_that_run_through_a_crash_of_the_server_keep_every_acknowledged_one()
    {
        await using var cluster = await PostgresCluster.StartAsync();
        using var storage = new PostgresStoreUnderTest(cluster);
        using var store = OpenedStore.Open(storage, "instance-a");
        var acknowledged = new ConcurrentQueue<RecordedEvent>();
        var failures = 0;
        var unexpected = new ConcurrentQueue<Exception>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    acknowledged.Enqueue(await store.WriteAsync(s => s.AppendNext($"W-{w}-{i}")));
                }
                catch (Exception e)
                {
                    Interlocked.Increment(ref failures);
                    if (e is not NpgsqlException { IsTransient: true })
                    {
                        unexpected.Enqueue(e);
                    }
                    await Task.Yield();
                }
            }
        })).ToArray();
        await WaitUntilAsync(() => acknowledged.Count >= 50, "writes are acknowledged before the crash");

        await cluster.StopServerAsync("immediate");
        await cluster.StartServerAsync();
        var afterRestart = acknowledged.Count;
        await WaitUntilAsync(() => acknowledged.Count >= afterRestart + 50 || !unexpected.IsEmpty, "writes are acknowledged again after the restart");
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        Assert.That(unexpected, Is.Empty, "every failure says the store cannot be reached (UNAVAILABLE)");

        // Every acknowledged write is stored, at its sequence; the log has no gap. (A write that failed may have
        // committed before its answer was lost: it is stored or not, but at most once, being one version 1.)
        var head = await store.Log.GetHeadSequenceAsync(CancellationToken.None);
        var entries = await store.Log.ReadRangeAsync(1, head, CancellationToken.None);
        Assert.That(entries.Select(e => e.Sequence), Is.EqualTo(Enumerable.Range(1, (int)head).Select(i => (long)i)));
        foreach (var written in acknowledged)
        {
            Assert.That(((RecordedEvent)entries[(int)written.Sequence - 1]).Notification.Stored(), Is.EqualTo(written.Notification.Stored()));
        }
        Assert.That(entries.Cast<RecordedEvent>().Select(e => e.Notification.Id), Is.Unique);
        TestContext.Out.WriteLine($"{acknowledged.Count} writes acknowledged, {failures} failed while the server was away, {head} stored");
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"timed out waiting until {what}");
            await Task.Delay(10);
        }
    }

    private sealed class CommittedSequences : ICommittedEventListener
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

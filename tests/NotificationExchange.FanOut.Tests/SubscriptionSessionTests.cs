using NotificationExchange.FanOut.Tests.Support;
using NUnit.Framework;

namespace NotificationExchange.FanOut.Tests;

/// <summary>
/// A subscriber stream: replay from the log, then live from the feed, without gap or duplicate where the two meet;
/// bounded by its buffer; kept alive by heartbeats on the clock; ended cleanly when the host stops.
/// </summary>
public class SubscriptionSessionTests
{
    [Test]
    public async Task When_the_log_is_ahead_of_the_feed_at_attach_the_feed_copies_of_replayed_events_are_skipped()
    {
        await using var fanOut = await FanOutFixture.StartAsync();
        var subscription = await fanOut.CreateSubscriptionAsync();
        // Recorded by another instance; their bus messages come only after the stream has replayed them.
        var elsewhere = fanOut.Store.CommitElsewhere(6);
        using var session = fanOut.Subscriptions.OpenStream(subscription, 0);
        await using var reader = new SessionReader(session);

        var replayed = await reader.ReadUntilAsync(i => i is StreamItem.CaughtUp);
        foreach (var recorded in elsewhere)
        {
            fanOut.Feed.Offer(recorded with { });
        }
        fanOut.Store.Commit(1);
        var live = await reader.NextAsync();
        session.Flushed();

        Assert.That(replayed, Is.EqualTo(elsewhere.Select(e => new StreamItem.Event(e, Live: false)).Append<StreamItem>(new StreamItem.CaughtUp(6))));
        Assert.That(live, Is.InstanceOf<StreamItem.Event>().With.Property("Entry").Property("Sequence").EqualTo(7),
            "the feed's copies of 1 to 6 were dropped, not sent again");
        Assert.That(fanOut.Meters.Held, Is.Zero, "the dropped copies no longer count against the buffer");
    }

    [Test]
    public async Task When_the_feed_moves_on_during_replay_what_it_dispatched_before_the_attach_is_read_from_the_log()
    {
        await using var fanOut = await FanOutFixture.StartAsync();
        using var probe = fanOut.Probe();
        var subscription = await fanOut.CreateSubscriptionAsync();
        fanOut.Store.Commit(5);
        await ReadThroughAsync(probe, 5);
        // As replay reads its last page (after 4), two more events are committed and dispatched: the stream, not yet
        // attached, is not offered them.
        fanOut.Store.AfterReplayRead = async after =>
        {
            if (after == 4)
            {
                fanOut.Store.Commit(2);
                await ReadThroughAsync(probe, 7);
            }
        };
        using var session = fanOut.Subscriptions.OpenStream(subscription, 0);
        await using var reader = new SessionReader(session);

        var replayed = await reader.ReadUntilAsync(i => i is StreamItem.CaughtUp);
        fanOut.Store.Commit(1);
        var live = await reader.NextAsync();

        Assert.That(replayed.OfType<StreamItem.Event>().Select(e => e.Entry.Sequence), Is.EqualTo(new long[] { 1, 2, 3, 4, 5, 6, 7 }));
        Assert.That(replayed[^1], Is.EqualTo(new StreamItem.CaughtUp(7)));
        Assert.That(live, Is.InstanceOf<StreamItem.Event>().With.Property("Entry").Property("Sequence").EqualTo(8));
    }

    [Test]
    public async Task A_subscriber_that_falls_a_full_buffer_behind_is_cut_off_as_too_slow_and_its_stream_releases_everything()
    {
        await using var fanOut = await FanOutFixture.StartAsync(configure: o => o.StreamBufferCapacity = 4);
        var subscription = await fanOut.CreateSubscriptionAsync();
        var session = fanOut.Subscriptions.OpenStream(subscription, 0);
        var reader = new SessionReader(session);
        await reader.ReadUntilAsync(i => i is StreamItem.CaughtUp);

        fanOut.Store.Commit(5);
        await session.Ended.Cancelled().Within();

        Assert.That(session.EndReason, Is.InstanceOf<SubscriberTooSlowException>());
        Assert.That(fanOut.Meters.Overruns, Is.EqualTo(1));
        Assert.That(async () => await reader.NextAsync(), Throws.InstanceOf<SubscriberTooSlowException>(),
            "what is still buffered is dropped: the ending status follows at once");
        await reader.DisposeAsync();
        session.Dispose();
        Assert.That(fanOut.Meters.Held, Is.Zero);
        Assert.That(fanOut.Meters.OpenStreams, Is.Zero);
    }

    [Test]
    public async Task Events_handed_to_the_writer_and_not_yet_flushed_count_against_the_buffer()
    {
        await using var fanOut = await FanOutFixture.StartAsync(configure: o => o.StreamBufferCapacity = 4);
        var subscription = await fanOut.CreateSubscriptionAsync();
        using var session = fanOut.Subscriptions.OpenStream(subscription, 0);
        await using var reader = new SessionReader(session);
        await reader.ReadUntilAsync(i => i is StreamItem.CaughtUp);

        fanOut.Store.Commit(3);
        for (var i = 0; i < 3; i++)
        {
            await reader.NextAsync();
        }
        fanOut.Store.Commit(2);
        await session.Ended.Cancelled().Within();

        Assert.That(session.EndReason, Is.InstanceOf<SubscriberTooSlowException>(), "three unflushed and two buffered are more than four");
    }

    [Test]
    public async Task A_writer_that_flushes_what_it_wrote_keeps_its_stream_however_many_events_pass()
    {
        await using var fanOut = await FanOutFixture.StartAsync(configure: o => o.StreamBufferCapacity = 4);
        var subscription = await fanOut.CreateSubscriptionAsync();
        using var session = fanOut.Subscriptions.OpenStream(subscription, 0);
        await using var reader = new SessionReader(session);
        await reader.ReadUntilAsync(i => i is StreamItem.CaughtUp);

        for (var round = 0; round < 5; round++)
        {
            fanOut.Store.Commit(4);
            for (var i = 0; i < 4; i++)
            {
                await reader.NextAsync();
                session.Flushed();
            }
        }

        Assert.That(session.Ended.IsCancellationRequested, Is.False);
        Assert.That(fanOut.Meters.Held, Is.Zero);
    }

    [Test]
    public async Task A_quiet_stream_gets_a_heartbeat_each_interval_on_the_clock_with_the_time_and_the_feed_position()
    {
        await using var fanOut = await FanOutFixture.StartAsync(existing: 2);
        var subscription = await fanOut.CreateSubscriptionAsync(StartPosition.Latest);
        using var session = fanOut.Subscriptions.OpenStream(subscription, subscription.AcknowledgedSequence);
        await using var reader = new SessionReader(session);
        await reader.ReadUntilAsync(i => i is StreamItem.CaughtUp);
        var interval = fanOut.Options.HeartbeatInterval;

        var beats = new List<StreamItem>();
        for (var i = 0; i < 2; i++)
        {
            var next = reader.StartNext();
            await fanOut.Clock.ArmedAsync(interval);
            Assert.That(next.IsCompleted, Is.False, "nothing comes before the interval has passed");
            fanOut.Clock.Advance(interval);
            beats.Add(await next.Within());
        }

        Assert.That(beats, Is.EqualTo(new[]
        {
            new StreamItem.Heartbeat(Events.Epoch + interval, 2),
            new StreamItem.Heartbeat(Events.Epoch + (2 * interval), 2),
        }));
    }

    [Test]
    public async Task When_the_host_stops_a_waiting_stream_ends_at_once_and_releases_what_it_held()
    {
        await using var fanOut = await FanOutFixture.StartAsync();
        var subscription = await fanOut.CreateSubscriptionAsync();
        var session = fanOut.Subscriptions.OpenStream(subscription, 0);
        var reader = new SessionReader(session);
        await reader.ReadUntilAsync(i => i is StreamItem.CaughtUp);
        fanOut.Store.Commit(2);
        await reader.NextAsync();
        await reader.NextAsync();
        var waiting = reader.StartNext();
        await fanOut.Clock.ArmedAsync(fanOut.Options.HeartbeatInterval);
        Assert.That(fanOut.Meters.Held, Is.EqualTo(2), "written, not flushed");

        reader.Shutdown();

        Assert.That(async () => await waiting.Within(), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(session.EndReason, Is.Null, "stopping is not the stream's fault");
        await reader.DisposeAsync();
        session.Dispose();
        await fanOut.Feed.StopAsync(CancellationToken.None).Within();
        Assert.That(fanOut.Meters.Held, Is.Zero);
        Assert.That(fanOut.Meters.OpenStreams, Is.Zero);
    }

    private static async Task ReadThroughAsync(SubscriberStream probe, long sequence)
    {
        while ((await probe.Reader.ReadAsync().Within()).Sequence < sequence)
        {
        }
    }
}

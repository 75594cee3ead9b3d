using NotificationExchange.Domain.Notifications;
using NotificationExchange.FanOut.Tests.Support;
using NUnit.Framework;

namespace NotificationExchange.FanOut.Tests;

/// <summary>
/// The live feed turns events arriving in any order, some never, into the log's order without gap or duplicate. Events
/// "from the bus" are copies of the log's, so that a test can tell which of the two a dispatched event came from.
/// </summary>
public class LiveFeedTests
{
    [Test]
    public async Task Events_arriving_out_of_order_are_dispatched_in_sequence_order_each_once()
    {
        await using var fanOut = await FanOutFixture.StartAsync();
        using var probe = fanOut.Probe();
        var recorded = fanOut.Store.CommitElsewhere(4);

        foreach (var index in new[] { 1, 0, 2, 1, 3, 0 })
        {
            fanOut.Feed.Offer(FromBus(recorded[index]));
        }
        var dispatched = await ReadAsync(probe, 4);

        Assert.That(dispatched.Select(e => e.Sequence), Is.EqualTo(new long[] { 1, 2, 3, 4 }));
        // Inputs are handled in order and the last one was dispatched: had anything been dispatched twice, it would be here.
        Assert.That(probe.Reader.TryRead(out var extra), Is.False, $"dispatched again: {extra}");
        Assert.That(fanOut.Feed.Position, Is.EqualTo(4));
    }

    [Test]
    public async Task A_sequence_the_bus_never_brings_is_read_from_the_log_when_a_later_one_arrives()
    {
        await using var fanOut = await FanOutFixture.StartAsync();
        using var probe = fanOut.Probe();
        var recorded = fanOut.Store.CommitElsewhere(3);

        fanOut.Feed.Offer(FromBus(recorded[0]));
        fanOut.Feed.Offer(FromBus(recorded[2]));
        var dispatched = await ReadAsync(probe, 3);

        Assert.That(dispatched.Select(e => e.Sequence), Is.EqualTo(new long[] { 1, 2, 3 }));
        Assert.That(dispatched[1], Is.SameAs(recorded[1]), "sequence 2 came from the log");
        Assert.That(dispatched[2], Is.Not.SameAs(recorded[2]), "sequence 3 came from the bus");
    }

    [Test]
    public async Task A_missing_last_event_is_found_by_the_head_check_once_its_interval_has_passed()
    {
        await using var fanOut = await FanOutFixture.StartAsync();
        using var probe = fanOut.Probe();
        var recorded = fanOut.Store.CommitElsewhere(2);
        fanOut.Feed.Offer(FromBus(recorded[0]));
        await ReadAsync(probe, 1);

        // Nothing later arrives to reveal the gap; until the head check runs, the feed cannot know of sequence 2.
        Assert.That(probe.Reader.TryRead(out _), Is.False);
        Assert.That(fanOut.Feed.Position, Is.EqualTo(1));
        await fanOut.Clock.ArmedAsync(fanOut.Options.GapCheckInterval);
        fanOut.Clock.Advance(fanOut.Options.GapCheckInterval);

        var filled = await ReadAsync(probe, 1);
        Assert.That(filled[0], Is.SameAs(recorded[1]), "read from the log");
    }

    [Test]
    public async Task The_feed_starts_at_the_head_of_the_log_and_dispatches_only_what_comes_after()
    {
        await using var fanOut = await FanOutFixture.StartAsync(existing: 3);
        using var probe = fanOut.Probe();

        var recorded = fanOut.Store.Commit(1);
        var dispatched = await ReadAsync(probe, 1);

        Assert.That(dispatched[0], Is.SameAs(recorded[0]));
        Assert.That(dispatched[0].Sequence, Is.EqualTo(4));
    }

    private static RecordedEvent FromBus(RecordedEvent recorded) => recorded with { };

    private static async Task<List<LogEntry>> ReadAsync(SubscriberStream probe, int count)
    {
        var read = new List<LogEntry>();
        while (read.Count < count)
        {
            read.Add(await probe.Reader.ReadAsync().Within());
        }
        return read;
    }
}

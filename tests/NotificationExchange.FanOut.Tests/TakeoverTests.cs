using NotificationExchange.FanOut.Tests.Support;
using NUnit.Framework;

namespace NotificationExchange.FanOut.Tests;

/// <summary>
/// A subscription streams to one consumer at a time, the newest: a stream opening ends the older one, whether it is
/// open on this instance or, as the bus tells, on another.
/// </summary>
public class TakeoverTests
{
    [Test]
    public async Task A_second_stream_on_a_subscription_ends_the_first_saying_when_and_streams_on()
    {
        await using var fanOut = await FanOutFixture.StartAsync();
        var subscription = await fanOut.CreateSubscriptionAsync();
        using var first = fanOut.Subscriptions.OpenStream(subscription, 0);
        await using var firstReader = new SessionReader(first);
        await firstReader.ReadUntilAsync(i => i is StreamItem.CaughtUp);
        fanOut.Clock.Advance(TimeSpan.FromMinutes(1));

        using var second = fanOut.Subscriptions.OpenStream(subscription, 0);

        var reason = first.EndReason as SubscriptionTakenOverException;
        Assert.That(reason, Is.Not.Null, $"ended at once: {first.EndReason}");
        Assert.That(reason!.TakenOverAt, Is.EqualTo(Events.Epoch.AddMinutes(1)).And.EqualTo(second.Opened.OpenedAt));
        Assert.That(reason.Message, Is.EqualTo(
            $"another stream opened subscription {subscription.Id} at 2026-03-01T12:01:00.000Z; a subscription streams to one consumer at a time, the newest"));
        Assert.That(async () => await firstReader.NextAsync(), Throws.InstanceOf<SubscriptionTakenOverException>());

        await using var secondReader = new SessionReader(second);
        await secondReader.ReadUntilAsync(i => i is StreamItem.CaughtUp);
        var recorded = fanOut.Store.Commit(1);
        Assert.That(await secondReader.NextAsync(), Is.EqualTo(new StreamItem.Event(recorded[0], Live: true)));
        Assert.That(second.EndReason, Is.Null);
    }

    [Test]
    public async Task Each_stream_opened_is_announced_to_the_other_instances()
    {
        await using var fanOut = await FanOutFixture.StartAsync();
        var subscription = await fanOut.CreateSubscriptionAsync();

        using var first = fanOut.Subscriptions.OpenStream(subscription, 0);
        using var second = fanOut.Subscriptions.OpenStream(subscription, 0);

        Assert.That(await fanOut.Bus.NextAsync(), Is.EqualTo(first.Opened));
        Assert.That(await fanOut.Bus.NextAsync(), Is.EqualTo(second.Opened));
        Assert.That(second.Opened.StreamId, Is.Not.EqualTo(first.Opened.StreamId));
    }

    [Test]
    public async Task The_taken_over_stream_closing_late_leaves_the_newer_one_in_charge()
    {
        await using var fanOut = await FanOutFixture.StartAsync();
        var subscription = await fanOut.CreateSubscriptionAsync();
        var first = fanOut.Subscriptions.OpenStream(subscription, 0);
        using var second = fanOut.Subscriptions.OpenStream(subscription, 0);

        first.Dispose();
        await fanOut.Subscriptions.DeleteAsync(FanOutFixture.Owner, subscription.Id, CancellationToken.None);

        Assert.That(second.EndReason, Is.InstanceOf<SubscriptionDeletedException>(), "the manager still knew the newer stream");
    }

    [Test]
    public async Task A_newer_stream_on_another_instance_ends_the_one_here_and_an_older_one_does_not()
    {
        await using var fanOut = await FanOutFixture.StartAsync();
        var subscription = await fanOut.CreateSubscriptionAsync();
        var other = await fanOut.CreateSubscriptionAsync();
        using var local = fanOut.Subscriptions.OpenStream(subscription, 0);
        var openedAt = local.Opened.OpenedAt;

        fanOut.Subscriptions.StreamOpenedElsewhere(new OpenedStream(subscription.Id, Guid.NewGuid(), openedAt.AddSeconds(-1)));
        fanOut.Subscriptions.StreamOpenedElsewhere(new OpenedStream(other.Id, Guid.NewGuid(), openedAt.AddSeconds(1)));
        Assert.That(local.EndReason, Is.Null, "an older stream elsewhere, and a newer one of another subscription, leave it open");

        fanOut.Subscriptions.StreamOpenedElsewhere(new OpenedStream(subscription.Id, Guid.NewGuid(), openedAt.AddSeconds(1)));
        Assert.That(local.EndReason, Is.InstanceOf<SubscriptionTakenOverException>()
            .With.Property(nameof(SubscriptionTakenOverException.TakenOverAt)).EqualTo(openedAt.AddSeconds(1)));
    }

    [Test]
    public void Of_two_streams_opened_at_the_same_instant_exactly_one_is_the_newer_the_same_on_every_instance()
    {
        var at = Events.Epoch;
        var a = new OpenedStream("sub-1", Guid.Parse("00000000-0000-0000-0000-000000000001"), at);
        var b = new OpenedStream("sub-1", Guid.Parse("00000000-0000-0000-0000-000000000002"), at);

        Assert.That(b.IsNewerThan(a), Is.True);
        Assert.That(a.IsNewerThan(b), Is.False);
        Assert.That(a.IsNewerThan(a), Is.False, "a stream does not take over itself");
        Assert.That((a with { OpenedAt = at.AddTicks(1) }).IsNewerThan(b), Is.True, "the later opening wins over the greater id");
    }

    [Test]
    public async Task A_subscription_deleted_while_its_stream_replays_ends_that_stream()
    {
        await using var fanOut = await FanOutFixture.StartAsync(existing: 10);
        var subscription = await fanOut.CreateSubscriptionAsync();
        using var session = fanOut.Subscriptions.OpenStream(subscription, 0);
        await using var reader = new SessionReader(session);
        await reader.NextAsync(); // replaying, not yet attached to the feed

        await fanOut.Subscriptions.DeleteAsync(FanOutFixture.Owner, subscription.Id, CancellationToken.None);

        Assert.That(async () => await reader.NextAsync(), Throws.InstanceOf<SubscriptionDeletedException>());
    }

    [Test]
    public async Task An_unreachable_bus_never_fails_a_stream()
    {
        await using var fanOut = await FanOutFixture.StartAsync();
        fanOut.Bus.Down = true;
        var subscription = await fanOut.CreateSubscriptionAsync();

        using var session = fanOut.Subscriptions.OpenStream(subscription, 0);
        await using var reader = new SessionReader(session);

        Assert.That(await reader.NextAsync(), Is.EqualTo(new StreamItem.CaughtUp(0)));
    }

    [Test]
    public async Task A_stream_that_must_end_gets_the_write_grace_on_the_clock_before_its_writes_are_given_up()
    {
        await using var fanOut = await FanOutFixture.StartAsync();
        var subscription = await fanOut.CreateSubscriptionAsync();
        using var first = fanOut.Subscriptions.OpenStream(subscription, 0);
        Assert.That(first.EndingWriteGraceOver.IsCancellationRequested, Is.False);

        using var second = fanOut.Subscriptions.OpenStream(subscription, 0);
        await fanOut.Clock.ArmedAsync(fanOut.Options.EndingWriteGrace);
        Assert.That(first.EndingWriteGraceOver.IsCancellationRequested, Is.False, "the write under way may still finish");
        fanOut.Clock.Advance(fanOut.Options.EndingWriteGrace);

        Assert.That(first.EndingWriteGraceOver.IsCancellationRequested, Is.True);
        Assert.That(second.EndingWriteGraceOver.IsCancellationRequested, Is.False);
    }
}

using NotificationExchange.Domain.Consultations;
using NotificationExchange.FanOut.Tests.Support;
using NUnit.Framework;

namespace NotificationExchange.FanOut.Tests;

/// <summary>
/// A consultation's events travel through the same log and feed as notifications, but reach only its parties: in
/// replay and live alike, an organisation that is not a party never receives them (the entry's audience is checked
/// before anything else).
/// </summary>
public class AudienceTests
{
    private const string Requester = "esa-ops";
    private const string Counterpart = "cnes-ops";

    [Test]
    public async Task Replay_and_live_give_a_consultation_s_events_to_its_parties_only()
    {
        await using var fanOut = await FanOutFixture.StartAsync();
        var party = await fanOut.CreateSubscriptionAsync(owner: Counterpart);
        var outsider = await fanOut.CreateSubscriptionAsync();
        fanOut.Store.Commit(1);
        await CommitAsync(fanOut, 2);
        fanOut.Store.Commit(1);

        using var partySession = fanOut.Subscriptions.OpenStream(party, 0);
        using var outsiderSession = fanOut.Subscriptions.OpenStream(outsider, 0);
        await using var partyReader = new SessionReader(partySession);
        await using var outsiderReader = new SessionReader(outsiderSession);
        var partyReplay = await partyReader.ReadUntilAsync(i => i is StreamItem.CaughtUp);
        var outsiderReplay = await outsiderReader.ReadUntilAsync(i => i is StreamItem.CaughtUp);

        await CommitAsync(fanOut, 4);
        fanOut.Store.Commit(1);
        var partyLive = new[] { await partyReader.NextAsync(), await partyReader.NextAsync() };
        var outsiderLive = await outsiderReader.NextAsync();

        Assert.Multiple(() =>
        {
            Assert.That(Sequences(partyReplay), Is.EqualTo(new long[] { 1, 2, 3 }));
            Assert.That(partyReplay[1], Is.InstanceOf<StreamItem.Event>().With.Property("Entry").InstanceOf<ConsultationRecorded>());
            Assert.That(Sequences(outsiderReplay), Is.EqualTo(new long[] { 1, 3 }), "replay passes over the consultation's event");
            Assert.That(outsiderReplay[^1], Is.EqualTo(new StreamItem.CaughtUp(3)), "its place is still accounted for");
            Assert.That(Sequences(partyLive), Is.EqualTo(new long[] { 4, 5 }));
            Assert.That(Sequences([outsiderLive]), Is.EqualTo(new long[] { 5 }), "the live feed passes over it too");
        });
    }

    [Test]
    public async Task A_subscription_that_excludes_consultation_events_gets_none_even_as_a_party()
    {
        await using var fanOut = await FanOutFixture.StartAsync();
        var subscription = await fanOut.Subscriptions.CreateAsync(
            Requester, "notifications only", Domain.Subscriptions.SubscriptionFilter.Everything with { ExcludeConsultationEvents = true },
            StartPosition.Earliest, [], CancellationToken.None);
        await CommitAsync(fanOut, 1);
        fanOut.Store.Commit(1);

        using var session = fanOut.Subscriptions.OpenStream(subscription, 0);
        await using var reader = new SessionReader(session);

        Assert.That(Sequences(await reader.ReadUntilAsync(i => i is StreamItem.CaughtUp)), Is.EqualTo(new long[] { 2 }));
    }

    private static Task CommitAsync(FanOutFixture fanOut, long sequence) => fanOut.Store.WriteAsync(session =>
    {
        session.Append(Events.ConsultationRequested(sequence, Requester, Counterpart));
        return 0;
    }, CancellationToken.None);

    private static long[] Sequences(IEnumerable<StreamItem> items) =>
        items.OfType<StreamItem.Event>().Select(e => e.Entry.Sequence).ToArray();
}

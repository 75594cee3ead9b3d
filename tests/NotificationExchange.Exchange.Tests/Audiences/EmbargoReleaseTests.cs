using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NotificationExchange.Domain.Consultations;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Audiences;

/// <summary>
/// Embargoes end on the deadline clock, a fake the test moves (streams, heartbeats and filing keep real time): nothing
/// before the end, one EMBARGO_RELEASED version at it, written once whatever the number of instances, received then by
/// every subscriber the notification's own audience admits, once; and a release that came due while every instance
/// was down happens at the next start.
/// </summary>
public class EmbargoReleaseTests
{
    private TestDatabase _database = null!;
    private readonly List<ExchangeHost> _hosts = [];

    [SetUp]
    public void CreateDatabase() => _database = new TestDatabase();

    [TearDown]
    public async Task StopHosts()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
        _hosts.Clear();
        _database.Dispose();
    }

    [Test]
    public async Task An_embargo_holds_a_notification_to_its_parties_until_its_end_then_one_release_reaches_every_newly_entitled_subscriber_once()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var a = await StartAsync(clock);
        var b = await StartAsync(clock);
        var filer = await a.NewOperatorAsync("filer-ops");
        var party = b.Client(await a.NewOperatorKeyAsync("party-ops"));
        var bystander = b.Client(await a.NewOperatorKeyAsync("bystander-ops"));
        using var partyStream = await OpenStreamAsync(party);
        using var bystanderStream = await OpenStreamAsync(bystander);
        var anonymous = new ExchangeClient(a.AnonymousChannel());

        var until = clock.GetUtcNow().UtcDateTime.AddHours(1);
        var filed = (await filer.Notifications.FileNotificationAsync(Embargoed(until))).Notification;
        Assert.That(filed.Embargo, Is.EqualTo(new Embargo { Audience = Named("party-ops"), Until = Timestamp.FromDateTime(until) }));
        Assert.That((await partyStream.ReadEventsAsync(1))[0].Notification, Is.EqualTo(filed));
        await AssertHiddenAsync(bystander, filed.Id);
        await AssertHiddenAsync(anonymous, filed.Id);

        clock.Advance(TimeSpan.FromMinutes(59));
        var witness = (await filer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver(44000)))).Notification;
        Assert.That((await bystanderStream.ReadEventsAsync(1)).Select(e => e.Notification.Id), Is.EqualTo(new[] { witness.Id }), "not yet released");
        await AssertHiddenAsync(anonymous, filed.Id);

        clock.Advance(TimeSpan.FromMinutes(1));

        var released = (await bystanderStream.ReadEventsAsync(2))[1];
        Assert.Multiple(() =>
        {
            Assert.That(released.EventType, Is.EqualTo(NotificationEventType.EmbargoReleased));
            Assert.That(released.Notification.Id, Is.EqualTo(filed.Id));
            Assert.That(released.Notification.Version, Is.EqualTo(2));
            Assert.That(released.Notification.Embargo, Is.Null);
            Assert.That(released.Notification.Audience, Is.EqualTo(new Audience { Scope = AudienceScope.Public }));
            Assert.That(released.Notification.Maneuver, Is.EqualTo(filed.Maneuver), "the content is unchanged");
            Assert.That(released.RecordedAt, Is.EqualTo(Timestamp.FromDateTime(until)), "at the embargo's end");
        });
        var toParty = await partyStream.ReadEventsAsync(3);
        Assert.That(toParty.Select(e => (e.Notification.Id, e.EventType)), Is.EqualTo(new[]
        {
            (filed.Id, NotificationEventType.Filed), (witness.Id, NotificationEventType.Filed), (filed.Id, NotificationEventType.EmbargoReleased),
        }), "the party, entitled all along, is told the notification is now wider");
        Assert.That((await anonymous.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = filed.Id })).Notification.Version, Is.EqualTo(2));

        // Both instances found it due; one wrote it. A later filing shows that nothing else came in between.
        var after = (await filer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver(44001)))).Notification;
        Assert.That((await bystanderStream.ReadEventsAsync(3))[2].Notification.Id, Is.EqualTo(after.Id));
        var history = (await filer.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = filed.Id, IncludeHistory = true })).History;
        Assert.That(history.Select(h => h.EventType), Is.EqualTo(new[] { NotificationEventType.Filed, NotificationEventType.EmbargoReleased }));
        Assert.That(bystanderStream.Events.Count(e => e.EventType == NotificationEventType.EmbargoReleased), Is.EqualTo(1));
    }

    [Test]
    public async Task An_embargo_that_ended_while_every_instance_was_down_is_released_at_the_next_start()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var first = await StartAsync(clock);
        var filer = first.Client(await first.NewOperatorKeyAsync("filer-ops"));
        var bystanderKey = await first.NewOperatorKeyAsync("party-ops");
        var filed = (await filer.Notifications.FileNotificationAsync(Embargoed(clock.GetUtcNow().UtcDateTime.AddMinutes(5)))).Notification;
        await first.StopAsync();

        clock.Advance(TimeSpan.FromMinutes(10));
        var second = await StartAsync(clock);
        var anonymous = new ExchangeClient(second.AnonymousChannel());
        var deadline = DateTime.UtcNow.AddSeconds(15);
        Notification? read = null;
        while (read is null && DateTime.UtcNow < deadline)
        {
            try
            {
                read = (await anonymous.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = filed.Id })).Notification;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                await Task.Delay(50);
            }
        }
        Assert.That(read, Is.Not.Null, "released at the start");
        Assert.That((read!.Version, read.Embargo), Is.EqualTo((2u, (Embargo?)null)));
        Assert.That(read.UpdatedAt, Is.EqualTo(Timestamp.FromDateTimeOffset(clock.GetUtcNow())), "at the start, by the clock the exchange woke to");
        Assert.That(bystanderKey, Is.Not.Empty);
    }

    [Test]
    public async Task Lifting_an_embargo_early_is_an_amendment_and_narrowing_an_embargoed_notification_below_its_parties_is_refused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var host = await StartAsync(clock);
        var filer = await host.NewOperatorAsync("filer-ops");
        await host.NewOperatorAsync("party-ops");
        var other = await host.NewOperatorAsync("other-ops");
        var filed = (await filer.Notifications.FileNotificationAsync(Embargoed(clock.GetUtcNow().UtcDateTime.AddHours(1)))).Notification;

        var hide = new AmendNotificationRequest
        {
            RequestId = "hide", NotificationId = filed.Id, Maneuver = filed.Maneuver,
            Embargo = new Embargo { Audience = new Audience { Scope = AudienceScope.Bilateral, Organizations = { "other-ops" } }, Until = filed.Embargo.Until },
        };
        var refused = await CallOutcome.Of(() => filer.Notifications.AmendNotificationAsync(hide).ResponseAsync);
        Assert.That(CallOutcome.Violations(refused.Exception!).Select(v => v.Field), Is.EqualTo(new[] { "embargo.audience.scope" }));

        var lift = new AmendNotificationRequest { RequestId = "lift", NotificationId = filed.Id, Maneuver = filed.Maneuver, Audience = new Audience { Scope = AudienceScope.Public } };
        var lifted = (await filer.Notifications.AmendNotificationAsync(lift)).Notification;
        Assert.That(lifted.Embargo, Is.Null);
        Assert.That((await other.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = filed.Id })).Notification.Version, Is.EqualTo(2));

        clock.Advance(TimeSpan.FromHours(2));
        var witness = (await filer.Notifications.FileNotificationAsync(Embargoed(clock.GetUtcNow().UtcDateTime.AddMinutes(-1).AddHours(1)))).Notification;
        Assert.That(witness.Id, Is.Not.EqualTo(filed.Id));
        var history = (await filer.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = filed.Id, IncludeHistory = true })).History;
        Assert.That(history.Select(h => h.EventType), Is.EqualTo(new[] { NotificationEventType.Filed, NotificationEventType.Amended }), "nothing left to release");
    }

    private static Audience Named(params string[] organizations) => new() { Scope = AudienceScope.Named, Organizations = { organizations } };

    private static FileNotificationRequest Embargoed(DateTime until)
    {
        var request = Notices.File(Notices.Maneuver());
        request.Audience = new Audience { Scope = AudienceScope.Public };
        request.Embargo = new Embargo { Audience = Named("party-ops"), Until = Timestamp.FromDateTime(until) };
        return request;
    }

    private static async Task AssertHiddenAsync(ExchangeClient reader, string id)
    {
        var outcome = await CallOutcome.Of(() => reader.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = id }).ResponseAsync);
        Assert.That(outcome.Code, Is.EqualTo(StatusCode.NotFound));
    }

    private async Task<ExchangeHost> StartAsync(FakeTimeProvider deadlineClock)
    {
        var host = await ExchangeHost.StartAsync(_database.Path, services: services => services.AddSingleton(new DeadlineClock(deadlineClock)));
        _hosts.Add(host);
        return host;
    }

    private static async Task<StreamProbe> OpenStreamAsync(ExchangeClient client)
    {
        var subscription = await client.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "all" });
        var probe = StreamProbe.Open(client, subscription.Id);
        await probe.ReadUntilCaughtUpAsync();
        return probe;
    }
}

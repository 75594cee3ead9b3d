using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Audiences;

/// <summary>Two instances on one store and the real RabbitMQ broker: replay and live delivery agree with the audience on both.</summary>
public class AudienceRabbitMqTests
{
    private string _broker = null!;
    private TestDatabase _database = null!;
    private readonly List<ExchangeHost> _hosts = [];

    [SetUp]
    public void RequireBroker()
    {
        _broker = RabbitMqBroker.Require();
        _database = new TestDatabase();
    }

    [TearDown]
    public async Task StopInstances()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
        _hosts.Clear();
        _database.Dispose();
    }

    [Test]
    public async Task A_named_notification_filed_on_one_instance_reaches_the_named_party_streaming_from_another_and_nobody_else()
    {
        var a = await StartInstance();
        // B looks at the log's head only every ten minutes: what it streams live came over the bus.
        var b = await StartInstance(new() { ["Exchange:FanOut:GapCheckInterval"] = "00:10:00" });
        var filer = await a.NewOperatorAsync("filer-on-a");
        var named = b.Client(await a.NewOperatorKeyAsync("named-on-b"));
        var bystander = b.Client(await a.NewOperatorKeyAsync("bystander-on-b"));
        // A subscription replays what was recorded since it was made.
        var toNamed = await named.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "all" });
        var toBystander = await bystander.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "all" });
        var earlier = await filer.Notifications.FileNotificationAsync(Named(Notices.Maneuver(), "named-on-b"));
        using var namedStream = StreamProbe.Open(named, toNamed.Id);
        using var bystanderStream = StreamProbe.Open(bystander, toBystander.Id);
        Assert.That((await namedStream.ReadUntilCaughtUpAsync()).Select(e => e.Notification.Id), Is.EqualTo(new[] { earlier.Notification.Id }), "replayed on B");
        Assert.That(await bystanderStream.ReadUntilCaughtUpAsync(), Is.Empty, "not replayed to the bystander");

        var live = (await filer.Notifications.FileNotificationAsync(Named(Notices.Maneuver(), "named-on-b"))).Notification;
        var witness = (await filer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver()))).Notification;

        Assert.That((await namedStream.ReadEventsAsync(3, TimeSpan.FromSeconds(5))).Select(e => e.Notification.Id),
            Is.EqualTo(new[] { earlier.Notification.Id, live.Id, witness.Id }));
        Assert.That((await bystanderStream.ReadEventsAsync(1, TimeSpan.FromSeconds(5))).Select(e => e.Notification.Id), Is.EqualTo(new[] { witness.Id }),
            "the public notification after it arrived; the named one was passed over");
    }

    private static FileNotificationRequest Named(ManeuverNotice notice, params string[] organizations)
    {
        var request = Notices.File(notice);
        request.Audience = new Audience { Scope = AudienceScope.Named, Organizations = { organizations } };
        return request;
    }

    private async Task<ExchangeHost> StartInstance(Dictionary<string, string>? settings = null)
    {
        var host = await ExchangeHost.StartAsync(_database.Path, _broker, settings);
        _hosts.Add(host);
        return host;
    }
}

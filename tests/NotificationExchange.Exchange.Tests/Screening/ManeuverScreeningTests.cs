using Google.Protobuf.WellKnownTypes;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Screening;

/// <summary>
/// A filed maneuver screened end to end: its post-maneuver orbit is built to pass 200 m above a registered object (ISS)
/// 45 minutes after the burn. The exchange runs on a simulation clock at the element set's time. Exactly one alert is
/// raised, to both operators (the maneuvering object's, which filed, and ISS's) and nobody else; an amendment updates it
/// and a cancellation withdraws it; the notification's screening status names it.
/// </summary>
public class ManeuverScreeningTests
{
    private static readonly DateTime SimulatedStart = new(2022, 7, 15, 12, 0, 0, DateTimeKind.Utc);
    internal const uint Maneuvering = 70_001;

    private TestDatabase _database = null!;
    private ExchangeHost _host = null!;

    [SetUp]
    public async Task StartExchange()
    {
        _database = new TestDatabase();
        _host = await ExchangeHost.StartAsync(_database.Path, settings: new Dictionary<string, string>
        {
            ["Exchange:SimulationClock:Start"] = SimulatedStart.ToString("O"),
        });
    }

    [TearDown]
    public async Task StopExchange()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    [Test]
    public async Task A_maneuver_built_to_pass_near_a_registered_object_raises_one_alert_to_both_operators_and_nobody_else_and_follows_the_notification()
    {
        var filer = await _host.NewOperatorAsync("maneuver-ops");
        var iss = await _host.NewOperatorAsync("iss-ops");
        var bystander = await _host.NewOperatorAsync("bystander-ops");
        await iss.Registry.RegisterObjectAsync(RegistryOrbits.Iss());
        using var filerStream = await StreamProbe.OpenFromLatestAsync(filer);
        using var issStream = await StreamProbe.OpenFromLatestAsync(iss);
        using var bystanderStream = await StreamProbe.OpenFromLatestAsync(bystander);

        var ignition = SimulatedStart.AddHours(2);
        var tca = ignition.AddMinutes(45);
        var burn = new RtnVector { Radial = 0, InTrack = 2.0, CrossTrack = 0 };
        var notice = Maneuver(Encounters.BeforeBurnToMeet(Encounters.Iss(), ignition, tca, 0.2, burn), ignition, burn);
        var filed = (await filer.Notifications.FileNotificationAsync(Notices.File(notice, "close-pass"))).Notification;

        var raised = (await issStream.ReadAlertEventsAsync(1, TimeSpan.FromSeconds(60))).Single();
        var toFiler = (await filerStream.ReadAlertEventsAsync(1, TimeSpan.FromSeconds(30))).Single();
        var alert = raised.Alert;
        Assert.Multiple(() =>
        {
            Assert.That(raised.EventType, Is.EqualTo(AlertEventType.Raised));
            Assert.That(toFiler, Is.EqualTo(raised), "both operators get the same event");
            Assert.That(alert.Primary.Object.NoradCatId, Is.EqualTo(Maneuvering));
            Assert.That(alert.Primary.OperatorId, Is.EqualTo("maneuver-ops"));
            Assert.That(alert.Primary.Source, Is.EqualTo(OrbitSource.Notification));
            Assert.That(alert.Secondary.Object.NoradCatId, Is.EqualTo(25544u));
            Assert.That(alert.Secondary.OperatorId, Is.EqualTo("iss-ops"));
            Assert.That(alert.Secondary.Source, Is.EqualTo(OrbitSource.Registration));
            Assert.That(alert.NotificationId, Is.EqualTo(filed.Id));
            Assert.That(alert.Tca.ToDateTime(), Is.EqualTo(tca).Within(TimeSpan.FromSeconds(5)));
            Assert.That(alert.MissDistanceM, Is.LessThan(1000), "built to pass 200 m above");
            Assert.That(alert.RelativeSpeedMps, Is.GreaterThan(5000), "a crossing at right angles");
            Assert.That(alert.Probability.Kind, Is.EqualTo(ProbabilityKind.MaximumForHardBodyRadius), "element sets carry no covariance");
            Assert.That(alert.Probability.CombinedHardBodyRadiusM, Is.EqualTo(55), "ISS's registered 50 m and the default 5 m");
            Assert.That(alert.Unannounced, Is.Null, "a crossing at km/s for a second is no deliberate approach");
            Assert.That(alert.Secondary.Response.AcknowledgeBy, Is.Not.Null);
        });
        var listed = await filer.Alerts.ListAlertsAsync(new ListAlertsRequest { NoradCatId = 25544 });
        Assert.That(listed.Alerts.Select(a => a.Id), Is.EqualTo(new[] { alert.Id }), "exactly one alert about the pair");
        var screened = (await filer.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = filed.Id })).Notification.Screening;
        Assert.Multiple(() =>
        {
            Assert.That(screened.State, Is.EqualTo(ScreeningState.Screened));
            Assert.That(screened.AlertIds, Is.EqualTo(new[] { alert.Id }));
            Assert.That(screened.Span.Start.ToDateTime(), Is.EqualTo(ignition));
            Assert.That(screened.Span.End.ToDateTime(), Is.EqualTo(ignition.AddMinutes(1).AddDays(7)));
        });

        // An amendment with a slightly different burn re-screens: the same encounter, the same alert, a new version.
        var trimmed = new RtnVector { Radial = 0, InTrack = 2.01, CrossTrack = 0 };
        await filer.Notifications.AmendNotificationAsync(new AmendNotificationRequest
        {
            NotificationId = filed.Id,
            RequestId = "close-pass-trim",
            Maneuver = Maneuver(notice.CurrentOrbit.MeanElements, ignition, trimmed),
            Reason = "burn trimmed",
        });
        var updated = (await issStream.ReadAlertEventsAsync(2, TimeSpan.FromSeconds(60)))[1];
        Assert.Multiple(() =>
        {
            Assert.That(updated.EventType, Is.EqualTo(AlertEventType.Updated));
            Assert.That(updated.Alert.Id, Is.EqualTo(alert.Id));
            Assert.That(updated.Alert.Version, Is.EqualTo(2));
            Assert.That(updated.Alert.NotificationVersion, Is.EqualTo(2));
            Assert.That(updated.Alert.MissDistanceM, Is.Not.EqualTo(alert.MissDistanceM).Within(10));
        });

        // Cancelling withdraws it, for both.
        await filer.Notifications.CancelNotificationAsync(new CancelNotificationRequest { NotificationId = filed.Id, RequestId = "close-pass-cancel", Reason = "no longer needed" });
        var withdrawn = (await issStream.ReadAlertEventsAsync(3, TimeSpan.FromSeconds(60)))[2];
        Assert.That((withdrawn.EventType, withdrawn.Alert.Id, withdrawn.Alert.State), Is.EqualTo((AlertEventType.Withdrawn, alert.Id, AlertState.Withdrawn)));
        Assert.That((await filerStream.ReadAlertEventsAsync(3, TimeSpan.FromSeconds(30))).Select(e => e.EventType),
            Is.EqualTo(new[] { AlertEventType.Raised, AlertEventType.Updated, AlertEventType.Withdrawn }));

        await bystanderStream.AssertNoAlertWithinAsync(TimeSpan.FromSeconds(1));
        Assert.Multiple(async () =>
        {
            Assert.That(bystanderStream.AlertEvents, Is.Empty, "nobody else hears of it");
            Assert.That((await bystander.Alerts.ListAlertsAsync(new ListAlertsRequest())).Alerts, Is.Empty);
        });
    }

    [Test]
    public async Task A_maneuver_without_a_direction_is_accepted_and_its_filer_is_told_why_it_was_not_screened()
    {
        var filer = await _host.NewOperatorAsync("vague-ops");
        var ignition = SimulatedStart.AddHours(3);
        var burn = new RtnVector { Radial = 0, InTrack = 1.0, CrossTrack = 0 };
        var notice = Maneuver(Encounters.BeforeBurnToMeet(Encounters.Iss(), ignition, ignition.AddMinutes(30), 5, burn), ignition, burn);
        notice.PlannedDeltaV.ComponentsMps = null;
        var filed = (await filer.Notifications.FileNotificationAsync(Notices.File(notice, "no-direction"))).Notification;

        var status = await ScreenedAsync(filer, filed.Id);
        Assert.Multiple(() =>
        {
            Assert.That(status.State, Is.EqualTo(ScreeningState.NotScreenable));
            Assert.That(status.Reasons, Has.Some.StartsWith("maneuver.planned_delta_v.components_mps"));
        });
    }

    internal static ManeuverNotice Maneuver(MeanElements before, DateTime ignition, RtnVector burn) => new()
    {
        Object = new SpaceObject { NoradCatId = Maneuvering, Name = "RIDESHARE-7" },
        ExecutionWindow = new TimeWindow { Start = Timestamp.FromDateTime(ignition), End = Timestamp.FromDateTime(ignition.AddMinutes(1)) },
        Purpose = ManeuverPurpose.OrbitRaising,
        PlannedDeltaV = new DeltaV
        {
            MagnitudeMps = Math.Sqrt(burn.Radial * burn.Radial + burn.InTrack * burn.InTrack + burn.CrossTrack * burn.CrossTrack),
            ComponentsMps = burn,
        },
        CurrentOrbit = new OrbitSpec { MeanElements = before },
        Contact = Notices.Contact(),
    };

    /// <summary>The notification's screening status once the worker has recorded it.</summary>
    internal static async Task<ScreeningStatus> ScreenedAsync(ExchangeClient client, string notificationId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var status = (await client.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = notificationId }, cancellationToken: timeout.Token)).Notification.Screening;
            if (status.State != ScreeningState.Pending)
            {
                return status;
            }
            await Task.Delay(50, timeout.Token);
        }
    }
}

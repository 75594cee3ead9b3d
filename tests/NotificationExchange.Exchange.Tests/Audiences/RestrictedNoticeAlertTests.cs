using System.Diagnostics.Metrics;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using NotificationExchange.Exchange.Tests.Screening;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Audiences;

/// <summary>
/// Alerts from restricted notifications, screened end to end: safety before secrecy. A BILATERAL maneuver built to pass
/// 200 m above a third operator's ISS still warns ISS's operator, but its alert carries nothing of the notice for
/// anyone (no notification id, no state derived from it) on the stream, GetAlert, ListAlerts or the CDM export; the filer
/// reads the id on GetAlert; once an amendment makes the notice public, the next screen's version names it. A restricted
/// proximity-operation notice whose target's operator it leaves out declares nothing to that operator: the approach is
/// flagged unannounced until the notice admits it.
/// </summary>
public class RestrictedNoticeAlertTests
{
    private static readonly DateTime SimulatedStart = new(2022, 7, 15, 12, 0, 0, DateTimeKind.Utc);

    private TestDatabase _database = null!;
    private ExchangeHost _host = null!;

    [SetUp]
    public async Task StartExchange()
    {
        _database = new TestDatabase();
        _host = await ExchangeHost.StartAsync(_database.Path, settings: new Dictionary<string, string>
        {
            ["Exchange:SimulationClock:Start"] = SimulatedStart.ToString("O"),
            ["Exchange:Alerts:Screening:StandingDays"] = "2",
        });
    }

    [TearDown]
    public async Task StopExchange()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    [Test]
    public async Task A_bilateral_maneuver_near_a_third_operators_object_warns_it_without_naming_the_notice_until_the_notice_is_public()
    {
        var withheld = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "NotificationExchange" && instrument.Name == "nx.alerts.events")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var tagged = tags.ToArray().ToDictionary(t => t.Key, t => t.Value);
            if (tagged.GetValueOrDefault("notice_withheld") is true)
            {
                withheld.Enqueue((string)tagged["event_type"]!);
            }
        });
        meters.Start();
        var filer = await _host.NewOperatorAsync("maneuver-ops");
        await _host.NewOperatorAsync("partner-ops");
        var iss = await RegisterIssAsync();
        using var filerStream = await StreamProbe.OpenFromLatestAsync(filer);
        using var issStream = await StreamProbe.OpenFromLatestAsync(iss);

        var notice = PassingAboveIss();
        var request = Notices.File(notice, "bilateral-pass");
        request.Audience = new Audience { Scope = AudienceScope.Bilateral, Organizations = { "partner-ops" } };
        var filed = (await filer.Notifications.FileNotificationAsync(request)).Notification;

        var raised = (await issStream.ReadAlertEventsAsync(1, TimeSpan.FromSeconds(60))).Single();
        var alert = raised.Alert;
        Assert.Multiple(() =>
        {
            Assert.That(raised.EventType, Is.EqualTo(AlertEventType.Raised), "the endangered operator is warned");
            Assert.That((alert.Primary.Object.NoradCatId, alert.Primary.OperatorId), Is.EqualTo((ManeuverScreeningTests.Maneuvering, "maneuver-ops")));
            Assert.That((alert.Secondary.Object.NoradCatId, alert.Secondary.OperatorId), Is.EqualTo((25544u, "iss-ops")));
            Assert.That(alert.MissDistanceM, Is.LessThan(1000), "the geometry is the alert's");
            Assert.That(alert.NotificationId, Is.Empty);
            Assert.That(alert.NotificationVersion, Is.Zero);
            Assert.That(alert.Primary.Source, Is.EqualTo(OrbitSource.Notification));
            Assert.That(alert.Primary.StateAtTca, Is.Null, "no state derived from the notice");
            Assert.That((alert.Primary.Object.Name, alert.Primary.Object.CosparId), Is.EqualTo(("", "")), "nor the name and COSPAR id its filer wrote");
            Assert.That(alert.Primary.DataEpoch, Is.Null, "nor its orbit's epoch");
            Assert.That(raised.ToString(), Does.Not.Contain(filed.Id));
        });
        Assert.That((await filerStream.ReadAlertEventsAsync(1, TimeSpan.FromSeconds(30))).Single(), Is.EqualTo(raised), "one rendered form for every party");

        await GrpcAssert.FailsWithAsync(StatusCode.NotFound,
            () => iss.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = filed.Id }).ResponseAsync);
        var read = await iss.Alerts.GetAlertAsync(new GetAlertRequest { AlertId = alert.Id });
        var listed = await iss.Alerts.ListAlertsAsync(new ListAlertsRequest());
        var cdm = await GrpcAssert.FailsWithAsync(StatusCode.FailedPrecondition,
            () => iss.Alerts.ExportAlertCdmAsync(new ExportAlertCdmRequest { AlertId = alert.Id }).ResponseAsync);
        Assert.Multiple(() =>
        {
            Assert.That(read.Alert.NotificationId, Is.Empty);
            Assert.That(read.Alert.Primary.StateAtTca, Is.Null);
            Assert.That(read.ToString(), Does.Not.Contain(filed.Id), "nor in the history");
            Assert.That(listed.Alerts.Select(a => (a.Id, a.NotificationId)), Is.EqualTo(new[] { (alert.Id, "") }));
            Assert.That(cdm.Status.Detail, Does.Contain($"object {ManeuverScreeningTests.Maneuvering}").And.Contain("derived from a notification that not every party of the alert may read"));
            Assert.That(cdm.Status.Detail, Does.Not.Contain(filed.Id));
        });

        var byFiler = await filer.Alerts.GetAlertAsync(new GetAlertRequest { AlertId = alert.Id });
        var filerList = await filer.Alerts.ListAlertsAsync(new ListAlertsRequest());
        Assert.Multiple(async () =>
        {
            Assert.That((byFiler.Alert.NotificationId, byFiler.Alert.NotificationVersion), Is.EqualTo((filed.Id, 1u)), "the notification admits its filer");
            Assert.That(byFiler.History.Select(e => e.Alert.NotificationId), Is.EqualTo(new[] { filed.Id }));
            Assert.That(filerList.Alerts.Select(a => a.NotificationId), Is.EqualTo(new[] { filed.Id }));
            Assert.That((await ManeuverScreeningTests.ScreenedAsync(filer, filed.Id)).AlertIds, Is.EqualTo(new[] { alert.Id }));
        });

        // The filer makes the notice public: the next screen's version may carry it, and does.
        await filer.Notifications.AmendNotificationAsync(new AmendNotificationRequest
        {
            NotificationId = filed.Id,
            RequestId = "bilateral-pass-public",
            Maneuver = notice,
            Audience = new Audience { Scope = AudienceScope.Public },
            Reason = "published",
        });
        var updated = (await issStream.ReadAlertEventsAsync(2, TimeSpan.FromSeconds(60)))[1];
        Assert.Multiple(() =>
        {
            Assert.That((updated.EventType, updated.Alert.Id, updated.Alert.Version), Is.EqualTo((AlertEventType.Updated, alert.Id, 2u)));
            Assert.That((updated.Alert.NotificationId, updated.Alert.NotificationVersion), Is.EqualTo((filed.Id, 2u)));
            Assert.That(updated.Alert.Primary.StateAtTca, Is.Not.Null);
            Assert.That(withheld, Is.EqualTo(new[] { "Raised" }), "nx.alerts.events counts the alert versions that withhold their notice");
        });
    }

    [Test]
    public async Task A_public_maneuvers_alert_names_the_notice_and_its_state_to_every_party()
    {
        var filer = await _host.NewOperatorAsync("maneuver-ops");
        var iss = await RegisterIssAsync();
        using var issStream = await StreamProbe.OpenFromLatestAsync(iss);
        var notice = PassingAboveIss();
        var filed = (await filer.Notifications.FileNotificationAsync(Notices.File(notice, "public-pass"))).Notification;

        var alert = (await issStream.ReadAlertEventsAsync(1, TimeSpan.FromSeconds(60))).Single().Alert;
        var read = await iss.Alerts.GetAlertAsync(new GetAlertRequest { AlertId = alert.Id });
        Assert.Multiple(() =>
        {
            Assert.That((alert.NotificationId, alert.NotificationVersion), Is.EqualTo((filed.Id, 1u)));
            Assert.That(alert.Primary.StateAtTca, Is.Not.Null);
            Assert.That(read.Alert.NotificationId, Is.EqualTo(filed.Id));
        });
    }

    [Test]
    public async Task A_proximity_notice_its_targets_operator_may_not_read_does_not_declare_the_approach_until_it_admits_that_operator()
    {
        var station = await RegisterIssAsync();
        var shadow = await _host.NewOperatorAsync("shadow-ops");
        await _host.NewOperatorAsync("partner-ops");
        var admin = _host.Admin();
        await shadow.Registry.RegisterObjectAsync(new RegisterObjectRequest
        {
            RequestId = "shadow",
            Object = new SpaceObject { NoradCatId = UnannouncedApproachTests.Shadow, Name = "SHADOW-1" },
            HardBodyRadiusM = 2,
            Orbit = new ObjectOrbit { Tle = UnannouncedApproachTests.Behind(UnannouncedApproachTests.Shadow, 0.0169) },
        });
        using var stationStream = await StreamProbe.OpenFromLatestAsync(station);

        // The shadow's operator declares its stay near ISS to a partner only.
        var rpo = Notices.ProximityOperation(chaser: UnannouncedApproachTests.Shadow, target: 25544);
        rpo.OperationsWindow = new TimeWindow { Start = Timestamp.FromDateTime(SimulatedStart), End = Timestamp.FromDateTime(SimulatedStart.AddDays(8)) };
        rpo.ChaserOrbit = new OrbitSpec { Tle = UnannouncedApproachTests.Behind(UnannouncedApproachTests.Shadow, 0.0169) };
        var request = Notices.File(rpo, "declare-to-partner");
        request.Audience = new Audience { Scope = AudienceScope.Bilateral, Organizations = { "partner-ops" } };
        var filed = (await shadow.Notifications.FileNotificationAsync(request)).Notification;
        await GrpcAssert.FailsWithAsync(StatusCode.NotFound,
            () => station.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = filed.Id }).ResponseAsync);

        await admin.Registry.LoadCatalogueAsync(new LoadCatalogueRequest { RequestId = "catalogue-1", Source = "test", Content = UnannouncedApproachTests.Catalogue(60_001) });
        var raised = (await stationStream.ReadAlertEventsAsync(1, TimeSpan.FromSeconds(60))).Single();
        Assert.Multiple(() =>
        {
            Assert.That(raised.EventType, Is.EqualTo(AlertEventType.Raised), "announced to someone else is unannounced to ISS's operator");
            Assert.That((raised.Alert.Primary.Object.NoradCatId, raised.Alert.Secondary.Object.NoradCatId), Is.EqualTo((25544u, UnannouncedApproachTests.Shadow)));
            Assert.That(raised.Alert.Unannounced, Is.Not.Null);
            Assert.That(raised.ToString(), Does.Not.Contain(filed.Id));
        });

        // Once the notice admits ISS's operator, it declares the approach: the next standing screen withdraws the alert.
        await shadow.Notifications.AmendNotificationAsync(new AmendNotificationRequest
        {
            NotificationId = filed.Id,
            RequestId = "declare-to-station",
            ProximityOperation = rpo,
            Audience = new Audience { Scope = AudienceScope.Named, Organizations = { "partner-ops", "iss-ops" } },
            Reason = "ISS's operator told",
        });
        await admin.Registry.LoadCatalogueAsync(new LoadCatalogueRequest { RequestId = "catalogue-2", Source = "test", Content = UnannouncedApproachTests.Catalogue(60_001, 60_002) });
        var withdrawn = (await stationStream.ReadAlertEventsAsync(2, TimeSpan.FromSeconds(60)))[1];
        Assert.That((withdrawn.EventType, withdrawn.Alert.Id), Is.EqualTo((AlertEventType.Withdrawn, raised.Alert.Id)));
    }

    /// <summary>A maneuver of 70001 two hours in, built to pass 200 m above ISS 45 minutes after its burn.</summary>
    private static ManeuverNotice PassingAboveIss()
    {
        var (ignition, burn) = (SimulatedStart.AddHours(2), new RtnVector { Radial = 0, InTrack = 2.0, CrossTrack = 0 });
        return ManeuverScreeningTests.Maneuver(Encounters.BeforeBurnToMeet(Encounters.Iss(), ignition, ignition.AddMinutes(45), 0.2, burn), ignition, burn);
    }

    /// <summary>ISS registered by iss-ops, as the screening tests register it.</summary>
    private async Task<ExchangeClient> RegisterIssAsync()
    {
        var iss = await _host.NewOperatorAsync("iss-ops");
        await iss.Registry.RegisterObjectAsync(RegistryOrbits.Iss());
        return iss;
    }
}

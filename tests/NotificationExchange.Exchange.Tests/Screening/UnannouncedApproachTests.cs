using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Screening;

/// <summary>
/// Standing screening finds what nobody filed: an object registered by one organisation that keeps 2 km behind another's
/// ISS for days raises one alert flagged as an unannounced approach, to both operators; once a proximity-operation
/// notice declares that approach (chaser and target), the next standing screen withdraws it: a declared approach is no
/// alert. Catalogue loads wake standing screening.
/// </summary>
public class UnannouncedApproachTests
{
    private static readonly DateTime SimulatedStart = new(2022, 7, 15, 12, 0, 0, DateTimeKind.Utc);
    internal const uint Shadow = 70_002;

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
    public async Task An_object_staying_near_a_registered_one_is_flagged_unannounced_until_a_proximity_notice_declares_it()
    {
        var iss = await _host.NewOperatorAsync("station-ops");
        var shadow = await _host.NewOperatorAsync("shadow-ops");
        var bystander = await _host.NewOperatorAsync("quiet-ops");
        var admin = _host.Admin();
        await iss.Registry.RegisterObjectAsync(new RegisterObjectRequest
        {
            RequestId = "iss",
            Object = new SpaceObject { NoradCatId = 25544, Name = "ISS (ZARYA)" },
            HardBodyRadiusM = 50,
            Maneuverable = true,
            Orbit = new ObjectOrbit { Tle = new TwoLineElementSet { Line1 = Notices.IssLine1, Line2 = Notices.IssLine2 } },
        });
        // The same orbit 0.0169 degrees of mean anomaly behind: about 2 km, for as long as the element sets last.
        await shadow.Registry.RegisterObjectAsync(new RegisterObjectRequest
        {
            RequestId = "shadow",
            Object = new SpaceObject { NoradCatId = Shadow, Name = "SHADOW-1" },
            HardBodyRadiusM = 2,
            Orbit = new ObjectOrbit { Tle = Behind(Shadow, 0.0169) },
        });
        using var issStream = await StreamProbe.OpenFromLatestAsync(iss);
        using var shadowStream = await StreamProbe.OpenFromLatestAsync(shadow);
        using var bystanderStream = await StreamProbe.OpenFromLatestAsync(bystander);

        await admin.Registry.LoadCatalogueAsync(new LoadCatalogueRequest { RequestId = "catalogue-1", Source = "test", Content = Catalogue(60_001) });
        var raised = (await issStream.ReadAlertEventsAsync(1, TimeSpan.FromSeconds(60))).Single();
        Assert.Multiple(() =>
        {
            Assert.That(raised.EventType, Is.EqualTo(AlertEventType.Raised));
            Assert.That(raised.Alert.NotificationId, Is.Empty, "standing screening: no notification");
            Assert.That((raised.Alert.Primary.Object.NoradCatId, raised.Alert.Secondary.Object.NoradCatId), Is.EqualTo((25544u, Shadow)));
            Assert.That(raised.Alert.Unannounced, Is.Not.Null, "the security signal");
            Assert.That(raised.Alert.Unannounced.Reason, Does.Contain("stays within 5 km").And.Contain("no proximity-operation notice covers it"));
            Assert.That(raised.Alert.Unannounced.MinimumRangeKm, Is.InRange(1.5, 2.5));
            Assert.That(raised.Alert.Unannounced.MinimumRelativeSpeedMps, Is.LessThan(10));
            Assert.That(raised.Alert.Unannounced.WithinDistance.End.ToDateTime() - raised.Alert.Unannounced.WithinDistance.Start.ToDateTime(),
                Is.GreaterThan(TimeSpan.FromDays(1.9)), "one alert for the whole stay, not one per revolution");
        });
        Assert.That((await shadowStream.ReadAlertEventsAsync(1, TimeSpan.FromSeconds(30))).Single(), Is.EqualTo(raised), "the other operator too");
        var listed = await iss.Alerts.ListAlertsAsync(new ListAlertsRequest { UnannouncedOnly = true });
        Assert.That(listed.Alerts.Select(a => a.Id), Is.EqualTo(new[] { raised.Alert.Id }), "one alert, not one per revolution");

        // The shadow's operator declares the approach; the next standing screen (after a catalogue refresh) withdraws it.
        var rpo = Notices.ProximityOperation(chaser: Shadow, target: 25544);
        rpo.OperationsWindow = new TimeWindow { Start = Timestamp.FromDateTime(SimulatedStart), End = Timestamp.FromDateTime(SimulatedStart.AddDays(8)) };
        rpo.ChaserOrbit = new OrbitSpec { Tle = Behind(Shadow, 0.0169) };
        await shadow.Notifications.FileNotificationAsync(Notices.File(rpo, "declare-stay"));
        await admin.Registry.LoadCatalogueAsync(new LoadCatalogueRequest { RequestId = "catalogue-2", Source = "test", Content = Catalogue(60_001, 60_002) });
        var withdrawn = (await issStream.ReadAlertEventsAsync(2, TimeSpan.FromSeconds(60)))[1];
        Assert.That((withdrawn.EventType, withdrawn.Alert.Id), Is.EqualTo((AlertEventType.Withdrawn, raised.Alert.Id)), "a declared approach is no alert");

        await bystanderStream.AssertNoAlertWithinAsync(TimeSpan.FromSeconds(1));
        Assert.That(bystanderStream.AlertEvents, Is.Empty);
    }

    /// <summary>ISS's element set under another number, <paramref name="degrees"/> of mean anomaly behind.</summary>
    internal static TwoLineElementSet Behind(uint noradCatId, double degrees)
    {
        var tle = RegistryOrbits.Tle((int)noradCatId);
        var anomaly = double.Parse(tle.Line2[43..51], CultureInfo.InvariantCulture) - degrees;
        var line2 = tle.Line2[..43] + anomaly.ToString("0.0000", CultureInfo.InvariantCulture).PadLeft(8) + tle.Line2[51..];
        return new TwoLineElementSet { Line1 = tle.Line1, Line2 = RegistryOrbits.WithChecksum(line2) };
    }

    /// <summary>A reference catalogue of far-away debris (a GEO element set under each number) in 3LE form.</summary>
    internal static string Catalogue(params int[] numbers) => string.Concat(numbers.Select(n =>
    {
        var tle = RegistryOrbits.Tle(n);
        var line2 = RegistryOrbits.WithChecksum(tle.Line2[..52] + " 1.00270000" + tle.Line2[63..]);
        return $"DEBRIS {n}\n{tle.Line1}\n{line2}\n";
    }));
}

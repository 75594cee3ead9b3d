using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests;

/// <summary>
/// An alert end to end across languages: the exchange on a simulation clock at ISS's element set (2022-07-15 12:00 UTC);
/// this side registers ISS for B (sharing its full state) and files A's maneuver that passes 0.2 km above ISS 45 minutes
/// after its burn; the Node.js client, as B, receives the RAISED event, reads, acknowledges and exports the alert, and as
/// C, a third organisation, finds that it does not exist and that its stream carries nothing of it.
/// </summary>
public class OutsiderNodeAlertFlowTests
{
    private static readonly DateTime SimulationStart = new(2022, 7, 15, 12, 0, 0, DateTimeKind.Utc);

    private TestDatabase _database = null!;
    private ExchangeHost _host = null!;

    [OneTimeSetUp]
    public async Task StartExchange()
    {
        _database = new TestDatabase();
        _host = await ExchangeHost.StartAsync(_database.Path, settings: new Dictionary<string, string>
        {
            ["Exchange:SimulationClock:Start"] = "2022-07-15T12:00:00Z",
        });
    }

    [OneTimeTearDown]
    public async Task StopExchange()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!;

    [Test]
    public async Task A_grpc_js_operator_receives_reads_acknowledges_and_exports_the_alert_a_maneuver_raises_on_its_object_and_a_third_organisation_learns_nothing()
    {
        var a = await _host.NewOperatorAsync("node-alert-maneuverer");
        var keyB = await _host.NewOperatorKeyAsync("node-alert-iss");
        var keyC = await _host.NewOperatorKeyAsync("node-alert-outsider");
        var iss = await _host.Client(keyB).Registry.RegisterObjectAsync(new RegisterObjectRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            Object = new SpaceObject { NoradCatId = 25544, CosparId = "1998-067A", Name = "ISS (ZARYA)" },
            Maneuverable = true,
            HardBodyRadiusM = 50,
            Orbit = new ObjectOrbit { Tle = new TwoLineElementSet { Line1 = Notices.IssLine1, Line2 = Notices.IssLine2 } },
            Sharing = SharingPolicy.FullState,
        });
        Assert.That(iss.OperatorId, Is.EqualTo("node-alert-iss"));

        using var node = OutsiderNode.Start("alerts-flow", _host.Address, keyB, keyC);
        await node.NextOfTypeAsync("ready", wait: TimeSpan.FromSeconds(60));

        // A's object, 1 h after the simulation's start, burns 0.5 m/s in-track onto a path crossing ISS's at right angles
        // 0.2 km above it 45 minutes later.
        var ignition = SimulationStart.AddHours(1);
        var tca = ignition.AddMinutes(45);
        var burn = new RtnVector { Radial = 0, InTrack = 0.5, CrossTrack = 0 };
        var notice = new ManeuverNotice
        {
            Object = new SpaceObject { NoradCatId = 61_001, CosparId = "2022-001A", Name = "NODE ALERT CHASER" },
            ExecutionWindow = new TimeWindow { Start = Timestamp.FromDateTime(ignition), End = Timestamp.FromDateTime(ignition.AddMinutes(10)) },
            Purpose = ManeuverPurpose.OrbitRaising,
            PlannedDeltaV = new DeltaV { MagnitudeMps = 0.5, ComponentsMps = burn },
            CurrentOrbit = new OrbitSpec { MeanElements = Encounters.BeforeBurnToMeet(Encounters.Iss(), ignition, tca, 0.2, burn) },
            Remarks = "Crosses ISS 0.2 km above it 45 min after the burn (outsider alert flow)",
            Contact = Notices.Contact(),
        };
        var filed = await a.Notifications.FileNotificationAsync(Notices.File(notice));
        await node.SendAsync($"filed {filed.Notification.Id}");
        var flow = await node.NextOfTypeAsync("alerts", wait: TimeSpan.FromSeconds(90));
        Assert.That(await node.ExitCodeAsync(), Is.Zero, node.Transcript);
        TestContext.Out.WriteLine(flow.ToString());

        Assert.That(flow.GetProperty("simulated").GetBoolean(), "the exchange runs on the simulation clock");
        Assert.That(flow.GetProperty("raised_after_ms").GetInt64(), Is.LessThan(30_000), "B's stream carried RAISED within 30 s of the filing");
        var alertId = Text(flow, "alert_id");
        var got = flow.GetProperty("got");
        Assert.That(got.GetProperty("ok").GetBoolean(), got.ToString());
        var alert = got.GetProperty("response").GetProperty("alert");
        Assert.That((Text(alert, "id"), Text(alert, "state"), Text(alert, "notification_id")), Is.EqualTo((alertId, "ALERT_STATE_OPEN", filed.Notification.Id)));
        var primary = alert.GetProperty("primary");
        var secondary = alert.GetProperty("secondary");
        Assert.That((primary.GetProperty("object").GetProperty("norad_cat_id").GetInt32(), Text(primary, "operator_id"), Text(primary, "source")),
            Is.EqualTo((61_001, "node-alert-maneuverer", "ORBIT_SOURCE_NOTIFICATION")));
        Assert.That((secondary.GetProperty("object").GetProperty("norad_cat_id").GetInt32(), Text(secondary, "operator_id"), Text(secondary, "source")),
            Is.EqualTo((25544, "node-alert-iss", "ORBIT_SOURCE_REGISTRATION")));
        Assert.That(alert.GetProperty("miss_distance_m").GetDouble(), Is.EqualTo(200).Within(50), "0.2 km above ISS, as built");
        var at = alert.GetProperty("tca");
        var alertTca = DateTimeOffset.FromUnixTimeSeconds(long.Parse(Text(at, "seconds"), System.Globalization.CultureInfo.InvariantCulture)).UtcDateTime;
        Assert.That(alertTca, Is.EqualTo(tca).Within(TimeSpan.FromSeconds(5)));
        Assert.That(secondary.GetProperty("state_at_tca").ValueKind, Is.EqualTo(JsonValueKind.Object), "ISS's owner shares its full state");

        var acknowledged = flow.GetProperty("acknowledged");
        Assert.That(acknowledged.GetProperty("ok").GetBoolean(), acknowledged.ToString());
        var response = acknowledged.GetProperty("response").GetProperty("secondary").GetProperty("response");
        Assert.That((Text(response, "intent"), Text(response, "note")), Is.EqualTo(("MANEUVER_INTENT_WILL_NOT_MANEUVER", "ISS holds attitude; the maneuvering party moves.")));
        Assert.That(acknowledged.GetProperty("response").GetProperty("version").GetInt32(), Is.EqualTo(alert.GetProperty("version").GetInt32() + 1));
        Assert.That(flow.GetProperty("retried").GetProperty("response").ToString(), Is.EqualTo(acknowledged.GetProperty("response").ToString()), "a retry gets the first answer");
        var seenB = flow.GetProperty("seen_b").EnumerateArray().Where(s => Text(s, "kind") == "alert_event" && Text(s, "id") == alertId).Select(s => Text(s, "event_type"));
        Assert.That(seenB, Is.EqualTo(new[] { "ALERT_EVENT_TYPE_RAISED", "ALERT_EVENT_TYPE_ACKNOWLEDGED" }), "B's stream: the alert raised, then acknowledged, once each");
        var listedB = flow.GetProperty("listed_b").GetProperty("response").GetProperty("alerts").EnumerateArray().Select(l => Text(l, "id"));
        Assert.That(listedB, Is.EqualTo(new[] { alertId }));

        // C: the alert does not exist, exactly as an id never issued; its stream read past a marker filed after all of it.
        foreach (var probe in flow.GetProperty("outsider").EnumerateArray())
        {
            Assert.That(OutsiderNode.Refusal(probe.GetProperty("answer")).Code, Is.EqualTo("NOT_FOUND"), probe.ToString());
            Assert.That(probe.GetProperty("shape").ToString(), Is.EqualTo(probe.GetProperty("reference_shape").ToString()), $"{Text(probe, "method")}: answered unlike an id never issued");
        }
        Assert.That(flow.GetProperty("listed_c").GetProperty("response").GetProperty("alerts").GetArrayLength(), Is.Zero);
        var seenC = flow.GetProperty("seen_c").EnumerateArray().ToList();
        Assert.That(seenC.Select(s => Text(s, "kind")), Has.None.EqualTo("alert_event"), $"C's stream carried an alert:\n{string.Join("\n", seenC)}");
        Assert.That(seenC.Where(s => Text(s, "kind") == "event").Select(s => Text(s, "id")), Is.EqualTo(new[] { filed.Notification.Id, Text(flow, "marker_id") }),
            "C's stream carried the public notifications, up to its marker");

        // What the exchange gets wrong (findings, each asserted so that the fix is seen): the status's standing screening
        // clock is never filled in, and the CDM is refused because the maneuvering object's state, which A's public
        // notification gives to every subscriber, is treated as its operator's unshared data.
        Assert.Multiple(() =>
        {
            Assert.That(flow.GetProperty("standing_interval_minutes").GetInt32(), Is.Positive,
                "GetCatalogueStatus.standing_interval_minutes: how often standing screening runs (alerts.proto)");
            var cdm = flow.GetProperty("cdm_kvn");
            Assert.That(OutsiderNode.Refusal(cdm).Code, Is.EqualTo("OK"),
                $"ExportAlertCdm refused although ISS shares its full state and the other object's orbit is in a public notification: {cdm}");
            if (OutsiderNode.Refusal(cdm).Code == "OK")
            {
                Assert.That(Text(cdm.GetProperty("response"), "content"), Does.Contain("25544"));
            }
            Assert.That(OutsiderNode.Refusal(flow.GetProperty("cdm_xml")).Code, Is.EqualTo("OK"), flow.GetProperty("cdm_xml").ToString());
        });
    }
}

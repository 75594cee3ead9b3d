using System.Text.Json;
using System.Xml.Linq;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Cli.Demo;
using NotificationExchange.Clients.Tests.Support;
using NotificationExchange.Client;
using NotificationExchange.Orbits.Elements;
using NotificationExchange.Orbits.Screening;
using NotificationExchange.Protocol.V1;
using NUnit.Framework;

namespace NotificationExchange.Clients.Tests.Cli;

/// <summary>
/// nxc objects and nxc alerts against a real exchange on a simulation clock at the fixtures' time: objects registered
/// from a TLE, a TLE file, an OMM and a catalogue file, listed, shown and released; a refused registration becomes a
/// claim the administrator resolves; and a real alert, raised by the exchange's screening of a maneuver built to pass
/// 200 m above the registered ISS, listed, shown, acknowledged with an intent and exported as a CDM.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ObjectAndAlertCommandTests : ExchangeFixture
{
    private const string Omm = """
        CCSDS_OMM_VERS = 2.0
        CREATION_DATE = 2022-07-15T00:00:00
        ORIGINATOR = TEST
        OBJECT_NAME = OMM OBJECT
        OBJECT_ID = 1998-067A
        CENTER_NAME = EARTH
        REF_FRAME = TEME
        TIME_SYSTEM = UTC
        MEAN_ELEMENT_THEORY = SGP4
        EPOCH = 2022-07-15T12:14:42.323712
        MEAN_MOTION = 15.49958191
        ECCENTRICITY = .0004941
        INCLINATION = 51.6398
        RA_OF_ASC_NODE = 196.3106
        ARG_OF_PERICENTER = 13.7716
        MEAN_ANOMALY = 97.3744
        EPHEMERIS_TYPE = 0
        CLASSIFICATION_TYPE = U
        NORAD_CAT_ID = 70203
        ELEMENT_SET_NO = 999
        REV_AT_EPOCH = 34957
        BSTAR = .12517E-3
        MEAN_MOTION_DOT = .6684E-4
        MEAN_MOTION_DDOT = 0
        """;

    internal override IDictionary<string, string> Settings => new Dictionary<string, string> { ["Exchange:SimulationClock:Start"] = "2022-07-15T12:00:00Z" };

    [Test]
    public async Task An_alert_raised_by_screening_is_listed_shown_acknowledged_and_exported_as_a_CDM()
    {
        var issKey = await Exchange.NewOperatorKeyAsync("alert-iss");
        var satKey = await Exchange.NewOperatorKeyAsync("alert-sat");
        var iss = As(issKey);
        var registered = Ok(await iss.RunAsync("objects", "register", "25544", "--tle", Tles.IssLine1, Tles.IssLine2, "--name", "ISS (ZARYA)",
            "--cospar", "1998-067A", "--radius-m", "50", "--sharing", "full", "--maneuverable", "-o", "json")).Json();
        Assert.That((registered.GetProperty("operatorId").GetString(), registered.GetProperty("regime").GetString(), registered.GetProperty("sharing").GetString()),
            Is.EqualTo(("alert-iss", "ORBITAL_REGIME_LEO", "SHARING_POLICY_FULL_STATE")));

        // The satellite operator files a maneuver (nxc demo's design) whose new orbit passes 200 m above ISS 90 minutes from now.
        using var sat = NxClient.Create(new NxClientOptions { Address = new Uri(Exchange.Address), ApiKey = satKey });
        var now = (await sat.Registry.GetCatalogueStatusAsync(new GetCatalogueStatusRequest())).Now.ToDateTime();
        var encounter = EncounterManeuver.Design(70001, "RIDESHARE-7", Trajectory.FromTle(TleParser.Parse(Tles.IssLine1, Tles.IssLine2)), 25544, now, 90, 0.2);
        var tca = encounter.Tca;
        var filed = (await sat.Notifications.FileNotificationAsync(encounter.Request)).Notification;

        var listed = await AlertsOfAsync(iss);
        var alert = listed.Single();
        var id = alert.GetProperty("id").GetString()!;
        Assert.Multiple(() =>
        {
            Assert.That(alert.GetProperty("notificationId").GetString(), Is.EqualTo(filed.Id));
            Assert.That(alert.GetProperty("primary").GetProperty("object").GetProperty("noradCatId").GetInt32(), Is.EqualTo(70001));
            Assert.That(alert.GetProperty("secondary").GetProperty("operatorId").GetString(), Is.EqualTo("alert-iss"));
            Assert.That(alert.GetProperty("missDistanceM").GetDouble(), Is.LessThan(1000));
        });

        var table = Ok(await iss.RunAsync("alerts", "list"));
        Assert.That(table.Output, Does.Contain($"{id} v1").And.Contain("25544 ISS (ZARYA)").And.Contain("alert-iss: not acknowledged").And.Contain(filed.Id));
        Assert.That(Ok(await iss.RunAsync("alerts", "list", "--state", "closed", "-o", "json")).Json().GetArrayLength(), Is.Zero);
        Assert.That(Ok(await As(satKey).RunAsync("alerts", "list", "--object", "25544", "--state", "open", "-o", "json")).Json().GetArrayLength(), Is.EqualTo(1),
            "the filer is a party too");

        var shown = Ok(await iss.RunAsync("alerts", "show", id));
        Assert.That(shown.Lines[0], Does.StartWith($"{id} v1 open: 70001 RIDESHARE-7 vs 25544 ISS (ZARYA), TCA {tca:yyyy-MM-dd HH:mm}").And.Contain($"from {filed.Id} v1"));
        Assert.That(shown.Output, Does.Contain("  primary 70001 RIDESHARE-7: operated by alert-sat, data from notification")
            .And.Contain("  secondary 25544 ISS (ZARYA): operated by alert-iss, data from registration (epoch 2022-07-15 12:14:42Z), state shared; acknowledge by ")
            .And.Contain("    primary: Flight Dynamics, fd@alert-iss.example")
            .And.Contain(" raised v1 by the exchange"));
        Assert.That(Ok(await iss.RunAsync("alerts", "show", id, "-o", "json")).Json().GetProperty("history").GetArrayLength(), Is.EqualTo(1));

        var acknowledged = Ok(await iss.RunAsync("alerts", "ack", id, "--intent", "wont", "--note", "ISS holds attitude; the maneuvering party moves."));
        Assert.That(acknowledged.Lines[0], Does.StartWith($"acknowledged: {id} v2 open:"));
        Assert.That(acknowledged.Lines[2], Does.Contain("acknowledged ").And.EndWith(", will not maneuver: ISS holds attitude; the maneuvering party moves."));
        var changed = Ok(await iss.RunAsync("alerts", "ack", id, "--intent", "undecided", "-o", "json")).Json();
        Assert.That(changed.GetProperty("secondary").GetProperty("response").GetProperty("intent").GetString(), Is.EqualTo("MANEUVER_INTENT_UNDECIDED"));

        var kvn = Ok(await iss.RunAsync("alerts", "cdm", id));
        Assert.That(kvn.Output, Does.Match(@"(?m)^CCSDS_CDM_VERS\s+=").And.Match(@"(?m)^OBJECT_DESIGNATOR\s+= 25544$").And.Match(@"(?m)^MISS_DISTANCE\s+= "));
        var xml = Ok(await iss.RunAsync("alerts", "cdm", id, "--xml"));
        Assert.That(XDocument.Parse(xml.Output).Root!.Name.LocalName, Is.EqualTo("cdm"));
        var exported = Ok(await iss.RunAsync("alerts", "cdm", id, "-o", "json")).Json();
        Assert.That(exported.GetProperty("fileName").GetString(), Does.StartWith(id));
    }

    [Test]
    public async Task A_wrong_intent_is_a_usage_error_and_an_unknown_alert_a_refusal()
    {
        var nxc = As(await Exchange.NewOperatorKeyAsync("alert-mistakes"));

        var intent = await nxc.RunAsync("alerts", "ack", "ALR-1", "--intent", "maybe");
        var unknown = await nxc.RunAsync("alerts", "show", "ALR-999999");

        Assert.That((intent.ExitCode, intent.ErrorLines.Length), Is.EqualTo((ExitCodes.Usage, 1)), intent.ToString());
        Assert.That(intent.ErrorLines[0], Does.StartWith("nxc: --intent: 'maybe' is not one of: undecided, will-maneuver, will-not-maneuver (will for will-maneuver, wont for will-not-maneuver)"));
        Assert.That((unknown.ExitCode, unknown.ErrorLines.Length), Is.EqualTo((ExitCodes.Refused, 1)), unknown.ToString());
        Assert.That(unknown.ErrorLines[0], Does.StartWith("nxc: refused: NotFound"));
    }

    [Test]
    public async Task Objects_are_registered_from_each_kind_of_orbit_listed_shown_and_released()
    {
        var nxc = As(await Exchange.NewOperatorKeyAsync("objects-ops"));
        var folder = Directory.CreateTempSubdirectory("nxc-orbits-").FullName;
        try
        {
            var (line1, line2) = Tles.Iss(70201);
            var (other1, other2) = Tles.Iss(70299);
            var catalogue = Path.Combine(folder, "catalogue.3le");
            await File.WriteAllLinesAsync(catalogue, ["0 OTHER", other1, other2, "0 CATALOGUED SAT", line1, line2]);
            var (file1, file2) = Tles.Iss(70202);
            var tleFile = Path.Combine(folder, "one.tle");
            await File.WriteAllLinesAsync(tleFile, ["FILED SAT", file1, file2]);
            var ommFile = Path.Combine(folder, "orbit.omm");
            await File.WriteAllTextAsync(ommFile, Omm);

            var fromCatalogue = Ok(await nxc.RunAsync("objects", "register", "70201", "--from-catalogue", catalogue, "--radius-m", "5"));
            Assert.That(fromCatalogue.Lines.Single(), Is.EqualTo(
                "registered 70201 CATALOGUED SAT (1998-067A), operated by objects-ops: LEO, not maneuverable, radius 5 m, sharing derived only, TLE of 2022-07-15 12:14:42Z"));
            var fromFile = Ok(await nxc.RunAsync("objects", "register", "70202", "--tle-file", tleFile, "--radius-m", "2.5", "-o", "json")).Json();
            Assert.That(fromFile.GetProperty("object").GetProperty("name").GetString(), Is.EqualTo("FILED SAT"));
            var fromOmm = Ok(await nxc.RunAsync("objects", "register", "70203", "--omm", ommFile, "--radius-m", "3", "-o", "json")).Json();
            Assert.That(fromOmm.GetProperty("orbit").GetProperty("omm").GetString(), Is.EqualTo(Omm));

            var mine = Ok(await nxc.RunAsync("objects", "list", "--mine", "-o", "json")).Json();
            Assert.That(mine.EnumerateArray().Select(o => o.GetProperty("object").GetProperty("noradCatId").GetInt32()), Is.EqualTo(new[] { 70201, 70202, 70203 }));
            var table = Ok(await nxc.RunAsync("objects", "list", "--operator", "objects-ops"));
            Assert.That(table.Output, Does.Contain("CATALOGUED SAT").And.Contain("FILED SAT").And.Contain("OMM"));
            var shown = Ok(await nxc.RunAsync("objects", "show", "70201"));
            Assert.That(shown.Lines[^2..], Is.EqualTo(new[] { line1, line2 }));

            var released = Ok(await nxc.RunAsync("objects", "release", "70202"));
            Assert.That(released.Lines.Single(), Is.EqualTo("released 70202"));
            var gone = await nxc.RunAsync("objects", "show", "70202");
            Assert.That((gone.ExitCode, gone.ErrorLines.Length), Is.EqualTo((ExitCodes.Refused, 1)), gone.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task A_registration_of_an_object_someone_else_operates_becomes_a_claim_the_administrator_resolves()
    {
        var holder = As(await Exchange.NewOperatorKeyAsync("claim-holder"));
        var claimant = As(await Exchange.NewOperatorKeyAsync("claim-claimant"));
        var admin = Admin;
        var (line1, line2) = Tles.Iss(70301);
        Ok(await holder.RunAsync("objects", "register", "70301", "--tle", line1, line2, "--radius-m", "5"));

        var refused = await claimant.RunAsync("objects", "register", "70301", "--tle", line1, line2, "--radius-m", "7");
        Assert.That(refused.ExitCode, Is.EqualTo(ExitCodes.Refused), refused.ToString());
        Assert.That(refused.ErrorLines[0], Does.StartWith("nxc: refused: AlreadyExists").And.Contain("claim-holder"));

        var claims = Ok(await admin.RunAsync("admin", "claims", "list", "-o", "json")).Json();
        var claim = claims.EnumerateArray().Single(c => c.GetProperty("noradCatId").GetInt32() == 70301);
        Assert.That(claim.GetProperty("claimantId").GetString(), Is.EqualTo("claim-claimant"));
        var listed = Ok(await admin.RunAsync("admin", "claims", "list"));
        Assert.That(listed.Output, Does.Contain(claim.GetProperty("id").GetString()).And.Contain("pending"));

        var awarded = Ok(await admin.RunAsync("admin", "claims", "resolve", claim.GetProperty("id").GetString()!, "--award", "--note", "launch records show the claimant operates it"));
        Assert.That(awarded.Lines.Single(), Is.EqualTo($"claim {claim.GetProperty("id").GetString()} awarded: 70301 now operated by claim-claimant"));
        var now = Ok(await holder.RunAsync("objects", "show", "70301", "-o", "json")).Json();
        Assert.That(now.GetProperty("operatorId").GetString(), Is.EqualTo("claim-claimant"));
        Assert.That(Ok(await admin.RunAsync("admin", "claims", "list", "-o", "json")).Json().EnumerateArray().Select(c => c.GetProperty("noradCatId").GetInt32()),
            Has.No.Member(70301), "resolved claims are listed only with --all");
        Assert.That(Ok(await admin.RunAsync("admin", "claims", "list", "--all", "-o", "json")).Json().EnumerateArray().Select(c => c.GetProperty("noradCatId").GetInt32()),
            Has.Member(70301));
    }

    [TestCase("objects", "register", "70401", "--radius-m", "5")]
    [TestCase("objects", "register", "70401", "--tle", "only-one-line", "--radius-m", "5")]
    [TestCase("objects", "register", "70401", "--tle", "a", "b", "--omm", "x.omm", "--radius-m", "5")]
    [TestCase("objects", "register", "70401", "--omm", "/no/such/file.omm", "--radius-m", "5")]
    [TestCase("objects", "register", "ISS", "--omm", "x.omm", "--radius-m", "5")]
    [TestCase("objects", "register", "70401", "--omm", "x.omm", "--radius-m", "5", "--sharing", "everything")]
    [TestCase("objects", "show", "I0001")]
    [TestCase("alerts", "list", "--object", "ISS")]
    public async Task A_bad_command_line_is_one_line_and_exit_2_with_nothing_sent(params string[] args)
    {
        var result = await Offline.RunAsync(args);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString());
        Assert.That(result.ErrorLines, Has.Length.EqualTo(1), result.ToString());
        Assert.That(result.ErrorLines[0], Does.StartWith("nxc: "));
    }

    [Test]
    public async Task A_TLE_with_a_wrong_checksum_is_refused_naming_the_line_and_column()
    {
        var (line1, line2) = Tles.Iss(70402);
        var broken = line2[..68] + (char)('0' + ((line2[68] - '0' + 1) % 10));

        var result = await As(await Exchange.NewOperatorKeyAsync("checksum-ops")).RunAsync("objects", "register", "70402", "--tle", line1, broken, "--radius-m", "5");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString());
        Assert.That(result.Error.Split('\n'), Has.Some.StartsWith("  orbit.tle.line2: column 69: checksum"));
    }

    /// <summary>The caller's alerts as nxc alerts list -o json gives them, once screening has raised one (bounded).</summary>
    private static async Task<JsonElement[]> AlertsOfAsync(Nxc nxc)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var alerts = Ok(await nxc.RunAsync("alerts", "list", "-o", "json")).Json().EnumerateArray().ToArray();
            if (alerts.Length > 0)
            {
                return alerts;
            }
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the exchange's screening raised no alert within 90 s");
            await Task.Delay(200);
        }
    }

}

using System.Globalization;
using System.Text.Json;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Clients.Tests.Support;
using NUnit.Framework;

namespace NotificationExchange.Clients.Tests.Cli;

/// <summary>nxc file, amend, cancel, report, show, list and export against a real exchange: what they send is read
/// back from the exchange, and bad input ends in one line and the right exit status.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FilingCommandTests : ExchangeFixture
{
    private int _operators;

    /// <summary>nxc as a new operator of its own.</summary>
    private async Task<(Nxc Nxc, string Operator)> NewOperatorAsync()
    {
        var id = $"filer-{Interlocked.Increment(ref _operators)}";
        var key = await Exchange.NewOperatorKeyAsync(id);
        return (As(key), id);
    }

    private static string[] Maneuver(params string[] more) =>
    [
        "file", "maneuver", "--norad", "25544", "--cospar", "1998-067A", "--name", "ISS (ZARYA)",
        "--window-start", "now+6h", "--window-end", "now+6h20m", "--purpose", "collision-avoidance", "--delta-v-rtn", "0,0.35,0", .. more,
    ];

    private static async Task<JsonElement> FiledAsync(Nxc nxc, params string[] args)
    {
        var result = await nxc.RunAsync([.. args, "-o", "json"]);
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Ok), result.ToString());
        return result.Json().GetProperty("notification");
    }

    [Test]
    public async Task Every_relative_time_of_one_command_line_counts_from_the_same_now()
    {
        var (nxc, _) = await NewOperatorAsync();

        var notice = (await FiledAsync(nxc, Maneuver())).GetProperty("maneuver");

        var window = notice.GetProperty("executionWindow");
        Assert.That(DateTime.Parse(window.GetProperty("end").GetString()!, CultureInfo.InvariantCulture)
            - DateTime.Parse(window.GetProperty("start").GetString()!, CultureInfo.InvariantCulture), Is.EqualTo(TimeSpan.FromMinutes(20)));
    }

    [Test]
    public async Task A_maneuver_filed_from_options_carries_every_option_and_the_filers_contact()
    {
        var (nxc, filer) = await NewOperatorAsync();

        var text = await nxc.RunAsync(Maneuver("--tle", Tles.IssLine1, Tles.IssLine2, "--remarks", "avoid 48274"));
        var json = await FiledAsync(nxc, Maneuver(
            "--norad", "A0001", "--expected-elements", "epoch=now+7h,apogee=421,perigee=415,inc=51.64,raan=196.3,argp=13.8,ma=97.4",
            "--contact-phone", "+49 6151 90 0"));

        Assert.That(text.ExitCode, Is.EqualTo(ExitCodes.Ok), text.ToString());
        Assert.That(text.Lines, Has.Length.EqualTo(1));
        Assert.That(text.Lines[0], Does.Match(@"^filed MNV-\d+ v1 \(sequence \d+\): maneuver of 25544 ISS \(ZARYA\) at \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ, 0\.35 m/s, collision-avoidance$"));
        var maneuver = json.GetProperty("maneuver");
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("filingOperator").GetString(), Is.EqualTo(filer));
            Assert.That(maneuver.GetProperty("object").GetProperty("noradCatId").GetUInt32(), Is.EqualTo(100001), "Alpha-5 A0001, the last --norad given");
            Assert.That(maneuver.GetProperty("object").GetProperty("cosparId").GetString(), Is.EqualTo("1998-067A"));
            Assert.That(maneuver.GetProperty("purpose").GetString(), Is.EqualTo("MANEUVER_PURPOSE_COLLISION_AVOIDANCE"));
            Assert.That(maneuver.GetProperty("plannedDeltaV").GetProperty("magnitudeMps").GetDouble(), Is.EqualTo(0.35).Within(1e-9), "the magnitude of the components");
            Assert.That(maneuver.GetProperty("plannedDeltaV").GetProperty("componentsMps").GetProperty("inTrack").GetDouble(), Is.EqualTo(0.35));
            Assert.That(maneuver.GetProperty("expectedOrbit").GetProperty("meanElements").GetProperty("apogeeAltitudeKm").GetDouble(), Is.EqualTo(421));
            Assert.That(maneuver.GetProperty("expectedOrbit").GetProperty("meanElements").GetProperty("raanDeg").GetDouble(), Is.EqualTo(196.3));
            var window = maneuver.GetProperty("executionWindow");
            var length = DateTimeOffset.Parse(window.GetProperty("end").GetString()!, CultureInfo.InvariantCulture)
                - DateTimeOffset.Parse(window.GetProperty("start").GetString()!, CultureInfo.InvariantCulture);
            Assert.That(length.TotalMinutes, Is.EqualTo(20).Within(0.1));
            // No --contact-name: the filer's primary contact, with the phone the command line added.
            Assert.That(maneuver.GetProperty("contact").GetProperty("name").GetString(), Is.EqualTo("Flight Dynamics"));
            Assert.That(maneuver.GetProperty("contact").GetProperty("email").GetString(), Is.EqualTo($"fd@{filer}.example"));
            Assert.That(maneuver.GetProperty("contact").GetProperty("phone").GetString(), Is.EqualTo("+49 6151 90 0"));
        });
    }

    [Test]
    public async Task A_maneuver_filed_for_named_parties_under_an_embargo_says_so_and_nxc_show_prints_who_may_see_it()
    {
        var (nxc, _) = await NewOperatorAsync();
        var (_, party) = await NewOperatorAsync();

        var json = await FiledAsync(nxc, Maneuver("--audience", "public", "--embargo-audience", $"named:{party}", "--embargo-until", "now+2h"));
        var id = json.GetProperty("id").GetString()!;
        var show = await nxc.RunAsync("show", id);
        var alone = await nxc.RunAsync(Maneuver("--embargo-until", "now+2h"));

        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("audience").GetProperty("scope").GetString(), Is.EqualTo("AUDIENCE_SCOPE_PUBLIC"));
            Assert.That(json.GetProperty("embargo").GetProperty("audience").GetProperty("organizations")[0].GetString(), Is.EqualTo(party));
            Assert.That(show.Lines, Has.Some.Match($@"^audience public, embargoed to named:{party} until \d{{4}}-\d\d-\d\d \d\d:\d\d:\d\dZ$"), show.ToString());
            Assert.That(alone.ExitCode, Is.Not.EqualTo(ExitCodes.Ok), "--embargo-until without --embargo-audience is refused");
            Assert.That(alone.ToString(), Does.Contain("--embargo-until and --embargo-audience go together"));
        });
    }

    [Test]
    public async Task A_proximity_operation_carries_its_target_phases_and_burns()
    {
        var (nxc, _) = await NewOperatorAsync();

        var json = await FiledAsync(nxc,
            "file", "rpo", "--norad", "53000", "--name", "SERVICER-1", "--target-norad", "41000", "--target-name", "CLIENT-SAT",
            "--target-operator", "Client Satellite Operator", "--consent", "cooperative", "--consent-reference", "SA-2026-014",
            "--window-start", "now+2d", "--window-end", "now+5d", "--closest-approach", "50", "--keep-out", "20",
            "--phase", "type=far-range-rendezvous,range=5000", "--phase", "type=hold,range=1000,description=\"hold point 1, V-bar\"",
            "--phase", "type=close-approach,range=50", "--abort-plan", "Radial separation burn to a passively safe ellipse",
            "--purpose", "inspection", "--purpose-description", "Inspection of a stuck solar array",
            "--elements", "epoch=now,sma=42164,ecc=0.0002,inc=0.05", "--burn", "at=now+2d1h,t=0.05", "--burn", "at=now+3d,r=0.012,t=-0.02,n=0.001",
            "--contact-name", "RPO duty engineer", "--contact-email", "rpo@example.org");

        var rpo = json.GetProperty("proximityOperation");
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("kind").GetString(), Is.EqualTo("NOTIFICATION_KIND_PROXIMITY_OPERATION"));
            Assert.That(rpo.GetProperty("chaser").GetProperty("noradCatId").GetUInt32(), Is.EqualTo(53000));
            Assert.That(rpo.GetProperty("target").GetProperty("name").GetString(), Is.EqualTo("CLIENT-SAT"));
            Assert.That(rpo.GetProperty("consent").GetString(), Is.EqualTo("TARGET_CONSENT_COOPERATIVE"));
            Assert.That(rpo.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("type").GetString()),
                Is.EqualTo(new[] { "APPROACH_PHASE_TYPE_FAR_RANGE_RENDEZVOUS", "APPROACH_PHASE_TYPE_HOLD", "APPROACH_PHASE_TYPE_CLOSE_APPROACH" }));
            Assert.That(rpo.GetProperty("phases")[1].GetProperty("description").GetString(), Is.EqualTo("hold point 1, V-bar"), "a quoted value keeps its comma");
            Assert.That(rpo.GetProperty("plannedManeuvers").GetArrayLength(), Is.EqualTo(2));
            Assert.That(rpo.GetProperty("plannedManeuvers")[1].GetProperty("deltaVMps").GetProperty("radial").GetDouble(), Is.EqualTo(0.012));
            Assert.That(rpo.GetProperty("chaserOrbit").GetProperty("meanElements").GetProperty("semiMajorAxisKm").GetDouble(), Is.EqualTo(42164));
            Assert.That(rpo.GetProperty("contact").GetProperty("name").GetString(), Is.EqualTo("RPO duty engineer"));
        });
    }

    [Test]
    public async Task A_launch_carries_its_payloads_insertion_orbits_stages_and_hazard_areas()
    {
        var (nxc, _) = await NewOperatorAsync();

        var json = await FiledAsync(nxc,
            "file", "launch", "--vehicle", "Ariane 6", "--site", "Guiana Space Centre ELA-4", "--site-location", "5.2,-52.77",
            "--window-start", "now+10d", "--window-end", "now+10d1h", "--azimuth", "90",
            "--payload", "name=GALILEO-L14A,perigee=23222,apogee=23222,inc=56,epoch=now+10d4h,raan=317.6,argp=0,ma=12.5",
            "--payload-count", "2", "--hazard", "item=solid boosters,min-lat=5,max-lat=7,min-lon=-50,max-lon=-48,start=now+10d,end=now+10d2h",
            "--hcoc", "HCOC-PLN-2026-0099", "--stage", "name=upper stage,epoch=now+10d4h,perigee=23222,apogee=23522,inc=56,raan=317.6,argp=90,ma=200");

        var launch = json.GetProperty("launch");
        Assert.Multiple(() =>
        {
            Assert.That(launch.GetProperty("site").GetProperty("location").GetProperty("longitudeDeg").GetDouble(), Is.EqualTo(-52.77));
            Assert.That(launch.GetProperty("payloadCount").GetUInt32(), Is.EqualTo(2));
            var payload = launch.GetProperty("payloadOrbits")[0];
            Assert.That(payload.GetProperty("payloadName").GetString(), Is.EqualTo("GALILEO-L14A"));
            Assert.That(payload.GetProperty("insertionOrbit").GetProperty("perigeeAltitudeKm").GetDouble(), Is.EqualTo(23222), "the payload's apsides");
            Assert.That(launch.GetProperty("hazardAreas")[0].GetProperty("box").GetProperty("minLongitudeDeg").GetDouble(), Is.EqualTo(-50));
            Assert.That(launch.GetProperty("stageOrbits")[0].GetProperty("insertionOrbit").GetProperty("apogeeAltitudeKm").GetDouble(), Is.EqualTo(23522));
            Assert.That(launch.GetProperty("hcocNotificationReference").GetString(), Is.EqualTo("HCOC-PLN-2026-0099"));
        });
    }

    [Test]
    public async Task A_refusal_is_one_line_then_one_line_per_bad_field()
    {
        var (nxc, _) = await NewOperatorAsync();

        var result = await nxc.RunAsync(["file", "maneuver", "--norad", "99999999", "--window-start", "now+1h", "--window-end", "now-1h"]);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString());
        Assert.That(result.Output, Is.Empty);
        Assert.That(result.ErrorLines[0], Is.EqualTo($"nxc: refused: InvalidArgument: {result.ErrorLines.Length - 1} fields"), "the status and how many, not the message that repeats them");
        Assert.That(result.ErrorLines.Length, Is.GreaterThan(2), "several fields are wrong");
        Assert.That(result.ErrorLines.Skip(1), Is.Unique, "each violation once");
        Assert.That(result.ErrorLines.Skip(1), Has.All.Match(@"^[a-z_.\[\]0-9]+: \S"), "each further line is one field violation");
        Assert.That(result.ErrorLines, Has.Some.StartsWith("maneuver.object.norad_cat_id: "));
        Assert.That(result.ErrorLines, Has.Some.StartsWith("maneuver.execution_window"));
    }

    [TestCase("--window-start", "tomorrow", "--window-start: 'tomorrow'")]
    [TestCase("--window-start", "2026-06-01T10:00:00", "has no time zone")]
    [TestCase("--norad", "ISS", "--norad: 'ISS' is not a NORAD catalogue number")]
    [TestCase("--norad", "I0001", "is not a NORAD catalogue number")]
    [TestCase("--delta-v-rtn", "0,0.35", "--delta-v-rtn: '0,0.35' is not three components")]
    [TestCase("--expected-elements", "epoch=now,tilt=3", "--expected-elements: unknown key 'tilt'")]
    [TestCase("--purpose", "inspection", "--purpose: 'inspection' is not one of: collision-avoidance")]
    public async Task A_bad_option_value_is_a_usage_error_in_one_line_before_anything_is_sent(string option, string value, string message)
    {
        // An exchange that is not there: a usage error is found before connecting.
        var nxc = Offline;

        var result = await nxc.RunAsync([.. Maneuver(), option, value]);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString());
        Assert.That(result.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(result.ErrorLines[0], Does.StartWith("nxc: ").And.Contain(message));
    }

    [Test]
    public async Task An_exchange_that_cannot_be_reached_is_exit_status_4()
    {
        var nxc = Offline;

        var result = await nxc.RunAsync([.. Maneuver(), "--contact-name", "FDO", "--timeout", "5"]);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Unreachable), result.ToString());
        Assert.That(result.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(result.ErrorLines[0], Does.StartWith("nxc: cannot reach the exchange at http://127.0.0.1:1"));
    }

    [Test]
    public async Task From_a_json_request_or_a_bare_notice_with_the_options_over_it()
    {
        var (nxc, _) = await NewOperatorAsync();
        var start = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var end = DateTime.UtcNow.AddHours(9).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var notice = """
            {"object": {"noradCatId": 43013, "name": "NOAA 20"}, "executionWindow": {"start": "START", "end": "END"},
             "purpose": "MANEUVER_PURPOSE_STATION_KEEPING", "plannedDeltaV": {"magnitudeMps": 0.1},
             "contact": {"name": "NOAA FDO", "email": "fdo@noaa.example"}}
            """.Replace("START", start, StringComparison.Ordinal).Replace("END", end, StringComparison.Ordinal);
        var bare = WriteFile("notice.json", notice);
        var request = WriteFile("request.json", $"{{\"maneuver\": {notice}, \"relatedNotificationIds\": [\"MNV-1\"]}}");

        var fromBare = await FiledAsync(nxc, "file", "maneuver", "--from", bare, "--delta-v", "0.2");
        var fromRequest = await FiledAsync(nxc, "file", "--from", request);

        Assert.Multiple(() =>
        {
            Assert.That(fromBare.GetProperty("maneuver").GetProperty("object").GetProperty("noradCatId").GetUInt32(), Is.EqualTo(43013));
            Assert.That(fromBare.GetProperty("maneuver").GetProperty("plannedDeltaV").GetProperty("magnitudeMps").GetDouble(), Is.EqualTo(0.2), "the option over the file");
            Assert.That(fromBare.GetProperty("maneuver").GetProperty("contact").GetProperty("name").GetString(), Is.EqualTo("NOAA FDO"), "the file's contact kept");
            Assert.That(fromRequest.GetProperty("relatedNotificationIds")[0].GetString(), Is.EqualTo("MNV-1"));
            Assert.That(fromRequest.GetProperty("maneuver").GetProperty("purpose").GetString(), Is.EqualTo("MANEUVER_PURPOSE_STATION_KEEPING"));
        });
    }

    [TestCase("missing.json", null, "--from missing.json: cannot be read")]
    [TestCase("broken.json", "{\"object\": {\"noradCatId\": 1,}\n}", "--from broken.json: not valid JSON (line 1")]
    [TestCase("unknown.json", "{\"object\": {\"noradCatId\": 1}, \"colour\": \"red\"}", "--from unknown.json: not a ManeuverNotice")]
    [TestCase("launch.json", "{\"launch\": {\"vehicle\": \"Vega\"}}", "--from launch.json: holds a launch, not a maneuver")]
    [TestCase("notice.txt", "hello", "--from notice.txt: not .json")]
    public async Task An_unreadable_from_file_is_a_usage_error_naming_the_file(string name, string? content, string message)
    {
        var nxc = Offline;
        var path = content is null ? Path.Combine(Config, name) : WriteFile(name, content);

        var result = await nxc.RunAsync("file", "maneuver", "--from", path);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString());
        Assert.That(result.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(result.ErrorLines[0], Does.StartWith($"nxc: {message}"));
    }

    [Test]
    public async Task A_ccsds_opm_is_filed_with_what_the_options_supply_and_an_exported_ocm_files_back()
    {
        var (nxc, _) = await NewOperatorAsync();
        var opm = WriteFile("burn.opm", Opm(DateTime.UtcNow.AddDays(1)));

        var filed = await FiledAsync(nxc, "file", "maneuver", "--from", opm, "--norad", "39634", "--purpose", "collision-avoidance");
        var id = filed.GetProperty("id").GetString()!;
        var source = await nxc.RunAsync("show", id, "--attachment", "source");
        var exported = await nxc.RunAsync("export", id);
        var ocm = WriteFile("burn.ocm", exported.Output);
        var again = await FiledAsync(nxc, "file", "maneuver", "--from", ocm);

        Assert.Multiple(() =>
        {
            Assert.That(filed.GetProperty("maneuver").GetProperty("object").GetProperty("noradCatId").GetUInt32(), Is.EqualTo(39634), "--norad: what the OPM lacks");
            Assert.That(filed.GetProperty("maneuver").GetProperty("object").GetProperty("cosparId").GetString(), Is.EqualTo("2014-016A"), "from the OPM");
            Assert.That(filed.GetProperty("maneuver").GetProperty("plannedDeltaV").GetProperty("magnitudeMps").GetDouble(), Is.EqualTo(0.35).Within(1e-6));
            Assert.That(source.ExitCode, Is.EqualTo(ExitCodes.Ok), source.ToString());
            Assert.That(source.Output, Is.EqualTo(File.ReadAllText(opm)), "the OPM kept exactly as filed");
            Assert.That(exported.Output, Does.StartWith("CCSDS_OCM_VERS"));
            Assert.That(again.GetProperty("maneuver").GetProperty("object").GetProperty("noradCatId").GetUInt32(), Is.EqualTo(39634), "the OCM names the object");
            Assert.That(again.GetProperty("maneuver").GetProperty("purpose").GetString(), Is.EqualTo("MANEUVER_PURPOSE_COLLISION_AVOIDANCE"), "the OCM's MAN_PURPOSE");
        });
    }

    [Test]
    public async Task Bulk_filing_reports_each_refusal_by_line_and_a_second_run_files_nothing_twice()
    {
        var (nxc, filer) = await NewOperatorAsync();
        var bulk = WriteFile("bulk.jsonl", string.Join("\n", Line(25544), Line(99999999), "", Line(43013)) + "\n");

        var first = await nxc.RunAsync("file", "--from", bulk);
        var second = await nxc.RunAsync("file", "--from", bulk, "-o", "json");
        var listed = await nxc.RunAsync("list", "--operator", filer, "-o", "json");

        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Refused), first.ToString());
        Assert.That(first.Lines[0], Does.Match(@"^line 1: filed MNV-\d+ v1 \(sequence \d+\): maneuver of 25544 "));
        Assert.That(first.Lines[1], Does.Match(@"^line 4: filed MNV-\d+ v1 .*: maneuver of 43013 "));
        Assert.That(first.Lines[2], Is.EqualTo("filed 2 of 3 notifications from bulk.jsonl; refused: line 2"));
        Assert.That(first.ErrorLines[0], Does.StartWith("nxc: bulk.jsonl line 2: refused: InvalidArgument"));
        Assert.That(first.ErrorLines.Skip(1), Has.All.StartWith("maneuver."), "then its field violations");

        Assert.That(second.ExitCode, Is.EqualTo(ExitCodes.Refused), second.ToString());
        var answers = second.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.That(answers.Select(a => a.GetProperty("line").GetInt32()), Is.EqualTo(new[] { 1, 2, 4 }));
        Assert.That(answers[0].GetProperty("response").GetProperty("replayed").GetBoolean(), Is.True, "line 1 was filed by the first run");
        Assert.That(answers[1].GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("InvalidArgument"));
        Assert.That(answers[1].GetProperty("error").GetProperty("fieldViolations")[0].GetProperty("field").GetString(), Does.StartWith("maneuver."));
        Assert.That(answers[2].GetProperty("response").GetProperty("replayed").GetBoolean(), Is.True);
        Assert.That(listed.Json().GetProperty("notifications").GetArrayLength(), Is.EqualTo(2), "two filings in all");
    }

    [Test]
    public async Task A_bulk_file_with_a_line_that_cannot_be_read_files_nothing()
    {
        var (nxc, filer) = await NewOperatorAsync();
        var bulk = WriteFile("bad.jsonl", string.Join("\n", Line(25544), "{\"maneuver\": ", Line(43013), "not json"));

        var result = await nxc.RunAsync("file", "--from", bulk);
        var listed = await nxc.RunAsync("list", "--operator", filer, "-o", "json");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString());
        Assert.That(result.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(result.ErrorLines[0], Does.StartWith("nxc: bad.jsonl line 2: not valid JSON").And.EndWith("(and 1 more line that cannot be read; nothing was filed)"));
        Assert.That(listed.Json().GetProperty("notifications").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Amend_changes_what_the_options_name_and_keeps_the_rest()
    {
        var (nxc, _) = await NewOperatorAsync();
        var filed = await FiledAsync(nxc, Maneuver("--related", "MNV-1"));
        var id = filed.GetProperty("id").GetString()!;

        var amended = await nxc.RunAsync("amend", id, "--delta-v-rtn", "0,0.5,0", "--reason", "bigger burn");
        var json = (await nxc.RunAsync("show", id, "-o", "json")).Json().GetProperty("notification");

        Assert.That(amended.ExitCode, Is.EqualTo(ExitCodes.Ok), amended.ToString());
        Assert.That(amended.Lines[0], Does.Match($@"^amended {id} v2 \(sequence \d+\): maneuver of 25544 ISS \(ZARYA\) at .*, 0\.5 m/s, collision-avoidance \(bigger burn\)$"));
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("version").GetUInt32(), Is.EqualTo(2));
            Assert.That(json.GetProperty("changeReason").GetString(), Is.EqualTo("bigger burn"));
            Assert.That(json.GetProperty("maneuver").GetProperty("plannedDeltaV").GetProperty("magnitudeMps").GetDouble(), Is.EqualTo(0.5));
            Assert.That(json.GetProperty("maneuver").GetProperty("object").GetProperty("cosparId").GetString(), Is.EqualTo("1998-067A"), "kept");
            Assert.That(json.GetProperty("maneuver").GetProperty("executionWindow").ToString(), Is.EqualTo(filed.GetProperty("maneuver").GetProperty("executionWindow").ToString()), "kept");
            Assert.That(json.GetProperty("relatedNotificationIds")[0].GetString(), Is.EqualTo("MNV-1"), "kept");
        });
    }

    [Test]
    public async Task Amend_from_a_file_takes_its_notice_as_the_new_content()
    {
        var (nxc, filer) = await NewOperatorAsync();
        var id = (await FiledAsync(nxc, Maneuver())).GetProperty("id").GetString()!;
        var start = DateTime.UtcNow.AddHours(10).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var end = DateTime.UtcNow.AddHours(11).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var notice = WriteFile("new.json", """
            {"object": {"noradCatId": 25544}, "executionWindow": {"start": "START", "end": "END"},
             "purpose": "MANEUVER_PURPOSE_ORBIT_RAISING", "plannedDeltaV": {"magnitudeMps": 1.5}}
            """.Replace("START", start, StringComparison.Ordinal).Replace("END", end, StringComparison.Ordinal));

        var amended = await nxc.RunAsync("amend", id, "--from", notice, "--reason", "reboost instead", "-o", "json");

        Assert.That(amended.ExitCode, Is.EqualTo(ExitCodes.Ok), amended.ToString());
        var maneuver = amended.Json().GetProperty("notification").GetProperty("maneuver");
        Assert.Multiple(() =>
        {
            Assert.That(maneuver.GetProperty("purpose").GetString(), Is.EqualTo("MANEUVER_PURPOSE_ORBIT_RAISING"));
            Assert.That(maneuver.GetProperty("plannedDeltaV").GetProperty("magnitudeMps").GetDouble(), Is.EqualTo(1.5));
            Assert.That(maneuver.GetProperty("object").GetProperty("cosparId").GetString(), Is.Empty, "the file's notice, not the old one");
            Assert.That(maneuver.GetProperty("contact").GetProperty("email").GetString(), Is.EqualTo($"fd@{filer}.example"), "no contact in the file: the filer's");
            Assert.That(amended.Json().GetProperty("notification").GetProperty("changeReason").GetString(), Is.EqualTo("reboost instead"));
        });
    }

    [Test]
    public async Task Bulk_filing_on_a_terminal_shows_a_progress_bar_then_the_refusals()
    {
        var key = await Exchange.NewOperatorKeyAsync($"filer-{Interlocked.Increment(ref _operators)}");
        var bulk = WriteFile("tty.jsonl", string.Join("\n", Line(25544), Line(99999999), Line(43013)));

        using var run = As(key).Start(["file", "--from", bulk], terminal: true);
        var exit = await run.ExitAsync(TimeSpan.FromSeconds(30));

        Assert.That(exit, Is.EqualTo(ExitCodes.Refused), run.ToString());
        Assert.That(run.Out.Text, Does.Contain("filing tty.jsonl").And.Contain("100%"));
        Assert.That(run.Out.Lines.Last(), Does.EndWith("filed 2 of 3 notifications from tty.jsonl; refused: line 2"), "after the bar");
        Assert.That(run.Error.Lines[0], Does.StartWith("nxc: tty.jsonl line 2: refused: InvalidArgument"));
    }

    [Test]
    public async Task Amend_refuses_options_of_another_kind_and_a_stale_expected_version()
    {
        var (nxc, _) = await NewOperatorAsync();
        var id = (await FiledAsync(nxc, Maneuver())).GetProperty("id").GetString()!;

        var wrongKind = await nxc.RunAsync("amend", id, "--vehicle", "Vega");
        var stale = await nxc.RunAsync("amend", id, "--delta-v", "0.4", "--expected-version", "7");

        Assert.That(wrongKind.ExitCode, Is.EqualTo(ExitCodes.Usage), wrongKind.ToString());
        Assert.That(wrongKind.ErrorLines, Is.EqualTo(new[] { $"nxc: --vehicle: not a field of {id}, a maneuver" }));
        Assert.That(stale.ExitCode, Is.EqualTo(ExitCodes.Refused), stale.ToString());
        Assert.That(stale.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(stale.ErrorLines[0], Does.StartWith("nxc: refused: Aborted"));
    }

    [Test]
    public async Task Cancel_and_report_make_new_versions_that_show_lists_in_its_history()
    {
        var (nxc, _) = await NewOperatorAsync();
        var cancelled = (await FiledAsync(nxc, Maneuver())).GetProperty("id").GetString()!;
        var reported = (await FiledAsync(nxc, Maneuver())).GetProperty("id").GetString()!;

        var cancel = await nxc.RunAsync("cancel", cancelled, "--reason", "conjunction cleared");
        var report = await nxc.RunAsync("report", reported, "--outcome", "with-deviations", "--window-start", "now-10m", "--window-end", "now-5m",
            "--delta-v", "0.33", "--elements", "epoch=now,apogee=420,perigee=414,inc=51.64,raan=196.3,argp=13.8,ma=97.4", "--remarks", "thruster 2 weak", "-o", "json");
        var show = await nxc.RunAsync("show", reported);
        var history = (await nxc.RunAsync("show", cancelled, "-o", "json")).Json().GetProperty("history");

        Assert.That(cancel.ExitCode, Is.EqualTo(ExitCodes.Ok), cancel.ToString());
        Assert.That(cancel.Lines[0], Does.Match($@"^cancelled {cancelled} v2 \(sequence \d+\): maneuver of .*; cancelled: conjunction cleared$"));
        Assert.That(report.ExitCode, Is.EqualTo(ExitCodes.Ok), report.ToString());
        var execution = report.Json().GetProperty("notification").GetProperty("execution");
        Assert.Multiple(() =>
        {
            Assert.That(execution.GetProperty("outcome").GetString(), Is.EqualTo("EXECUTION_OUTCOME_WITH_DEVIATIONS"));
            Assert.That(execution.GetProperty("maneuver").GetProperty("achievedDeltaV").GetProperty("magnitudeMps").GetDouble(), Is.EqualTo(0.33));
            Assert.That(execution.GetProperty("maneuver").GetProperty("achievedOrbit").GetProperty("meanElements").GetProperty("perigeeAltitudeKm").GetDouble(), Is.EqualTo(414));
            Assert.That(execution.GetProperty("remarks").GetString(), Is.EqualTo("thruster 2 weak"));
            Assert.That(history.EnumerateArray().Select(h => h.GetProperty("eventType").GetString()),
                Is.EqualTo(new[] { "NOTIFICATION_EVENT_TYPE_FILED", "NOTIFICATION_EVENT_TYPE_CANCELLED" }));
        });
        Assert.That(show.ExitCode, Is.EqualTo(ExitCodes.Ok), show.ToString());
        Assert.That(show.Lines[0], Does.StartWith($"{reported} v2 completed: maneuver of 25544 ISS (ZARYA)").And.Contain("; executed with-deviations: "));
        Assert.That(show.Output, Does.Contain("planned delta v: 0.35 m/s (R 0, T 0.35, N 0)"), "the notice's fields");
        Assert.That(show.Output, Does.Contain("achieved delta v: 0.33 m/s"), "the report's fields");
        Assert.That(show.Lines, Has.Some.Match(@"│ 1\s+│ \d+\s+│ filed\s+│").And.Some.Match(@"│ 2\s+│ \d+\s+│ execution-reported\s+│"), "the history table");
    }

    [Test]
    public async Task Cancel_without_a_reason_and_a_report_option_of_another_kind_are_usage_errors()
    {
        var (nxc, _) = await NewOperatorAsync();
        var id = (await FiledAsync(nxc, Maneuver())).GetProperty("id").GetString()!;

        var cancel = await nxc.RunAsync("cancel", id);
        var report = await nxc.RunAsync("report", id, "--outcome", "as-planned", "--liftoff", "now");

        Assert.That(cancel.ExitCode, Is.EqualTo(ExitCodes.Usage), cancel.ToString());
        Assert.That(cancel.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(cancel.ErrorLines[0], Does.Contain("--reason"));
        Assert.That(report.ExitCode, Is.EqualTo(ExitCodes.Usage), report.ToString());
        Assert.That(report.ErrorLines, Is.EqualTo(new[] { $"nxc: --liftoff: not reported for a maneuver ({id})" }));
    }

    [Test]
    public async Task List_filters_and_pages_as_the_exchange_does()
    {
        var (nxc, filer) = await NewOperatorAsync();
        var ids = new List<string>();
        foreach (var norad in new[] { "25544", "43013", "25544" })
        {
            ids.Add((await FiledAsync(nxc, "file", "maneuver", "--norad", norad, "--window-start", "now+6h", "--window-end", "now+7h", "--delta-v", "0.1", "--purpose", "station-keeping"))
                .GetProperty("id").GetString()!);
        }
        await nxc.RunAsync("cancel", ids[0], "--reason", "not needed");

        var iss = await nxc.RunAsync("list", "--operator", filer, "--norad", "25544", "-o", "json");
        var filedOnly = await nxc.RunAsync("list", "--operator", filer, "--status", "filed", "--kind", "maneuver", "-o", "json");
        var firstPage = await nxc.RunAsync("list", "--operator", filer, "--page-size", "2", "-o", "json");
        var nextPage = await nxc.RunAsync("list", "--operator", filer, "--page-size", "2", "--page-token", firstPage.Json().GetProperty("nextPageToken").GetString()!, "-o", "json");
        var all = await nxc.RunAsync("list", "--operator", filer, "--page-size", "1", "--all", "-o", "json");
        var none = await nxc.RunAsync("list", "--operator", filer, "--window-end", "now+1h", "-o", "json");
        var rpo = await nxc.RunAsync("list", "--operator", filer, "--kind", "rpo", "-o", "json");
        var table = await nxc.RunAsync("list", "--operator", filer);

        static string[] Ids(NxcResult result) => result.Json().GetProperty("notifications").EnumerateArray().Select(n => n.GetProperty("id").GetString()!).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(Ids(iss), Is.EquivalentTo(new[] { ids[0], ids[2] }));
            Assert.That(Ids(filedOnly), Is.EquivalentTo(new[] { ids[1], ids[2] }));
            Assert.That(Ids(firstPage).Concat(Ids(nextPage)), Is.EquivalentTo(ids));
            Assert.That(Ids(firstPage), Has.Length.EqualTo(2));
            Assert.That(Ids(all), Is.EquivalentTo(ids));
            Assert.That(all.Json().GetProperty("nextPageToken").GetString(), Is.Empty);
            Assert.That(Ids(none), Is.Empty, "nothing is active before the windows start");
            Assert.That(Ids(rpo), Is.Empty, "no proximity operations");
            Assert.That(table.Lines.Count(l => l.Contains("MNV-", StringComparison.Ordinal)), Is.EqualTo(3));
            Assert.That(table.Lines, Has.Some.Contains(ids[0]).And.Contains("cancelled"));
        });
    }

    [Test]
    public async Task Export_as_xml_and_as_json()
    {
        var (nxc, _) = await NewOperatorAsync();
        var id = (await FiledAsync(nxc, Maneuver())).GetProperty("id").GetString()!;

        var xml = await nxc.RunAsync("export", id, "--xml");
        var wrapped = await nxc.RunAsync("export", id, "-o", "json");
        var json = await nxc.RunAsync("export", id, "--format", "json");
        var badFormat = await nxc.RunAsync("export", id, "--format", "cdm");

        Assert.That(xml.Output, Does.Contain("<ocm").And.Contain("25544"));
        Assert.That(wrapped.Json().GetProperty("fileName").GetString(), Is.EqualTo($"{id}-v1.ocm"));
        Assert.That(wrapped.Json().GetProperty("content").GetString(), Does.StartWith("CCSDS_OCM_VERS"));
        Assert.That(json.Json().GetProperty("id").GetString(), Is.EqualTo(id));
        Assert.That(json.Json().GetProperty("maneuver").GetProperty("object").GetProperty("noradCatId").GetUInt32(), Is.EqualTo(25544));
        Assert.That(badFormat.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(badFormat.ErrorLines, Has.Length.EqualTo(1));
    }

    [Test]
    public async Task Show_of_a_notification_that_is_not_there_is_a_refusal()
    {
        var (nxc, _) = await NewOperatorAsync();

        var result = await nxc.RunAsync("show", "MNV-999999");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString());
        Assert.That(result.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(result.ErrorLines[0], Does.StartWith("nxc: refused: NotFound"));
    }

    /// <summary>A FileNotificationRequest as one JSON line: a maneuver of <paramref name="norad"/> in 6 hours.</summary>
    private static string Line(uint norad)
    {
        var start = DateTime.UtcNow.AddHours(6).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var end = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        return """{"maneuver": {"object": {"noradCatId": NORAD}, "executionWindow": {"start": "START", "end": "END"}, "purpose": "MANEUVER_PURPOSE_ORBIT_RAISING", "plannedDeltaV": {"magnitudeMps": 0.2}}}"""
            .Replace("NORAD", norad.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("START", start, StringComparison.Ordinal).Replace("END", end, StringComparison.Ordinal);
    }

    private string WriteFile(string name, string content)
    {
        var path = Path.Combine(Config, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>An OPM 2.0 in KVN of SENTINEL-1A (no catalogue number, purpose or contact) with one 0.35 m/s in-track
    /// burn at <paramref name="ignition"/>.</summary>
    private static string Opm(DateTime ignition)
    {
        static string Time(DateTime t) => t.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        return $"""
            CCSDS_OPM_VERS = 2.0
            CREATION_DATE = {Time(ignition.AddDays(-1))}
            ORIGINATOR = ESA-SDO
            OBJECT_NAME = SENTINEL-1A
            OBJECT_ID = 2014-016A
            CENTER_NAME = EARTH
            REF_FRAME = EME2000
            TIME_SYSTEM = UTC
            EPOCH = {Time(ignition.AddHours(-2))}
            X = 7000.0 [km]
            Y = 0.0 [km]
            Z = 0.0 [km]
            X_DOT = 0.0 [km/s]
            Y_DOT = 5.336 [km/s]
            Z_DOT = 5.336 [km/s]
            MAN_EPOCH_IGNITION = {Time(ignition)}
            MAN_DURATION = 120.0 [s]
            MAN_DELTA_MASS = -0.5 [kg]
            MAN_REF_FRAME = RTN
            MAN_DV_1 = 0.0 [km/s]
            MAN_DV_2 = 0.00035 [km/s]
            MAN_DV_3 = 0.0 [km/s]

            """;
    }
}

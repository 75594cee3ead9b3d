using System.Globalization;
using System.Text.RegularExpressions;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests;

/// <summary>
/// The README's proximity-alert walkthrough (steps 13 to 20), run as it is written: the exchange with the settings of
/// step 13 (in this process), then every command of steps 14 to 20 through the built example client as a process of
/// its own, in its project folder. Each command must appear in the README exactly as run here, and what each prints
/// must be what the README shows (the times and numbers that depend on when it runs matched by pattern).
/// </summary>
public class ReadmeAlertWalkthroughTests
{
    private const string CatalogueFile = "catalog/spacetrack_3le_2022-07-14.txt";
    private const string ReadmeCataloguePath = "../../../shared/data/" + CatalogueFile;
    private const string AckNote = "ISS holds attitude; the maneuvering party moves.";

    private TestDatabase _database = null!;
    private ExchangeHost _host = null!;
    private string _section = "";

    [OneTimeSetUp]
    public async Task StartExchangeAsInStep13()
    {
        var catalogue = SharedData.Require(CatalogueFile);
        var readme = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "README.md"));
        var start = readme.IndexOf("### Proximity alerts", StringComparison.Ordinal);
        var end = readme.IndexOf("## Using the API", StringComparison.Ordinal);
        Assert.That(start, Is.Positive.And.LessThan(end), "README.md has a '### Proximity alerts' walkthrough before '## Using the API'");
        _section = readme[start..end];
        Assert.That(_section, Does.Contain("--Exchange:SimulationClock:Start=2022-07-15T12:00:00Z"));
        Assert.That(_section, Does.Contain($"--Exchange:Alerts:Catalogue:Path=\"$PWD/../shared/data/{CatalogueFile}\""));

        _database = new TestDatabase();
        _host = await ExchangeHost.StartAsync(_database.Path, settings: new Dictionary<string, string>
        {
            ["Exchange:SimulationClock:Start"] = "2022-07-15T12:00:00Z",
            ["Exchange:Alerts:Catalogue:Path"] = catalogue,
        });
        // The start-up load and the standing screen after it run in the background; the README's reader asks again
        // until they are done ("if it says 0 objects, the load is still running").
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var registry = _host.Admin().Registry;
        while ((await registry.GetCatalogueStatusAsync(new GetCatalogueStatusRequest(), cancellationToken: timeout.Token)) is not
               { LastLoad: not null, LastStandingScreen: { } screened } status || screened.ToDateTime() < status.LastLoad.LoadedAt.ToDateTime())
        {
            await Task.Delay(200, timeout.Token);
        }
    }

    [OneTimeTearDown]
    public async Task StopExchange()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        _database?.Dispose();
    }

    [Test]
    public async Task Steps_14_to_20_register_ISS_raise_an_alert_on_its_operators_stream_export_it_as_a_CDM_and_acknowledge_it_as_the_README_shows()
    {
        // 14: two operators, and the catalogue's status
        var issKey = await CreateOperatorAsync("iss-ops", "ISS Flight Operations", "ISS_KEY");
        var satKey = await CreateOperatorAsync("sat-ops", "Demo Satellite Operations", "SAT_KEY");
        var status = await RunAsync(ExchangeHost.AdminKey, null, "catalogue-status");
        Assert.That(status[0], Does.Match(@"^exchange time 2022-07-15 12:\d\d:\d\dZ \(simulated\)$"));
        Assert.That(status[1], Is.EqualTo("catalogue: 24132 objects; registered: 0"));
        Assert.That(status[2], Does.Match(@"^last load: load 1 from spacetrack_3le_2022-07-14\.txt \(3LE\) at 2022-07-15 12:\d\d:\d\dZ: 24132 entries, 24132 added, 0 changed, 0 dropped, 0 unchanged, 0 rejected$"));
        Assert.That(status[3], Does.Match(@"^standing screening every 360 min, last finished 2022-07-15 12:\d\d:\d\dZ$"));
        Assert.That(status, Has.Length.EqualTo(4));
        Shown(status[1], status[2][..status[2].IndexOf(" at ", StringComparison.Ordinal)]);

        // 15: ISS registered from the catalogue's 3LE entry
        var registered = await RunAsync(issKey, "ISS_KEY", "register-object", "25544", "--from-catalogue", ReadmeCataloguePath, "full", "50");
        Assert.That(registered, Is.EqualTo(new[] { "registered 25544 ISS (ZARYA) operated by iss-ops: Leo, maneuverable, radius 50 m, sharing FullState, orbit epoch 2022-07-15 12:14:42Z" }));
        Shown(registered[0]);

        // 16: ISS's operator subscribes
        Command("ISS_KEY", "subscribe", "25544", "&");
        using var subscriber = ExampleClientProcess.Start(_host.Address, issKey, ["subscribe", "25544"]);
        Assert.That(await subscriber.NextLineAsync(TimeSpan.FromSeconds(30)), Does.Match("^subscription sub-[0-9a-f]+; waiting for events"));
        Assert.That(await subscriber.NextLineAsync(TimeSpan.FromSeconds(30)), Does.StartWith("-- live from sequence"));

        // 17: the encounter, filed by the satellite operator
        var filed = (await RunAsync(satKey, "SAT_KEY", "file-encounter", "70001", "25544", "90", "0.2")).Single();
        var filing = Regex.Match(filed, @"^filed (MNV-\d+) \(sequence \d+\): maneuver of 70001 at (\S+ \S+), 0\.5 m/s in-track; its new orbit crosses 25544 0\.2 km above it at (\S+ \S+)$");
        Assert.That(filing.Success, filed);
        var (notification, ignition, tca) = (filing.Groups[1].Value, filing.Groups[2].Value, filing.Groups[3].Value);
        Assert.That(Time(tca) - Time(ignition), Is.EqualTo(TimeSpan.FromMinutes(45)), "the burn is half-way to the encounter");
        Shown(Regex.Replace(filed, @"(MNV-\d+|\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ|sequence \d+)", "*"));

        var raisedLine = await subscriber.NextLineAsync(TimeSpan.FromMinutes(3));
        var raised = Regex.Match(raisedLine, $@"^#(\d+) ALERT RAISED (ALR-(\d+)) v1 70001 vs 25544 TCA {Regex.Escape(tca)} miss 200 m$");
        Assert.That(raised.Success, subscriber.Transcript);
        Assert.That(raised.Groups[3].Value, Is.EqualTo(raised.Groups[1].Value), "the alert's number is its sequence in the log");
        var alertId = raised.Groups[2].Value;
        Shown("ALERT RAISED * v1 70001 vs 25544 TCA * miss 200 m");

        // 18: the only alert iss-ops sees is this one (the README cuts its id from the listing), and its details
        var listed = await RunAsync(issKey, "ISS_KEY", "alerts");
        Assert.That(listed, Has.Length.EqualTo(1), string.Join('\n', listed));
        Assert.That(listed[0].Split(' ')[0], Is.EqualTo(alertId));
        Assert.That(_section, Does.Contain("ALERT=$(NX_API_KEY=$ISS_KEY dotnet run -- alerts | cut -d' ' -f1)"));
        var alert = await RunAsync(issKey, "ISS_KEY", "alert", "$ALERT");
        Assert.That(alert, Has.Length.EqualTo(4), string.Join('\n', alert));
        Assert.That(alert[0], Does.Match($@"^{alertId} v1 Open: 70001 vs 25544, TCA {Regex.Escape(tca)}, miss 200 m, \d+\.\d m/s, Pc \d\.\dE-\d \(maximum, ALFANO-MAX-PROBABILITY\), from {notification} v1$"));
        Assert.That(alert[1], Does.Match($@"^  primary 70001: operated by sat-ops, data from Notification \(epoch {Regex.Escape(ignition)}\), state shared; acknowledge by \S+ \S+$"));
        Assert.That(alert[2], Does.Match(@"^  secondary 25544 ISS \(ZARYA\): operated by iss-ops, data from Registration \(epoch 2022-07-15 12:14:42Z\), state shared; acknowledge by \S+ \S+$"));
        Assert.That(alert[3], Does.Match($@"^  #{raised.Groups[1].Value} ALERT RAISED {alertId} v1 70001 vs 25544 TCA {Regex.Escape(tca)} miss 200 m by the exchange at \S+ \S+$"));
        Shown("Open: 70001 vs 25544, TCA", "(maximum, ALFANO-MAX-PROBABILITY), from", "primary 70001: operated by sat-ops, data from Notification (epoch",
            "secondary 25544 ISS (ZARYA): operated by iss-ops, data from Registration (epoch 2022-07-15 12:14:42Z), state shared; acknowledge by");

        // 19: the CDM
        var cdm = string.Join('\n', await RunAsync(issKey, "ISS_KEY", "cdm", "$ALERT", ">", "alert.cdm"));
        Assert.That(cdm, Does.Match(@"(?m)^MESSAGE_FOR\s+= ISS \(ZARYA\)$"));
        Assert.That(cdm, Does.Match(@"(?m)^OBJECT_DESIGNATOR\s+= 70001$").And.Match(@"(?m)^OBJECT_DESIGNATOR\s+= 25544$"));
        Assert.That(Regex.Matches(cdm, @"(?m)^REF_FRAME\s+= ITRF$"), Has.Count.EqualTo(2));
        Assert.That(Regex.Matches(cdm, @"(?m)^RELATIVE_POSITION_[RTN]\s+= "), Has.Count.EqualTo(3));
        var miss = double.Parse(Regex.Match(cdm, @"(?m)^MISS_DISTANCE\s+= (\S+) \[m\]$").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.That(miss, Is.EqualTo(200).Within(1));
        Shown("MESSAGE_FOR = ISS (ZARYA)");

        // 20: acknowledged with an intent; the stream carries it
        var acknowledged = await RunAsync(issKey, "ISS_KEY", "ack-alert", "$ALERT", "wont", AckNote);
        Assert.That(acknowledged, Has.Length.EqualTo(3), string.Join('\n', acknowledged));
        Assert.That(acknowledged[0], Does.StartWith($"{alertId} v2 Open: 70001 vs 25544, TCA {tca}, miss 200 m"));
        Assert.That(acknowledged[2], Does.Match($@"^  secondary 25544 ISS \(ZARYA\): .*; acknowledged \S+ \S+, WillNotManeuver: {Regex.Escape(AckNote)}$"));
        Shown($"WillNotManeuver: {AckNote}");
        Assert.That(await subscriber.NextLineAsync(TimeSpan.FromSeconds(30)),
            Does.Match($@"^#\d+ ALERT ACKNOWLEDGED {alertId} v2 70001 vs 25544 TCA {Regex.Escape(tca)} miss 200 m, iss-ops: WillNotManeuver$"));
        Shown("ALERT ACKNOWLEDGED * v2 70001 vs 25544 TCA * miss 200 m, iss-ops: WillNotManeuver");
    }

    [Test]
    public async Task The_alert_verbs_answer_a_mistake_with_one_line_naming_the_argument_and_a_non_zero_exit()
    {
        var key = await _host.NewOperatorKeyAsync("readme-mistakes");
        var cases = new (string[] Arguments, int ExitCode, string Error)[]
        {
            (["ack-alert", "ALR-1", "maybe"], 2, "intent: 'maybe' is not will, wont or undecided"),
            (["file-encounter", "70001", "ISS"], 2, "target-norad: 'ISS' is not a catalogue number"),
            (["file-encounter", "70001", "25544", "5"], 2, "minutes-to-tca: 5 is not 20 to 10080 (the burn is half-way, at least 10 minutes from now)"),
            (["register-object", "25544", "--from-catalogue", "no-such-catalogue.txt"], 2,
                $"--from-catalogue: {Path.Combine(ExampleClientProcess.Folder, "no-such-catalogue.txt")} does not exist"),
            (["register-object", "99999", "--from-catalogue", SharedData.Require(CatalogueFile)], 2,
                $"--from-catalogue: {SharedData.Require(CatalogueFile)} has no element set of 99999"),
            (["file-encounter", "70001", "9"], 1, "NotFound: registered object 9 not found"),
            (["alert", "ALR-999999"], 1, "NotFound: alert ALR-999999 not found"),
        };
        foreach (var (arguments, exitCode, error) in cases)
        {
            var (code, output, errors) = await ExampleClientProcess.RunAsync(_host.Address, key, arguments);
            Assert.That((code, errors.TrimEnd('\n'), output.Length), Is.EqualTo((exitCode, error, 0)), string.Join(' ', arguments));
        }
    }

    /// <summary>`dotnet run -- create-operator ...` as the administrator, its key captured as the README does.</summary>
    private async Task<string> CreateOperatorAsync(string id, string name, string variable)
    {
        Assert.That(_section, Does.Contain($"{variable}=$(dotnet run -- create-operator {id} \"{name}\" | tail -1)"));
        var output = await RunAsync(ExchangeHost.AdminKey, null, "create-operator", id, name);
        Assert.That(output[0], Is.EqualTo($"operator {id} created; its API key (shown once):"));
        return output[^1];
    }

    /// <summary>
    /// Runs a README command (after checking that the README has it, as `[NX_API_KEY=$keyVariable ]dotnet run -- ...`)
    /// and returns its output lines; it must succeed with nothing on stderr. `$ALERT` and a trailing `&gt; file` are
    /// the shell's: the alert's id is taken from the listing as the README's `cut` does, and the output is returned.
    /// </summary>
    private async Task<string[]> RunAsync(string apiKey, string? keyVariable, params string[] arguments)
    {
        Command(keyVariable, arguments);
        // the README's path to the shared data, from the client's folder; NX_SHARED_DATA may put it elsewhere
        var run = arguments.TakeWhile(a => a != ">")
            .Select(a => a == ReadmeCataloguePath && !File.Exists(Path.Combine(ExampleClientProcess.Folder, a)) ? SharedData.Require(CatalogueFile) : a)
            .ToArray();
        if (run.Contains("$ALERT"))
        {
            var listed = await RunAsync(apiKey, keyVariable, "alerts");
            run = [.. run.Select(a => a == "$ALERT" ? listed[0].Split(' ')[0] : a)];
        }
        var (code, output, errors) = await ExampleClientProcess.RunAsync(_host.Address, apiKey, run);
        Assert.That((code, errors), Is.EqualTo((0, "")), $"{string.Join(' ', run)}: {string.Join('\n', output)}");
        return output;
    }

    /// <summary>Fails unless the README's walkthrough has the command line as the test runs it.</summary>
    private void Command(string? keyVariable, params string[] arguments)
    {
        var words = arguments.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a);
        var line = (keyVariable is null ? "" : $"NX_API_KEY=${keyVariable} ") + "dotnet run -- " + string.Join(' ', words);
        line = arguments switch
        {
            ["alerts"] => $"ALERT=$({line} | cut -d' ' -f1)",
            ["catalogue-status"] => $"{line}\n",
            _ => line,
        };
        Assert.That(_section, Does.Contain(line), "README.md's proximity-alert walkthrough has this command");
    }

    /// <summary>Fails unless the README's text around the walkthrough shows each output (whitespace and line breaks as one space; * for a part that varies).</summary>
    private void Shown(params string[] outputs)
    {
        var text = Regex.Replace(_section, @"\s+", " ");
        foreach (var output in outputs)
        {
            var pattern = string.Join(".+?", Regex.Replace(output, @"\s+", " ").Split('*').Select(Regex.Escape));
            Assert.That(Regex.IsMatch(text, pattern), $"README.md's proximity-alert walkthrough shows '{output}'");
        }
    }

    private static DateTime Time(string printed) =>
        DateTime.ParseExact(printed, "yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}

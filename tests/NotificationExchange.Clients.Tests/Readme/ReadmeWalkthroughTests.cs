using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using NotificationExchange.Clients.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Clients.Tests.Readme;

/// <summary>
/// The README's walkthrough run as written: its shell blocks, taken from README.md itself, through bash from the
/// repository root, with nxc installed by the README's own step 0 (scripts/install-nxc.sh) and put on PATH. The
/// exchange is a test's own (Development, with the development key, as `dotnet run` starts it); NX_ADDRESS points nxc
/// at it, and NXC_CONFIG_DIR keeps the profiles out of the user's. What the README shows of the output is checked
/// against what the commands print, times and ids that depend on the run matched by pattern.
/// </summary>
[NonParallelizable]
public sealed partial class ReadmeWalkthroughTests
{
    private const string DevelopmentKey = "dev-admin-key-for-local-use-only";
    private const string CatalogueFile = "catalog/spacetrack_3le_2022-07-14.txt";

    private string _readme = "";
    private string[] _blocks = [];
    private string _path = "";

    [OneTimeSetUp]
    public async Task InstallNxcAsTheReadmeDoesAsync()
    {
        _readme = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "README.md"));
        var start = _readme.IndexOf("## Walkthrough", StringComparison.Ordinal);
        var end = _readme.IndexOf("## Using the API", StringComparison.Ordinal);
        Assert.That(start, Is.Positive.And.LessThan(end), "README.md has a '## Walkthrough' before '## Using the API'");
        _blocks = ShellBlock().Matches(_readme[start..end]).Select(m => m.Groups[1].Value).ToArray();
        Assert.That(_blocks, Has.Length.EqualTo(3), "the walkthrough's shell blocks: the second terminal, the alert exchange's start, the alert steps");
        var install = Steps(_blocks[0], from: "# 0.", to: "# 1.");
        Assert.That(install, Does.Contain("scripts/install-nxc.sh").And.Contain("export PATH=\"$PWD/artifacts/bin:$PATH\""));
        var installed = await Shell.RunAsync(install + "\necho \"$PATH\"\n", SharedData.RepositoryRoot, new Dictionary<string, string>(), TimeSpan.FromMinutes(5));
        Assert.That(installed.ExitCode, Is.Zero, installed.ToString());
        _path = installed.Lines[^1];
        Assert.That(File.Exists(Path.Combine(SharedData.RepositoryRoot, "artifacts", "bin", "nxc")), installed.ToString());
    }

    [Test]
    public async Task Steps_1_to_15_file_export_consult_share_audit_and_demo_as_the_README_shows()
    {
        using var database = new TestDatabase();
        await using var exchange = await DevelopmentExchangeAsync(database, new Dictionary<string, string>());
        // The reader stops the watcher of step 4 (Ctrl+C, or kill %1 as the alert section says); the script does.
        var config = Directory.CreateTempSubdirectory("nxc-readme-").FullName;
        var result = await RunAsync(Steps(_blocks[0], from: "# 1.", to: null) + "\nkill %1\nwait || true\n", exchange.Address, config);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var output = result.Output;
        Assert.That(output, Does.Match(@"(?m)^filed MNV-1 v1 \(sequence 1\): maneuver of 25544 at \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ, 0\.35 m/s, collision-avoidance$"));
        Shown("filed MNV-1 v1 (sequence 1): maneuver of 25544 at", "0.35 m/s, collision-avoidance");
        Assert.That(output, Does.Match(@"(?m)^#1 notification filed MNV-1 v1 by esa-ops: maneuver of 25544"));
        Shown("`#1 notification filed MNV-1 v1 by esa-ops: ...`");
        Assert.That(output, Does.Match(@"(?m)^filed MNV-2 v1 \(sequence 2\): maneuver of 25544"), "step 6 files from the exported OCM");
        Assert.That(output, Does.Match(@"(?m)^#3 consultation requested CON-3 v1 by esa-ops: "));
        Shown("`#3 consultation requested CON-3 v1 by esa-ops: ...`");
        Assert.That(output, Does.Contain("esa-ops: We burn 0.35 m/s at the window start. Any objection?"));
        Assert.That(output, Does.Contain("- esa-ops: WILL maneuver ISS (25544) as filed in MNV-1"));

        // The README's example of a refusal, with esa's profile (before the test takes esa's key below), prints what the README shows (times aside) and exits 3.
        var example = ExampleRefusal().Match(_readme);
        Assert.That(example.Success, "README.md shows a refusal: For example `nxc ...` prints (and exits with 3) and its output");
        var refused = await RunAsync($"set +e\n{example.Groups[1].Value} 2>&1\necho \"exit $?\"\n", exchange.Address, config);
        var times = new Regex(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ");
        Assert.That(times.Replace(refused.Output, "T"), Is.EqualTo(times.Replace(example.Groups[2].Value, "T") + "exit 3\n"));

        // Step 12's digest is the SHA-256 of the canonical JSON the exchange exports.
        var digest = Regex.Match(output, @"(?m)^sha256 ([0-9a-f]{64})$");
        Assert.That(digest.Success, output);
        var esa = exchange.Client(await KeyAsync(exchange, "esa-ops"));
        var transcript = await esa.Consultations.ExportTranscriptAsync(new ExportTranscriptRequest { ConsultationId = "CON-3" });
        Assert.That(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(transcript.Json))), Is.EqualTo(digest.Groups[1].Value));

        // Step 12 goes on to verify the transcript and the maneuver against the transparency log.
        Assert.That(output, Does.Match($@"(?m)^ok CON-3 transcript: SHA-256 of its canonical JSON is {digest.Groups[1].Value}$"));
        Shown("`ok CON-3 transcript: SHA-256 of its canonical JSON is ...`");
        Assert.That(output, Does.Match(@"(?m)^ok MNV-1 v1 \(sequence 1\): committed and included in the tree of size \d+$"));
        Assert.That(Regex.Matches(output, "(?m)^verified$"), Has.Count.EqualTo(2), "both verifications hold");

        // Step 13: the embargoed maneuver is MNV-7, which cnes-ops sees with its audience and the administrator's
        // organisation does not find; step 14: esa-ops's audit lists the filing and cnes-ops's read of it.
        Assert.That(output, Does.Match(@"(?m)^filed MNV-7 v1 \(sequence 7\): maneuver of 25544"), output);
        Assert.That(output, Does.Match(@"(?m)audience public, embargoed to bilateral:cnes-ops until \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ"), output);
        Shown("`audience public, embargoed to bilateral:cnes-ops until ...`");
        Assert.That(output, Does.Contain("exit 3: to the administrator's organisation MNV-7 does not exist"));
        Assert.That(result.Error, Does.Contain("nxc: refused: NotFound"));
        var audit = output.Split('\n').Where(l => l.Contains("MNV-7", StringComparison.Ordinal) && !l.StartsWith("filed", StringComparison.Ordinal)).ToArray();
        Assert.That(audit, Has.Some.Match("esa-ops.*FileNotification"), output);
        Assert.That(audit, Has.Some.Match("cnes-ops.*GetNotification"), output);

        // Step 15: the demo ran to its end and says how to go on.
        Assert.That(output, Does.Match(@"(?m)^   echo \S+ \| nxc login --server \S+ --profile aurora-[0-9a-f]{4}$"));
        Assert.That(result.Error, Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    public async Task Steps_16_to_23_register_ISS_raise_an_alert_and_acknowledge_it_as_the_README_shows()
    {
        var catalogue = SharedData.Require(CatalogueFile);
        Assert.That(_blocks[1], Does.Contain("--Exchange:SimulationClock:Start=2022-07-15T12:00:00Z"));
        Assert.That(_blocks[1], Does.Contain($"--Exchange:Alerts:Catalogue:Path=\"$PWD/../shared/data/{CatalogueFile}\""));
        using var database = new TestDatabase();
        await using var exchange = await DevelopmentExchangeAsync(database, new Dictionary<string, string>
        {
            ["Exchange:SimulationClock:Start"] = "2022-07-15T12:00:00Z",
            ["Exchange:Alerts:Catalogue:Path"] = catalogue,
        });
        await CatalogueLoadedAsync(exchange);
        var login = Steps(_blocks[0], from: "# 1.", to: "# 2.");
        // The README's relative path to the shared data is from the repository root; NX_SHARED_DATA may put it elsewhere.
        var steps = _blocks[2].Replace("../shared/data/" + CatalogueFile, catalogue, StringComparison.Ordinal);

        var result = await RunAsync(login + "\n" + steps, exchange.Address);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var lines = result.Lines;
        Assert.That(lines, Has.Some.Match(@"^exchange time 2022-07-15 12:\d\d:\d\dZ \(simulated\)$"));
        Assert.That(lines, Has.Some.EqualTo("catalogue: 24132 objects; registered: 0"));
        Shown("catalogue: 24132 objects; registered: 0",
            "last load: load 1 from spacetrack_3le_2022-07-14.txt (3LE) at 2022-07-15 12:00:01Z: 24132 entries, 24132 added, 0 changed, 0 dropped, 0 unchanged, 0 rejected");
        Assert.That(lines, Has.Some.Match(@"^last load: load 1 from spacetrack_3le_2022-07-14\.txt \(3LE\) at 2022-07-15 12:\d\d:\d\dZ: 24132 entries, 24132 added, 0 changed, 0 dropped, 0 unchanged, 0 rejected$"));
        const string registered = "registered 25544 ISS (ZARYA) (1998-067A), operated by iss-ops: LEO, maneuverable, radius 50 m, sharing full state, TLE of 2022-07-15 12:14:42Z";
        Assert.That(lines, Has.Some.EqualTo(registered));
        Shown(Collapse(registered));
        var filed = lines.Select(l => FiledEncounter().Match(l)).Single(m => m.Success);
        var (ignition, tca) = (DateTime.Parse(filed.Groups[1].Value).ToUniversalTime(), filed.Groups[2].Value);
        Assert.That(DateTime.Parse(tca).ToUniversalTime() - ignition, Is.EqualTo(TimeSpan.FromMinutes(45)), "the burn is half-way to the encounter");
        var raised = lines.Select(l => Regex.Match(l, $@"^#(\d+) alert raised (ALR-(\d+)) v1 70001 vs 25544 TCA {Regex.Escape(tca)} miss 200 m \(open\), from MNV-1 v1$")).Single(m => m.Success);
        Assert.That(raised.Groups[3].Value, Is.EqualTo(raised.Groups[1].Value), "the alert's number is its sequence in the log");
        var alertId = raised.Groups[2].Value;
        Shown("alert raised ALR-7 v1 70001 vs 25544 TCA 2022-07-15 13:30:14Z miss 200 m (open), from MNV-1 v1");
        Assert.That(lines, Has.Some.Match($@"^{alertId} v1 open: 70001 vs 25544 ISS \(ZARYA\), TCA {Regex.Escape(tca)}, miss 200 m, \d+\.\d m/s, Pc \d\.\dE-\d \(maximum, ALFANO-MAX-PROBABILITY\), from MNV-1 v1$"));
        Assert.That(lines, Has.Some.Match(@"^secondary 25544 ISS \(ZARYA\): operated by iss-ops, data from registration \(epoch 2022-07-15 12:14:42Z\), state shared; acknowledge by \S+ \S+$"));
        Shown("secondary 25544 ISS (ZARYA): operated by iss-ops, data from registration (epoch 2022-07-15 12:14:42Z), state shared; acknowledge by");
        Assert.That(lines, Has.Some.Match(@"^secondary 25544 ISS \(ZARYA\): .*; acknowledged \S+ \S+, will not maneuver: ISS holds attitude; the maneuvering party moves\.$"));

        var cdm = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "artifacts", "alert.cdm"));
        Assert.That(cdm, Does.Match(@"(?m)^MESSAGE_FOR\s+= ISS \(ZARYA\)$"));
        Assert.That(cdm, Does.Match(@"(?m)^OBJECT_DESIGNATOR\s+= 70001$").And.Match(@"(?m)^OBJECT_DESIGNATOR\s+= 25544$"));
        Assert.That(Regex.Matches(cdm, @"(?m)^REF_FRAME\s+= ITRF$"), Has.Count.EqualTo(2));
        Shown("`MESSAGE_FOR = ISS (ZARYA)`");
    }

    /// <summary>The exchange as `dotnet run` starts it for the walkthrough: the Development environment and its key.</summary>
    private static Task<ExchangeHost> DevelopmentExchangeAsync(TestDatabase database, Dictionary<string, string> settings)
    {
        settings["environment"] = "Development";
        settings["Exchange:AdminApiKey"] = DevelopmentKey;
        return ExchangeHost.StartAsync(database.Path, settings: settings);
    }

    /// <summary>The start-up load and the standing screen after it run in the background; the README's reader asks
    /// again until they are done ("if it says 0 objects, the load is still running").</summary>
    private static async Task CatalogueLoadedAsync(ExchangeHost exchange)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var registry = exchange.Client(DevelopmentKey).Registry;
        while ((await registry.GetCatalogueStatusAsync(new GetCatalogueStatusRequest(), cancellationToken: timeout.Token)) is not
               { LastLoad: not null, LastStandingScreen: { } screened } status || screened.ToDateTime() < status.LastLoad.LoadedAt.ToDateTime())
        {
            await Task.Delay(200, timeout.Token);
        }
    }

    private static async Task<string> KeyAsync(ExchangeHost exchange, string operatorId) =>
        (await exchange.Client(DevelopmentKey).Operators.RotateApiKeyAsync(new RotateApiKeyRequest { OperatorId = operatorId })).ApiKey;

    private Task<NxcResult> RunAsync(string script, string address, string? config = null)
    {
        config ??= Directory.CreateTempSubdirectory("nxc-readme-").FullName;
        return Shell.RunAsync(script, SharedData.RepositoryRoot, new Dictionary<string, string>
        {
            ["PATH"] = _path,
            ["NX_ADDRESS"] = address,
            ["NXC_CONFIG_DIR"] = config,
        }, TimeSpan.FromMinutes(5));
    }

    /// <summary>The lines of a block from the comment starting <paramref name="from"/> up to the one starting
    /// <paramref name="to"/> (or the end).</summary>
    private static string Steps(string block, string from, string? to)
    {
        var start = block.IndexOf(from, StringComparison.Ordinal);
        var end = to is null ? block.Length : block.IndexOf(to, StringComparison.Ordinal);
        Assert.That(start, Is.Not.Negative.And.LessThan(end), $"the block has steps '{from}' to '{to}'");
        return block[start..end];
    }

    /// <summary>Fails unless the README shows each text (in prose or an output block, lines joined).</summary>
    private void Shown(params string[] texts)
    {
        var readme = Collapse(_readme);
        foreach (var text in texts)
        {
            Assert.That(readme, Does.Contain(Collapse(text)), "README.md shows it");
        }
    }

    private static string Collapse(string text) => Regex.Replace(text, @"\s+", " ");

    [GeneratedRegex(@"For example\s+`(nxc [^`]+)` prints \(and\s+exits with 3\)\s+```\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ExampleRefusal();

    [GeneratedRegex(@"```sh\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();

    [GeneratedRegex(@"^filed MNV-1 \(sequence 1\): maneuver of 70001 at (\S+ \S+), 0\.5 m/s in-track; its new orbit crosses 25544 0\.2 km above it at (\S+ \S+)$")]
    private static partial Regex FiledEncounter();
}

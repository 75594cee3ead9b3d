using System.Text.Json;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Clients.Tests.Support;
using NUnit.Framework;

namespace NotificationExchange.Clients.Tests.Cli;

/// <summary>
/// nxc's contract with scripts, over command lines made from its real verb tree with hostile values
/// (<see cref="CommandLines"/>), run in-process against a real exchange that holds a notification, a consultation, a
/// subscription, an object and a direct line for them to reach: the exit status is 0, 2, 3, 4 or 5 (a verification
/// that does not hold, e.g. nxc verify transcript of an open consultation); stderr never holds a
/// stack trace; a usage error or an unreachable exchange is one line "nxc: ..."; a refusal is "nxc: refused: ..." and
/// then only field violations, indented by two spaces; with --output json a success prints JSON (one document, or one
/// per line for a stream). Verbs that block (watch, consult talk, demo), change the test's own credentials (login) or
/// write the file a generated value names, wherever that is (log head --save) are left out. A fixed seed makes the run the same every time; FsCheck prints the replay seed and the failing case,
/// and NX_PROPERTY_SEED explores others.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class CommandLineContractTests : ExchangeFixture
{
    private const int Cases = 200;

    private static readonly ulong Seed = ulong.TryParse(Environment.GetEnvironmentVariable("NX_PROPERTY_SEED"), out var seed) ? seed : 20261202UL;

    private static readonly TimeSpan CaseLimit = TimeSpan.FromSeconds(15);

    private readonly SortedDictionary<string, int> _outcomes = new(StringComparer.Ordinal);
    private string _operatorKey = null!;
    private string _files = null!;
    private CommandLines _lines = null!;

    [OneTimeSetUp]
    public async Task MakeSomethingToReachAsync()
    {
        _operatorKey = await Exchange.NewOperatorKeyAsync("fuzz-ops");
        var peerKey = await Exchange.NewOperatorKeyAsync("fuzz-peer");
        await Exchange.NewOperatorKeyAsync("rotatable-ops");
        _files = Directory.CreateTempSubdirectory("nxc-fuzz-").FullName;
        var config = Directory.CreateTempSubdirectory("nxc-fuzz-config-").FullName;
        try
        {
            var ops = new Nxc(config).With(("NX_ADDRESS", Exchange.Address), ("NX_API_KEY", _operatorKey));
            var peer = new Nxc(config).With(("NX_ADDRESS", Exchange.Address), ("NX_API_KEY", peerKey));
            var (line1, line2) = Tles.Iss(70001);
            Ok(await ops.RunAsync("objects", "register", "70001", "--tle", line1, line2, "--radius-m", "5"));
            var maneuver = Id(await ops.RunAsync("file", "maneuver", "--norad", "70001", "--window-start", "now+6h", "--window-end", "now+7h",
                "--delta-v", "0.1", "--purpose", "station-keeping", "-o", "json"), "notification");
            var consultation = Id(await ops.RunAsync("consult", "request", "fuzz-peer", "--urgency", "routine", "--subject", "fuzz", "-o", "json"));
            Ok(await peer.RunAsync("consult", "accept", consultation));
            var line = Id(await ops.RunAsync("consult", "line", "propose", "fuzz-peer", "--purpose", "fuzz", "-o", "json"));
            var subscription = Id(await ops.RunAsync("subscribe", "create", "fuzz-sub", "-o", "json"));
            var files = WriteFiles(line1, line2);
            _lines = new CommandLines(NxcApp.Build(new CliEnvironment(TextWriter.Null, TextWriter.Null, TextReader.Null, false, false, _ => null, config)),
                new HashSet<string> { "watch", "consult talk", "demo", "login", "log head" },
                new Dictionary<string, string[]>
                {
                    ["id"] = [maneuver, consultation, line, subscription, "fuzz-sub", "MNV-999999", "CON-0", "ALR-1", "DL-none", "sub-none", "CLM-1"],
                    ["org"] = ["fuzz-peer", "fuzz-ops", "nobody-ops", "rotatable-ops"],
                    ["file"] = [.. files, _files, Path.Combine(_files, "missing.json"), "relative/missing.opm"],
                    ["tle"] = [line1, line2, "only-one-line", line2[..68] + "0"],
                });
        }
        finally
        {
            Directory.Delete(config, recursive: true);
        }
    }

    [OneTimeTearDown]
    public void RemoveFiles() => Directory.Delete(_files, recursive: true);

    [Test]
    public void Any_command_line_ends_in_a_documented_status_and_says_why_in_the_documented_shape()
    {
        var cases = from verb in Gen.Choose(0, _lines.Verbs.Count - 1)
                    from seed in Gen.Choose(0, int.MaxValue)
                    select (Verb: verb, Seed: seed);
        var config = FsCheck.Config.QuickThrowOnFailure.WithMaxTest(Cases).WithQuietOnSuccess(true).WithReplay(new Replay(new Rnd(Seed, 17UL), null));

        Prop.ForAll(cases.ToArbitrary(), c => Run(c.Verb, c.Seed)).Check(config);
        TestContext.Out.WriteLine(string.Join(Environment.NewLine, _outcomes.Select(o => $"{o.Key}: {o.Value}")));

        // The run reached past the parser: the exchange answered and refused, not only usage errors.
        var byStatus = _outcomes.GroupBy(o => o.Key.Split(" exit ")[1]).ToDictionary(g => g.Key, g => g.Sum(o => o.Value));
        Assert.That(byStatus.GetValueOrDefault("0"), Is.GreaterThan(10), "successes");
        Assert.That(byStatus.GetValueOrDefault("2"), Is.GreaterThan(10), "usage errors");
        Assert.That(byStatus.GetValueOrDefault("3"), Is.GreaterThan(10), "refusals");
    }

    private void Run(int verb, int seed)
    {
        var args = _lines.Make(verb, new Random(seed));
        // The administrator's verbs as the administrator (not rotating a key the test uses); anything else as an
        // operator; now and then a key the exchange does not know.
        var key = args[0] == "admin" ? ExchangeHost.AdminKey : _operatorKey;
        if (args is ["admin", "operator", "rotate-key", ..])
        {
            args = [.. args.Select(a => a is "fuzz-ops" or "fuzz-peer" ? "rotatable-ops" : a)];
        }
        if (new Random(seed).NextDouble() < 0.05)
        {
            key = "not-a-key";
        }
        using var limit = new CancellationTokenSource(CaseLimit);
        var line = $"nxc {string.Join(' ', args.Select(Shown))}";
        NxcResult result;
        try
        {
            result = As(key).RunAsync(args, stdin: "", limit.Token).GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            throw new AssertionException($"{line}\nthrew (nxc would die with a stack trace): {e}");
        }
        var what = $"{line}\n{result}";
        _outcomes[$"{string.Join(' ', _lines.Verbs[verb].Path)} exit {result.ExitCode}"] = _outcomes.GetValueOrDefault($"{string.Join(' ', _lines.Verbs[verb].Path)} exit {result.ExitCode}") + 1;

        var errors = result.Error.Length == 0 ? [] : result.Error.TrimEnd('\n').Split('\n');
        Assert.That(result.ExitCode, Is.AnyOf(ExitCodes.Ok, ExitCodes.Usage, ExitCodes.Refused, ExitCodes.Unreachable, ExitCodes.NotVerified),
            limit.IsCancellationRequested ? $"did not end within {CaseLimit}: {what}" : what);
        Assert.That(errors, Has.None.StartsWith("   at ").And.None.Contains("Exception:"), $"a stack trace: {what}");
        switch (result.ExitCode)
        {
            case ExitCodes.Usage or ExitCodes.Unreachable:
                Assert.That(errors, Has.Length.EqualTo(1).And.All.StartsWith("nxc: "), $"one line: {what}");
                break;
            case ExitCodes.Refused:
                // A refusal (for a .jsonl filing, a refusal a line, each naming its line), then its field violations.
                Assert.That(errors, Is.Not.Empty, what);
                Assert.That(errors[0], Does.Match(Refusal()), what);
                Assert.That(errors.Skip(1), Has.All.Match(Refusal()).Or.Match(@"^  \S"), what);
                break;
            case ExitCodes.Ok or ExitCodes.NotVerified when AsksForJson(args):
                Assert.That(IsJson(result.Output), what);
                break;
        }
    }

    /// <summary>Whether the last --output (or -o) given says json.</summary>
    private static bool AsksForJson(string[] args)
    {
        var last = Array.FindLastIndex(args, a => a is "--output" or "-o");
        return last >= 0 && last + 1 < args.Length && args[last + 1].Equals("json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>One JSON document, or one a line.</summary>
    private static bool IsJson(string output)
    {
        static bool Parses(string text)
        {
            try
            {
                using var _ = JsonDocument.Parse(text);
                return true;
            }
            catch (JsonException)
            {
                return false;
            }
        }
        return output.Trim().Length > 0 && (Parses(output) || output.Split('\n', StringSplitOptions.RemoveEmptyEntries).All(Parses));
    }

    private string[] WriteFiles(string line1, string line2)
    {
        var notice = """
            {"object": {"noradCatId": 70001}, "executionWindow": {"start": "2030-01-02T10:00:00Z", "end": "2030-01-02T11:00:00Z"},
             "purpose": "MANEUVER_PURPOSE_STATION_KEEPING", "plannedDeltaV": {"magnitudeMps": 0.1}}
            """;
        var files = new Dictionary<string, string>
        {
            ["notice.json"] = notice,
            ["request.json"] = $"{{\"maneuver\": {notice.ReplaceLineEndings(" ")}}}",
            ["broken.json"] = "{\"object\": ",
            ["bulk.jsonl"] = $"{{\"maneuver\": {notice.ReplaceLineEndings(" ")}}}\n{{\"maneuver\": {{\"object\": {{\"noradCatId\": 99999999}}}}}}\n",
            ["burn.opm"] = "CCSDS_OPM_VERS = 2.0\nnot an opm\n",
            ["iss.tle"] = $"ISS\n{line1}\n{line2}\n",
            ["catalogue.3le"] = $"0 FUZZ\n{line1}\n{line2}\n0 BROKEN\n1 garbage\n",
            ["empty.omm"] = "",
            ["unicode ü.oem"] = "CCSDS_OEM_VERS = 2.0\n\u0000\u001b",
        };
        foreach (var (name, content) in files)
        {
            File.WriteAllText(Path.Combine(_files, name), content);
        }
        return [.. files.Keys.Select(name => Path.Combine(_files, name))];
    }

    private static string Id(NxcResult result, string? inside = null)
    {
        var json = Ok(result).Json();
        return (inside is null ? json : json.GetProperty(inside)).GetProperty("id").GetString()!;
    }

    /// <summary>An argument as a shell would need it, control characters escaped, long ones cut.</summary>
    private static string Shown(string arg) =>
        "'" + Verb.Printable(arg.Length > 60 ? $"{arg[..20]}...({arg.Length} characters)" : arg).Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"^nxc: (\S.* line \d+: )?refused: \S")]
    private static partial Regex Refusal();
}

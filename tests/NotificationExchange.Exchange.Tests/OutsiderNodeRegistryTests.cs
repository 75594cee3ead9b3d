using System.Text.Json;
using System.Text.RegularExpressions;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests;

/// <summary>
/// The object registry, the catalogue and the alert calls as an outsider reads their contract (alerts.proto,
/// subscriptions.proto's AlertFilter), from the Node.js client in tests/outsider-node against a real exchange: hostile
/// values in every field answered OK or with a client's error (never UNKNOWN or INTERNAL), refusals naming the wire
/// path, what was accepted reading back as sent; and a registration, a claim awarded and a catalogue loaded.
/// </summary>
public partial class OutsiderNodeRegistryTests
{
    /// <summary>The answers a client's own mistake may get; anything else (UNKNOWN, INTERNAL, ...) is the exchange's fault.</summary>
    private static readonly string[] ClientErrors = ["OK", "INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED", "ALREADY_EXISTS", "FAILED_PRECONDITION"];

    private TestDatabase _database = null!;
    private ExchangeHost _host = null!;

    [OneTimeSetUp]
    public async Task StartExchange()
    {
        _database = new TestDatabase();
        _host = await ExchangeHost.StartAsync(_database.Path);
    }

    [OneTimeTearDown]
    public async Task StopExchange()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    private static async Task<List<JsonElement>> RunAsync(params string[] arguments)
    {
        using var node = OutsiderNode.Start(arguments);
        var lines = new List<JsonElement>();
        lines.Add(await node.NextOfTypeAsync("probes_done", lines.Add, TimeSpan.FromSeconds(120)));
        Assert.That(await node.ExitCodeAsync(), Is.Zero, node.Transcript);
        return lines;
    }

    private static JsonElement Single(List<JsonElement> lines, string type) => lines.Single(l => Text(l, "type") == type);

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!;

    [Test]
    public async Task Hostile_values_in_every_registry_catalogue_and_alert_field_are_answered_as_a_clients_error_by_wire_path_and_what_is_accepted_reads_back()
    {
        var keyA = await _host.NewOperatorKeyAsync("node-registry-a");
        var keyB = await _host.NewOperatorKeyAsync("node-registry-b");

        var lines = await RunAsync("registry-hostile", _host.Address, ExchangeHost.AdminKey, keyA, keyB);

        var probes = lines.Where(l => Text(l, "type") == "probe").ToDictionary(l => Text(l, "name"));
        Assert.That(probes, Has.Count.EqualTo(Single(lines, "probes_done").GetProperty("count").GetInt32()), "one answer a probe");
        Assert.That(probes.Keys, Is.SupersetOf(new[]
        {
            "RegisterObject.hard_body_radius_m.nan", "RegisterObject.hard_body_radius_m.1e309", "RegisterObject.sharing.unknown_99",
            "RegisterObject.orbit.tle.line1.crlf", "RegisterObject.orbit.omm.binary_junk", "RegisterObject.orbit.omm.mean_motion_1e309",
            "RegisterObject.orbit.oem.state_nan", "ResolveObjectClaim.note.chars_1000000", "ResolveObjectClaim.claim_id.nul",
            "LoadCatalogue.content.binary_junk", "LoadCatalogue.content.nul_bytes", "LoadCatalogue.content.garbage_10000_lines",
            "LoadCatalogue.content.three_line_crlf", "LoadCatalogue.content.three_line_mixed_encodings", "LoadCatalogue.content.celestrak_json_nan",
            "LoadCatalogue.content.celestrak_json_1e309", "LoadCatalogue.path.etc_passwd", "AcknowledgeAlert.alert_id.never_issued",
            "AcknowledgeAlert.note.chars_1000000", "AcknowledgeAlert.intent.unknown_99", "ExportAlertCdm.format.unknown_99",
            "ListAlerts.page_token.forged", "ListAlerts.page_token.registry_tampered", "ListAlerts.page_token.of_the_object_registry",
            "CreateSubscription.alerts.min_probability.nan", "CreateSubscription.alerts.max_miss_distance_m.negative",
            "CreateSubscription.alerts.min_probability.above_1", "CreateSubscription.alerts.regimes.unknown_99",
        }), "the client sent the probes this test expects");

        var wrong = new List<string>();
        foreach (var (name, probe) in probes)
        {
            var (code, fields) = OutsiderNode.Refusal(probe);
            var field = probe.GetProperty("field").ValueKind == JsonValueKind.String ? Text(probe, "field") : null;
            if (!ClientErrors.Contains(code))
            {
                wrong.Add($"{name}: answered {code}, which is no client's error: {Status(probe)}");
                continue;
            }
            if (probe.GetProperty("expect") is { ValueKind: JsonValueKind.Object } expect
                && (code != Text(expect, "code") || !fields.Order(StringComparer.Ordinal).SequenceEqual(expect.GetProperty("fields").EnumerateArray().Select(f => f.GetString()!).Order(StringComparer.Ordinal))))
            {
                wrong.Add($"{name}: expected {expect}, answered {code} [{string.Join(", ", fields)}]: {Status(probe)}");
                continue;
            }
            if (code == "INVALID_ARGUMENT")
            {
                var status = probe.GetProperty("status");
                if (fields.Length == 0)
                {
                    wrong.Add($"{name}: INVALID_ARGUMENT without a google.rpc.BadRequest naming a field: {status}");
                }
                else if (field is not null && !fields.Any(f => f == field || f.StartsWith(field + ".", StringComparison.Ordinal) || f.StartsWith(field + "[", StringComparison.Ordinal)))
                {
                    wrong.Add($"{name}: refused, but not by {field} (named: {string.Join(", ", fields)}): {status}");
                }
                else if (fields.FirstOrDefault(f => !WirePath().IsMatch(f)) is { } notAPath)
                {
                    wrong.Add($"{name}: '{notAPath}' is not a wire path: {status}");
                }
                else if (!Text(status, "details").Contains(fields[0], StringComparison.Ordinal)
                    || status.GetProperty("field_violations").EnumerateArray().Any(v => string.IsNullOrWhiteSpace(Text(v, "description"))))
                {
                    wrong.Add($"{name}: the message does not name {fields[0]}, or a violation says nothing: {status}");
                }
            }
            if (code == "OK" && probe.TryGetProperty("read_back_equal", out var equal) && !equal.GetBoolean())
            {
                wrong.Add($"{name}: accepted, but does not read back as sent: sent {Part(probe, "sent")}, answered {Part(probe, "answered")}, "
                    + $"read back {Part(probe, "read_back")}, listed {Part(probe, "listed")}");
            }
            if (code != "OK" && probe.TryGetProperty("left_nothing", out var nothing) && !nothing.GetBoolean())
            {
                wrong.Add($"{name}: refused with {code}, yet the object reads back as registered");
            }
        }
        Assert.That(wrong, Is.Empty, $"{wrong.Count} of {probes.Count} probes answered otherwise than the contract says:\n{string.Join("\n", wrong)}");
        var claim = Single(lines, "claim_after");
        Assert.That(claim.GetProperty("pending").GetBoolean(), $"no ResolveObjectClaim probe resolved B's claim: {claim}");
    }

    [Test]
    public async Task A_claim_refused_already_exists_is_awarded_by_the_administrator_and_a_3le_catalogue_reports_what_it_added_and_rejected_by_line()
    {
        var keyA = await _host.NewOperatorKeyAsync("node-flow-holder");
        var keyB = await _host.NewOperatorKeyAsync("node-flow-claimant");

        var lines = await RunAsync("registry-flow", _host.Address, ExchangeHost.AdminKey, keyA, keyB);

        var flow = Single(lines, "flow");
        TestContext.Out.WriteLine(flow.ToString());
        Assert.That(flow.GetProperty("registered").ToString(), Is.EqualTo(flow.GetProperty("sent_by_a").ToString()), "A's registration reads back as sent");
        var claimed = flow.GetProperty("claimed");
        Assert.That(OutsiderNode.Refusal(claimed).Code, Is.EqualTo("ALREADY_EXISTS"), claimed.ToString());
        var claim = flow.GetProperty("claim");
        Assert.That(claim.ValueKind, Is.EqualTo(JsonValueKind.Object), "the administrator lists B's claim");
        Assert.That((Text(claim, "claimant_id"), Text(claim, "holder_id"), Text(claim, "state")),
            Is.EqualTo(("node-flow-claimant", "node-flow-holder", "OBJECT_CLAIM_STATE_PENDING")));
        Assert.That(Text(claimed.GetProperty("status"), "details"), Does.Contain("node-flow-holder").And.Contain(Text(claim, "id")), "the refusal names the holder and the claim");
        var awarded = flow.GetProperty("awarded");
        Assert.That((Text(awarded, "id"), Text(awarded, "state"), Text(awarded, "resolution_note")),
            Is.EqualTo((Text(claim, "id"), "OBJECT_CLAIM_STATE_AWARDED", "Node flow: B shows the ITU filing")));
        Assert.That(flow.GetProperty("after_award").ToString(), Is.EqualTo(flow.GetProperty("sent_by_b").ToString()), "B's claimed registration is the object's now, as B sent it");
        var seenByA = flow.GetProperty("seen_by_a");
        Assert.That((Text(seenByA, "operator_id"), seenByA.GetProperty("orbit").ValueKind), Is.EqualTo(("node-flow-claimant", JsonValueKind.Null)),
            "A no longer operates it, and B's policy (unspecified: derived only) hides the orbit from A");

        var catalogue = flow.GetProperty("catalogue");
        Assert.That(catalogue.GetProperty("ok").GetBoolean(), catalogue.ToString());
        var report = catalogue.GetProperty("response");
        var catalogueLines = flow.GetProperty("catalogue_lines").EnumerateArray().Select(l => l.GetString()!).ToList();
        Assert.That((Text(report, "format"), report.GetProperty("total").GetUInt32(), Text(report, "source")), Is.EqualTo(("3LE", 5u, "node flow 3LE")),
            "five entries in the file, three of them loaded");
        Assert.That(report.GetProperty("added").EnumerateArray().Select(n => n.GetUInt32()), Is.EquivalentTo(new uint[] { 62_101, 62_103, 62_105 }));
        var rejected = report.GetProperty("rejected").EnumerateArray().Select(r => (r.GetProperty("line").GetUInt32(), Text(r, "reason"))).ToList();
        Assert.That(rejected.Select(r => r.Item1), Is.EqualTo(new uint[] { 6, 11 }),
            $"the wrong checksum on file line 6 ({catalogueLines[5]}) and the line 1 without a line 2 on file line 11: {string.Join("; ", rejected)}");
        Assert.That(rejected.Select(r => r.Item2), Has.All.Not.Empty);
        Assert.That(flow.GetProperty("status").GetProperty("last_load").GetProperty("load_id").GetString(), Is.EqualTo(Text(report, "load_id")));
    }

    private static string Status(JsonElement probe) => probe.TryGetProperty("status", out var status) ? status.ToString() : probe.ToString();

    private static string Part(JsonElement probe, string name) => probe.TryGetProperty(name, out var part) ? part.ToString() : "-";

    [GeneratedRegex(@"^[a-z][a-z0-9_]*(\[[0-9]+\])?(\.[a-z][a-z0-9_]*(\[[0-9]+\])?)*$")]
    private static partial Regex WirePath();
}

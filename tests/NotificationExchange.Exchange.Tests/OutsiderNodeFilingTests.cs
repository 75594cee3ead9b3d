using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests;

/// <summary>
/// Filing and the directory from the Node.js client in tests/outsider-node (grpc-js, messages built from the .proto
/// files alone): retries of the very bytes it sent, a directory entry read back as sent, and values the exchange must
/// refuse cleanly. A fixture of its own because the exchange
/// runs on a fake clock here, which the stream tests in <see cref="OutsiderNodeClientTests"/> must not (their grace
/// periods run on the exchange's clock).
/// </summary>
public class OutsiderNodeFilingTests
{
    private TestDatabase _database = null!;
    private FakeTimeProvider _clock = null!;
    private ExchangeHost _host = null!;

    [SetUp]
    public async Task StartExchange()
    {
        _database = new TestDatabase();
        // Starts at the real now, as the Node client's notices are built from its real clock; tests move it on to make
        // what was once valid invalid.
        _clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _host = await ExchangeHost.StartAsync(_database.Path, services: services => services.AddSingleton<TimeProvider>(_clock));
    }

    [TearDown]
    public async Task StopExchange()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    [Test]
    public async Task A_grpc_js_retry_of_the_same_bytes_after_the_window_has_passed_gets_the_first_answer_and_a_changed_field_is_refused_on_request_id()
    {
        var key = await _host.NewOperatorKeyAsync("node-retrier");

        using var node = OutsiderNode.Start("file-retry", _host.Address, key);
        var sent = (await node.NextOfTypeAsync("sending")).GetProperty("maneuver");
        var first = await node.NextOfTypeAsync("answer");
        await node.NextOfTypeAsync("waiting");
        // The notice's window ends 6 h 20 min after the client's clock read it: 7 h on, the rules would refuse it.
        _clock.Advance(TimeSpan.FromHours(7));
        await node.SendAsync("retry");
        var retry = await node.NextOfTypeAsync("answer");
        var fresh = await node.NextOfTypeAsync("answer");
        var changed = await node.NextOfTypeAsync("answer");
        var otherUnknown = await node.NextOfTypeAsync("answer");
        Assert.That(await node.ExitCodeAsync(), Is.Zero, node.Transcript);
        foreach (var answer in new[] { first, retry, fresh, changed, otherUnknown })
        {
            TestContext.Out.WriteLine(answer.ToString());
        }

        Assert.That(first.GetProperty("ok").GetBoolean(), first.ToString());
        Assert.That(first.GetProperty("response").GetProperty("replayed").GetBoolean(), Is.False, "the first answer is not a replay");
        var filed = first.GetProperty("response").GetProperty("notification");
        // What was filed is what the client sent, to the character: no normalization, trimming or truncation.
        var stored = filed.GetProperty("maneuver");
        Assert.That(Differences(sent, stored, "maneuver", sentFieldsOnly: true), Is.Empty,
            $"the stored notice differs from the sent one\nsent: {sent}\nstored: {stored}");

        Assert.That(retry.GetProperty("ok").GetBoolean(), retry.ToString());
        Assert.That(retry.GetProperty("response").GetProperty("replayed").GetBoolean(), Is.True, retry.ToString());
        Assert.That(Differences(filed, retry.GetProperty("response").GetProperty("notification"), "notification"), Is.Empty,
            "the retry gets the first answer's notification, field by field");

        // Not a replay because the rules still pass: the same notice under a new request id is refused now.
        Assert.That(OutsiderNode.Refusal(fresh), Is.EqualTo(("INVALID_ARGUMENT", new[] { "maneuver.execution_window.end" })), fresh.ToString());

        Assert.That(OutsiderNode.Refusal(changed), Is.EqualTo(("INVALID_ARGUMENT", new[] { "request_id" })), changed.ToString());
        var description = changed.GetProperty("status").GetProperty("field_violations")[0].GetProperty("description").GetString();
        Assert.That(description, Does.Contain("was already used for a different request").And.Contain("it differs in maneuver.contact.phone"));

        // Fields the .proto files do not define are not part of the request: other unknown fields are the same request.
        Assert.That(otherUnknown.GetProperty("ok").GetBoolean(), otherUnknown.ToString());
        Assert.That(otherUnknown.GetProperty("response").GetProperty("replayed").GetBoolean(), Is.True, otherUnknown.ToString());
    }

    [Test]
    public async Task Hostile_ids_from_a_grpc_js_client_are_refused_as_invalid_arguments_naming_the_field_or_not_found_when_well_formed()
    {
        // Each probe's expected code and field paths (none for NOT_FOUND).
        var expected = new Dictionary<string, (string Code, string[] Fields)>
        {
            ["request_id_10000_characters"] = ("INVALID_ARGUMENT", ["request_id"]),
            ["request_id_control_characters"] = ("INVALID_ARGUMENT", ["request_id"]),
            ["request_id_line_break"] = ("INVALID_ARGUMENT", ["request_id"]),
            ["request_id_non_ascii"] = ("INVALID_ARGUMENT", ["request_id"]),
            ["amend_id_400_digits"] = ("INVALID_ARGUMENT", ["notification_id"]),
            ["cancel_id_400_digits"] = ("INVALID_ARGUMENT", ["notification_id"]),
            ["get_id_400_digits"] = ("INVALID_ARGUMENT", ["notification_id"]),
            ["get_id_arabic_indic_digits"] = ("INVALID_ARGUMENT", ["notification_id"]),
            ["related_id_400_digits"] = ("INVALID_ARGUMENT", ["related_notification_ids[0]"]),
            // 19 digits, as the id pattern allows, above the largest 64-bit sequence: well-formed, so not found.
            ["get_id_beyond_int64"] = ("NOT_FOUND", []),
            ["amend_id_beyond_int64"] = ("NOT_FOUND", []),
            ["get_id_well_formed_unknown"] = ("NOT_FOUND", []),
        };

        var probes = await ProbeAsync();

        Assert.That(probes.Keys, Is.SupersetOf(expected.Keys), "the client sent the probes this test expects");
        Assert.Multiple(() =>
        {
            foreach (var (name, (code, fields)) in expected)
            {
                Assert.That(OutsiderNode.Refusal(probes[name]), Is.EqualTo((code, fields)), $"{name}: {probes[name]}");
            }
        });
    }

    [Test]
    public async Task A_grpc_js_client_s_directory_entry_reads_back_as_sent_and_hostile_directory_values_are_refused_naming_the_field()
    {
        var expected = new Dictionary<string, (string Code, string[] Fields)>
        {
            ["time_zone_path"] = ("INVALID_ARGUMENT", ["contacts[0].hours.time_zone"]),
            ["time_zone_line_break"] = ("INVALID_ARGUMENT", ["contacts[0].hours.time_zone"]),
            ["time_zone_offset_past_14"] = ("INVALID_ARGUMENT", ["contacts[0].hours.time_zone"]),
            ["opens_24_00"] = ("INVALID_ARGUMENT", ["contacts[0].hours.weekly[0].opens"]),
            ["closes_minute_60"] = ("INVALID_ARGUMENT", ["contacts[0].hours.weekly[0].closes"]),
            ["opens_arabic_indic_digits"] = ("INVALID_ARGUMENT", ["contacts[0].hours.weekly[0].opens"]),
            ["first_day_unknown_enum"] = ("INVALID_ARGUMENT", ["contacts[0].hours.weekly[0].first_day"]),
            ["role_unknown_enum"] = ("INVALID_ARGUMENT", ["contacts[0].role"]),
            ["kind_unknown_enum"] = ("INVALID_ARGUMENT", ["kind"]),
            ["two_primary_contacts"] = ("INVALID_ARGUMENT", ["contacts[1].role"]),
            ["display_name_10000_characters"] = ("INVALID_ARGUMENT", ["display_name"]),
            ["country_line_break"] = ("INVALID_ARGUMENT", ["country"]),
            ["list_page_token_forged"] = ("INVALID_ARGUMENT", ["page_token"]),
            ["list_page_size_huge"] = ("INVALID_ARGUMENT", ["page_size"]),
            ["get_unknown_with_line_break"] = ("NOT_FOUND", []),
        };

        var probes = await ProbeAsync("directory-hostile", "node-directory");

        Assert.That(probes.Keys, Is.SupersetOf(expected.Keys), "the client sent the probes this test expects");
        Assert.Multiple(() =>
        {
            foreach (var (name, (code, fields)) in expected)
            {
                Assert.That(OutsiderNode.Refusal(probes[name]), Is.EqualTo((code, fields)), $"{name}: {probes[name]}");
            }
        });
        var updated = probes["valid_update"];
        var readBack = probes["valid_read_back"];
        Assert.That(OutsiderNode.Refusal(updated).Code, Is.EqualTo("OK"), updated.ToString());
        Assert.That(OutsiderNode.Refusal(readBack).Code, Is.EqualTo("OK"), readBack.ToString());
        // What the client set is what any client reads back, to the character (names with combining marks, the zone).
        var entry = updated.GetProperty("response");
        var account = readBack.GetProperty("response");
        Assert.That(account.GetProperty("display_name").GetString(), Is.EqualTo("Agência Espacial 🛰 e\u0301"));
        Assert.That(Differences(entry.GetProperty("contacts"), account.GetProperty("contacts"), "contacts"), Is.Empty);
        Assert.That(account.GetProperty("contacts")[0].GetProperty("hours").GetProperty("time_zone").GetString(), Is.EqualTo("America/Argentina/Buenos_Aires"));
    }

    [Test]
    public async Task An_existing_id_with_a_line_break_after_it_is_refused_as_ill_formed_not_looked_up()
    {
        var expected = new Dictionary<string, string>
        {
            ["get_id_trailing_line_break"] = "notification_id",
            ["amend_id_trailing_line_break"] = "notification_id",
            ["related_id_trailing_line_break"] = "related_notification_ids[0]",
        };

        var probes = await ProbeAsync();

        Assert.That(probes.Keys, Is.SupersetOf(expected.Keys), "the client sent the probes this test expects");
        Assert.Multiple(() =>
        {
            foreach (var (name, field) in expected)
            {
                Assert.That(OutsiderNode.Refusal(probes[name]), Is.EqualTo(("INVALID_ARGUMENT", new[] { field })), $"{name}: {probes[name]}");
                Assert.That(probes[name].GetProperty("status").GetProperty("details").GetString(), Does.Contain("is not a notification id"), name);
            }
        });
    }

    /// <summary>Runs one of the Node client's probe commands and returns each probe's printed answer by name.</summary>
    private async Task<Dictionary<string, JsonElement>> ProbeAsync(string command = "file-hostile", string operatorId = "node-hostile")
    {
        var key = await _host.NewOperatorKeyAsync(operatorId);
        using var node = OutsiderNode.Start(command, _host.Address, key);
        var probes = new Dictionary<string, JsonElement>();
        var done = await node.NextOfTypeAsync("probes_done", line =>
        {
            if (line.GetProperty("type").GetString() == "probe")
            {
                probes[line.GetProperty("name").GetString()!] = line;
                TestContext.Out.WriteLine(line.ToString());
            }
        });
        Assert.That(await node.ExitCodeAsync(), Is.Zero, node.Transcript);
        Assert.That(probes, Has.Count.EqualTo(done.GetProperty("count").GetInt32()), "one answer a probe");
        // Whatever else is asserted: a hostile value is refused, never answered as a server fault.
        Assert.That(probes.Where(p => !p.Key.StartsWith("valid_", StringComparison.Ordinal)).Select(p => OutsiderNode.Refusal(p.Value).Code),
            Has.None.AnyOf("UNKNOWN", "INTERNAL", "OK"), string.Join("\n", probes.Values));
        return probes;
    }

    /// <summary>
    /// Where two JSON values the Node client printed differ, as paths with both values: every field of an object, every
    /// element of an array. With <paramref name="sentFieldsOnly"/>, only the fields present in <paramref name="expected"/>
    /// (a message as the client built it, which leaves out what it does not set; grpc-js reads those back as defaults).
    /// </summary>
    private static List<string> Differences(JsonElement expected, JsonElement actual, string path, bool sentFieldsOnly = false)
    {
        var differences = new List<string>();
        Compare(expected, actual, path, sentFieldsOnly, differences);
        return differences;
    }

    private static void Compare(JsonElement expected, JsonElement actual, string path, bool sentFieldsOnly, List<string> differences)
    {
        if (expected.ValueKind == JsonValueKind.Object && actual.ValueKind == JsonValueKind.Object)
        {
            var names = expected.EnumerateObject().Select(p => p.Name);
            if (!sentFieldsOnly)
            {
                names = names.Union(actual.EnumerateObject().Select(p => p.Name));
            }
            foreach (var name in names)
            {
                var inExpected = expected.TryGetProperty(name, out var e);
                var inActual = actual.TryGetProperty(name, out var a);
                if (inExpected && inActual)
                {
                    Compare(e, a, $"{path}.{name}", sentFieldsOnly, differences);
                }
                else
                {
                    differences.Add($"{path}.{name}: {(inExpected ? e.ToString() : "absent")} vs {(inActual ? a.ToString() : "absent")}");
                }
            }
        }
        else if (expected.ValueKind == JsonValueKind.Array && actual.ValueKind == JsonValueKind.Array)
        {
            if (expected.GetArrayLength() != actual.GetArrayLength())
            {
                differences.Add($"{path}: {expected.GetArrayLength()} elements vs {actual.GetArrayLength()}");
                return;
            }
            for (var i = 0; i < expected.GetArrayLength(); i++)
            {
                Compare(expected[i], actual[i], $"{path}[{i}]", sentFieldsOnly, differences);
            }
        }
        else if (!JsonElement.DeepEquals(expected, actual))
        {
            differences.Add($"{path}: {expected} vs {actual}");
        }
    }
}

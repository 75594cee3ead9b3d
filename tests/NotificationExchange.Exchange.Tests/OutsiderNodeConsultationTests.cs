using System.Globalization;
using System.Text.Json;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests;

/// <summary>
/// Consultations as an outsider reads their contract (consultations.proto), from the Node.js client in
/// tests/outsider-node (grpc-js, messages built from the .proto files alone) against a real exchange: hostile values on
/// every call refused by field, a whole consultation closed with a transcript whose digest the client recomputes with
/// its own RFC 8785, and a third organisation to which none of it exists.
/// </summary>
public class OutsiderNodeConsultationTests
{
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

    /// <summary>Runs a Node command to its end, returning every line it printed; it must exit 0.</summary>
    private static async Task<List<JsonElement>> RunAsync(params string[] arguments)
    {
        using var node = OutsiderNode.Start(arguments);
        var lines = new List<JsonElement>();
        var last = arguments[0] == "consult-flow" ? "transcript" : "probes_done";
        lines.Add(await node.NextOfTypeAsync(last, lines.Add, TimeSpan.FromSeconds(60)));
        Assert.That(await node.ExitCodeAsync(), Is.Zero, node.Transcript);
        return lines;
    }

    private static JsonElement Single(List<JsonElement> lines, string type) => lines.Single(l => Text(l, "type") == type);

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!;

    private static string[] Texts(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Test]
    public async Task Hostile_values_on_every_consultation_call_are_refused_invalid_argument_naming_the_field_and_change_nothing()
    {
        var requesterKey = await _host.NewOperatorKeyAsync("node-hostile-requester");
        var counterpartKey = await _host.NewOperatorKeyAsync("node-hostile-counterpart");

        var lines = await RunAsync("consult-hostile", _host.Address, requesterKey, counterpartKey);

        var setup = Single(lines, "setup");
        var probes = lines.Where(l => Text(l, "type") == "probe").ToDictionary(l => Text(l, "name"));
        Assert.That(probes, Has.Count.EqualTo(Single(lines, "probes_done").GetProperty("count").GetInt32()), "one answer a probe");
        // What the brief of this client names, each on every call it applies to (a sample; the client sends ~500).
        var methods = new[]
        {
            "AcknowledgeConsultation", "AcceptConsultation", "DeclineConsultation", "ProposeTime", "WithdrawConsultation",
            "ProposeClosure", "ConfirmClosure", "ContestClosure", "GetConsultation", "ExportTranscript",
        };
        var required = methods
            .SelectMany(m => new[] { "con_0", "con_leading_zero", "con_20_digits", "lower_case", "trailing_line_break", "lone_surrogate", "notification_id" }
                .Select(id => $"{m}.consultation_id.{id}"))
            .Concat(methods.Where(m => m is not ("GetConsultation" or "ExportTranscript")).Concat(["RequestConsultation", "ProposeDirectLine", "AcceptDirectLine", "RingDirectLine"])
                .SelectMany(m => new[] { "empty", "chars_10000", "control_characters", "lone_surrogate" }.Select(id => $"{m}.request_id.{id}")))
            .Concat([
                "RequestConsultation.counterparts.caller_itself", "RequestConsultation.counterparts.duplicate", "RequestConsultation.counterparts.21",
                "RequestConsultation.notification_id.other_kind_same_sequence", "RequestConsultation.alert_id.well_formed",
                "RequestConsultation.urgency.unknown_99", "RequestConsultation.acknowledge_within.negative", "RequestConsultation.acknowledge_within.longest_duration",
                "RequestConsultation.acknowledge_within.beyond_duration_range", "RequestConsultation.proposed_times.end_after_year_9999",
                "RequestConsultation.subject.1000000_characters", "RequestConsultation.subject.lone_high_surrogate", "RequestConsultation.body.5_mib",
                "ProposeClosure.actions.due_by.negative_nanos", "ListConsultations.states.unknown_99", "ListConsultations.page_token.of_the_directory",
                "AcceptDirectLine.direct_line_id.upper_case", "UpdateProfile.webhook_url.fragment",
            ]);
        Assert.That(probes.Keys, Is.SupersetOf(required), "the client sent the probes this test expects");

        var wrong = new List<string>();
        foreach (var (name, probe) in probes)
        {
            var (code, fields) = OutsiderNode.Refusal(probe);
            var expect = probe.GetProperty("expect");
            var expectedFields = Texts(expect.GetProperty("fields")).Order(StringComparer.Ordinal);
            if (code != Text(expect, "code") || !fields.Order(StringComparer.Ordinal).SequenceEqual(expectedFields))
            {
                wrong.Add($"{name}: expected {expect}, answered {code} [{string.Join(", ", fields)}]: {probe}");
            }
            else if (code == "INVALID_ARGUMENT")
            {
                // The status message names the first bad field too (a client that shows only the message still learns which).
                var status = probe.GetProperty("status");
                if (!Text(status, "details").Contains(fields[0], StringComparison.Ordinal)
                    || status.GetProperty("field_violations").EnumerateArray().Any(v => string.IsNullOrWhiteSpace(Text(v, "description"))))
                {
                    wrong.Add($"{name}: the message does not name {fields[0]}, or a violation says nothing: {status}");
                }
            }
        }
        Assert.That(wrong, Is.Empty, $"{wrong.Count} of {probes.Count} probes answered otherwise than the contract says:\n{string.Join("\n", wrong)}");

        // None of them changed anything: the consultations are as the set-up left them, nothing new was requested or rung,
        // and the counterpart's directory entry is its own.
        var requester = _host.Client(requesterKey);
        var requested = await requester.Consultations.GetConsultationAsync(new GetConsultationRequest { ConsultationId = Text(setup, "consultation_id") });
        Assert.That((requested.Consultation.State, requested.Consultation.Version), Is.EqualTo((ConsultationState.Requested, 1u)));
        var open = await requester.Consultations.GetConsultationAsync(new GetConsultationRequest { ConsultationId = Text(setup, "open_consultation_id") });
        Assert.That((open.Consultation.State, open.Consultation.Version), Is.EqualTo((ConsultationState.Open, 2u)));
        var listed = await requester.Consultations.ListConsultationsAsync(new ListConsultationsRequest());
        Assert.That(listed.Consultations.Select(c => c.Id), Is.EquivalentTo(new[] { Text(setup, "consultation_id"), Text(setup, "open_consultation_id") }));
        var counterpart = await _host.Client(counterpartKey).Operators.WhoAmIAsync(new WhoAmIRequest());
        Assert.That(counterpart.DisplayName, Is.EqualTo("Operator node-hostile-counterpart"), "no UpdateProfile probe was taken");

        var secret = Single(lines, "webhook_secret");
        Assert.That(secret.GetProperty("ok").GetBoolean(), secret.ToString());
        Assert.That(Text(secret.GetProperty("response"), "webhook_secret"), Does.Match("^nxwh_[A-Za-z0-9_-]{43}$"), "32 random bytes, base64url");
    }

    [Test]
    public async Task A_consultation_closed_from_grpc_js_has_a_transcript_whose_rfc8785_digest_the_client_recomputes_equal_to_the_closing_event_s()
    {
        var requesterKey = await _host.NewOperatorKeyAsync("node-flow-requester");
        var counterpartKey = await _host.NewOperatorKeyAsync("node-flow-counterpart");

        var lines = await RunAsync("consult-flow", _host.Address, requesterKey, counterpartKey);

        var flow = Single(lines, "flow");
        var transcript = Single(lines, "transcript");
        TestContext.Out.WriteLine(transcript.ToString());
        var id = Text(flow, "consultation_id");
        Assert.That(flow.GetProperty("answers").EnumerateArray().Select(a => (Text(a, "method"), a.GetProperty("version").GetInt32(), Text(a, "state"))), Is.EqualTo(new[]
        {
            ("RequestConsultation", 1, "CONSULTATION_STATE_REQUESTED"),
            ("AcknowledgeConsultation", 2, "CONSULTATION_STATE_REQUESTED"),
            ("ProposeTime", 3, "CONSULTATION_STATE_REQUESTED"),
            ("AcceptConsultation", 4, "CONSULTATION_STATE_OPEN"),
            ("ProposeClosure", 5, "CONSULTATION_STATE_CLOSING"),
            ("ConfirmClosure", 6, "CONSULTATION_STATE_CLOSED"),
        }));
        var types = new[] { "REQUESTED", "ACKNOWLEDGED", "TIME_PROPOSED", "ACCEPTED", "CLOSURE_PROPOSED", "CLOSED" };
        var streamed = new Dictionary<string, List<JsonElement>>();
        foreach (var side in new[] { "requester", "counterpart" })
        {
            streamed[side] = flow.GetProperty("stream_events").GetProperty(side).EnumerateArray().ToList();
            Assert.That(streamed[side].Select(e => Text(e, "event_type")), Is.EqualTo(types.Select(t => $"CONSULTATION_EVENT_TYPE_{t}")),
                $"the {side}'s stream carried each change once, in order");
            Assert.That(streamed[side].Select(e => Sequence(e)), Is.Ordered.And.Unique);
        }

        // The digest: recomputed by the client over its own canonical form of the exported JSON, which is the export
        // itself to the character, and equal to what the export, the closing answer, both streams' CLOSED events and the
        // history say.
        var digest = Text(transcript, "recomputed_sha256");
        Assert.That(digest, Does.Match("^[0-9a-f]{64}$"));
        Assert.That(transcript.GetProperty("canonical_equals_exported").GetBoolean(), "the exported JSON is already in the client's RFC 8785 form");
        Assert.Multiple(() =>
        {
            foreach (var other in new[] { "exported_sha256", "closed_event_sha256", "closed_event_sha256_counterpart", "closed_answer_sha256", "closed_history_sha256" })
            {
                Assert.That(Text(transcript, other), Is.EqualTo(digest), other);
            }
        });
        Assert.That(transcript.GetProperty("counterpart_export_identical").GetBoolean(), "both parties export the same bytes");
        Assert.That(transcript.GetProperty("text_mentions_digest").GetBoolean(), "the readable text carries the digest");
        var open = transcript.GetProperty("open_export");
        Assert.That(Text(open, "state"), Is.EqualTo("OPEN"));
        Assert.That(open.GetProperty("canonical_equals_exported").GetBoolean(), "an open consultation's export is canonical too");
        Assert.That(Text(open, "recomputed_sha256"), Is.EqualTo(Text(open, "exported_sha256")).And.Not.EqualTo(digest), "its own digest, not the closing one");

        // What the transcript records, read independently of the exchange's own reading: what the client sent, to the
        // character, and the changes its streams carried.
        var json = transcript.GetProperty("transcript");
        var sent = flow.GetProperty("sent");
        var request = json.GetProperty("request");
        Assert.That((Text(json, "consultation_id"), Text(json, "state"), Text(json, "requester")), Is.EqualTo((id, "CLOSED", "node-flow-requester")));
        Assert.That(Texts(json.GetProperty("counterparts")), Is.EqualTo(new[] { "node-flow-counterpart" }));
        Assert.That(Text(request, "subject"), Is.EqualTo(Text(sent, "subject")));
        Assert.That(Text(request, "body"), Is.EqualTo(Text(sent, "body")));
        Assert.That(Text(request.GetProperty("about"), "notification_id"), Is.EqualTo(Text(flow, "notification_id")));
        Assert.That(Text(request, "urgency"), Is.EqualTo("PRIORITY"));
        Assert.That(Text(request, "acknowledge_by"), Is.EqualTo(Text(flow.GetProperty("requested"), "acknowledge_by")));
        Assert.That(Text(flow.GetProperty("requested"), "acknowledge_window_seconds"), Is.EqualTo("7200.500000000"), "acknowledge_within, 2 h and half a second, kept exactly");
        Assert.That(Text(request, "created_at"), Is.EqualTo(Text(flow.GetProperty("requested"), "created_at")));
        static IEnumerable<(string, string)> Windows(JsonElement windows) => windows.EnumerateArray().Select(w => (Text(w, "start"), Text(w, "end")));
        Assert.That(Windows(request.GetProperty("proposed_times")), Is.EqualTo(Windows(flow.GetProperty("requested").GetProperty("proposed_times"))));
        var events = json.GetProperty("events").EnumerateArray().ToList();
        Assert.That(events.Select(e => (Sequence(e), Text(e, "type"))), Is.EqualTo(streamed["requester"].SkipLast(1).Select(e => (Sequence(e), Text(e, "event_type")["CONSULTATION_EVENT_TYPE_".Length..]))),
            "every change but the closing one, at the sequences the streams carried");
        var outcome = json.GetProperty("outcome");
        Assert.That(Text(outcome, "summary"), Is.EqualTo(Text(sent, "outcome_summary")));
        Assert.That(Texts(outcome.GetProperty("confirmed_by")), Is.EqualTo(new[] { "node-flow-requester", "node-flow-counterpart" }));
        Assert.That(outcome.GetProperty("actions").EnumerateArray().Select(a => (Text(a, "organization_id"), Text(a, "action"))),
            Is.EqualTo(sent.GetProperty("actions").EnumerateArray().Select(a => (Text(a, "organization_id"), Text(a, "action")))));
    }

    [Test]
    public async Task To_a_third_grpc_js_organisation_others_consultations_and_lines_answer_not_found_as_ids_never_issued_and_never_reach_its_stream()
    {
        var keyA = await _host.NewOperatorKeyAsync("node-party-a");
        var keyB = await _host.NewOperatorKeyAsync("node-party-b");
        var keyC = await _host.NewOperatorKeyAsync("node-outsider-c");

        var lines = await RunAsync("consult-outsider", _host.Address, keyA, keyB, keyC);

        var stream = Single(lines, "stream");
        var targets = stream.GetProperty("targets").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        // Everything C was refused exists, for its parties.
        var partyA = _host.Client(keyA);
        foreach (var (state, id) in targets)
        {
            Assert.That((await partyA.Consultations.GetConsultationAsync(new GetConsultationRequest { ConsultationId = id })).Consultation.Id, Is.EqualTo(id), state);
        }
        Assert.That((await partyA.Consultations.ListDirectLinesAsync(new ListDirectLinesRequest())).DirectLines.Select(l => l.Id),
            Does.Contain(Text(stream, "direct_line_id")));

        var probes = lines.Where(l => Text(l, "type") == "probe").ToDictionary(l => Text(l, "name"));
        var calls = new[]
        {
            "GetConsultation", "ExportTranscript", "AcknowledgeConsultation", "AcceptConsultation", "DeclineConsultation", "ProposeTime",
            "WithdrawConsultation", "ProposeClosure", "ConfirmClosure", "ContestClosure",
        };
        var states = new[] { "requested", "open", "closing", "closed", "withdrawn", "declined", "rung" };
        Assert.That(probes.Keys, Is.SupersetOf(calls.SelectMany(c => states.Select(s => $"{c}.{s}"))
            .Concat(["AcceptDirectLine.proposed", "RingDirectLine.proposed", "AcceptDirectLine.active", "RingDirectLine.active"])));
        Assert.Multiple(() =>
        {
            foreach (var (name, probe) in probes)
            {
                Assert.That(OutsiderNode.Refusal(probe.GetProperty("answer")).Code, Is.EqualTo("NOT_FOUND"), $"{name}: {probe.GetProperty("answer")}");
                Assert.That(OutsiderNode.Refusal(probe.GetProperty("reference")).Code, Is.EqualTo("NOT_FOUND"), $"{name} on an id never issued");
                Assert.That(probe.GetProperty("shape").ToString(), Is.EqualTo(probe.GetProperty("reference_shape").ToString()),
                    $"{name}: someone else's {Text(probe, "id")} is answered in other words than {Text(probe, "reference_id")}, never issued");
            }
        });

        // C's stream, replayed from 0 and then live: the notifications, and of consultations and lines only its own.
        var seen = stream.GetProperty("seen").EnumerateArray().ToList();
        var ownConsultation = Text(stream, "own_consultation_id");
        var ownLine = Text(stream, "own_direct_line_id");
        var caughtUpAt = seen.FindIndex(s => Text(s, "kind") == "caught_up");
        Assert.That(caughtUpAt, Is.Not.Negative, "the stream caught up");
        Assert.That(seen.Take(caughtUpAt).Select(s => Text(s, "id")), Does.Contain(Text(stream, "first_notification_id")), "the replay covered A and B's work");
        var notNotifications = seen.Where(s => Text(s, "kind") is not ("event" or "caught_up")).ToList();
        Assert.That(notNotifications.Select(s => Text(s, "id")), Is.All.AnyOf(ownConsultation, ownLine),
            $"node-outsider-c received a consultation or line of others:\n{string.Join("\n", notNotifications)}");
        Assert.That(notNotifications.Select(s => (Text(s, "kind"), Text(s, "id"), Text(s, "event_type"))), Is.EqualTo(new[]
        {
            ("consultation_event", ownConsultation, "CONSULTATION_EVENT_TYPE_REQUESTED"),
            ("consultation_event", ownConsultation, "CONSULTATION_EVENT_TYPE_ACCEPTED"),
            ("direct_line_event", ownLine, "DIRECT_LINE_EVENT_TYPE_PROPOSED"),
            ("direct_line_event", ownLine, "DIRECT_LINE_EVENT_TYPE_ACCEPTED"),
        }), "its own consultation and line did reach it, live: the stream carries what C is a party of");
        Assert.That(Text(seen[^1], "id"), Is.EqualTo(Text(stream, "marker_notification_id")), "it read past everything A and B did");
        Assert.That(seen.Select(s => Sequence(s)), Is.Ordered.And.Unique);

        var listed = stream.GetProperty("listed").GetProperty("response").GetProperty("consultations").EnumerateArray().Select(c => Text(c, "id"));
        Assert.That(listed, Is.EqualTo(new[] { ownConsultation }), "ListConsultations shows C only its own");
        var ownLines = stream.GetProperty("direct_lines").GetProperty("response").GetProperty("direct_lines").EnumerateArray().Select(l => Text(l, "id"));
        Assert.That(ownLines, Is.EqualTo(new[] { ownLine }), "ListDirectLines shows C only its own");
    }

    private static ulong Sequence(JsonElement element) =>
        element.GetProperty("sequence") is { ValueKind: JsonValueKind.Number } number ? number.GetUInt64() : ulong.Parse(Text(element, "sequence"), CultureInfo.InvariantCulture);
}

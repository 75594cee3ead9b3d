using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Consultations;

/// <summary>
/// Closing a consultation and its transcript, end to end over a real exchange: the closing event carries the digest of
/// the transcript at closing, ExportTranscript gives that transcript (canonical JSON, text, digest) to the parties and
/// to nobody else, and anyone can recompute the digest from the JSON alone.
/// </summary>
public class TranscriptTests
{
    private TestDatabase _database = null!;
    private ExchangeHost _host = null!;
    private ExchangeClient _esa = null!;
    private ExchangeClient _eumetsat = null!;
    private ExchangeClient _cnes = null!;
    private ExchangeClient _outsider = null!;

    [OneTimeSetUp]
    public async Task StartExchange()
    {
        _database = new TestDatabase();
        _host = await ExchangeHost.StartAsync(_database.Path);
        _esa = await _host.NewOperatorAsync("esa-ops");
        _eumetsat = await _host.NewOperatorAsync("eumetsat-ops");
        _cnes = await _host.NewOperatorAsync("cnes-ops");
        _outsider = await _host.NewOperatorAsync("outsider-ops");
    }

    [OneTimeTearDown]
    public async Task StopExchange()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    private static string Id() => Guid.NewGuid().ToString("N");

    private static Timestamp In(TimeSpan fromNow) => Timestamp.FromDateTime(DateTime.UtcNow + fromNow);

    private async Task<Consultation> OpenAsync(params ExchangeClient[] counterparts)
    {
        var requested = await _esa.Consultations.RequestConsultationAsync(new RequestConsultationRequest
        {
            RequestId = Id(),
            Counterparts = { counterparts.Select(c => c == _eumetsat ? "eumetsat-ops" : "cnes-ops") },
            Topic = "Conjunction of SENTINEL-1A with METOP-B",
            Subject = "Who moves?",
            Body = "Pc 1e-3 at TCA.\nWe propose that we maneuver.",
            Urgency = ConsultationUrgency.Priority,
            ProposedTimes = { new TimeWindow { Start = In(TimeSpan.FromHours(1)), End = In(TimeSpan.FromHours(2)) } },
        });
        foreach (var counterpart in counterparts)
        {
            await counterpart.Consultations.AcknowledgeConsultationAsync(new AcknowledgeConsultationRequest { RequestId = Id(), ConsultationId = requested.Id });
            await counterpart.Consultations.AcceptConsultationAsync(new AcceptConsultationRequest { RequestId = Id(), ConsultationId = requested.Id });
        }
        return requested;
    }

    private static ProposeClosureRequest Closure(string consultationId, string summary) => new()
    {
        RequestId = Id(),
        ConsultationId = consultationId,
        OutcomeSummary = summary,
        Actions =
        {
            new AgreedAction { OrganizationId = "esa-ops", Action = "WILL maneuver SENTINEL-1A by 12:00Z", DueBy = In(TimeSpan.FromHours(12)) },
            new AgreedAction { OrganizationId = "eumetsat-ops", Action = "keeps METOP-B on its planned orbit" },
        },
    };

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Test]
    public async Task A_closed_consultation_s_transcript_is_what_its_closing_event_vouches_for()
    {
        var consultation = await OpenAsync(_eumetsat);
        var closing = await _esa.Consultations.ProposeClosureAsync(Closure(consultation.Id, "ESA maneuvers; EUMETSAT holds."));
        Assert.That(closing.State, Is.EqualTo(ConsultationState.Closing));

        var closed = await _eumetsat.Consultations.ConfirmClosureAsync(new ConfirmClosureRequest { RequestId = Id(), ConsultationId = consultation.Id });

        Assert.That(closed.State, Is.EqualTo(ConsultationState.Closed));
        var digest = closed.Closure.TranscriptSha256;
        Assert.That(digest, Does.Match("^[0-9a-f]{64}$"));
        Assert.That(closed.Closure.ClosedAt, Is.Not.Null);
        var history = (await _esa.Consultations.GetConsultationAsync(new GetConsultationRequest { ConsultationId = consultation.Id })).History;
        Assert.That(history.Select(e => e.EventType), Is.EqualTo(new[]
        {
            ConsultationEventType.Requested, ConsultationEventType.Acknowledged, ConsultationEventType.Accepted,
            ConsultationEventType.ClosureProposed, ConsultationEventType.Closed,
        }));
        Assert.That(history[^1].Consultation.Closure.TranscriptSha256, Is.EqualTo(digest), "the closing event in the log carries the digest");

        var exported = await _esa.Consultations.ExportTranscriptAsync(new ExportTranscriptRequest { ConsultationId = consultation.Id });
        var again = await _esa.Consultations.ExportTranscriptAsync(new ExportTranscriptRequest { ConsultationId = consultation.Id });
        var theirs = await _eumetsat.Consultations.ExportTranscriptAsync(new ExportTranscriptRequest { ConsultationId = consultation.Id });

        Assert.That(exported.Sha256, Is.EqualTo(digest), "ExportTranscript of the closed consultation gives the digest its closing carries");
        Assert.That(again, Is.EqualTo(exported), "the transcript is stable across calls");
        Assert.That(theirs, Is.EqualTo(exported), "both parties get the same record");
        Assert.That(Sha256(exported.Json), Is.EqualTo(digest), "the digest is the SHA-256 of the JSON's UTF-8");

        var json = JsonNode.Parse(exported.Json)!;
        Assert.That((string?)json["consultation_id"], Is.EqualTo(consultation.Id));
        Assert.That((string?)json["state"], Is.EqualTo("CLOSED"));
        Assert.That((string?)json["requester"], Is.EqualTo("esa-ops"));
        Assert.That(json["counterparts"]!.AsArray().Select(c => (string?)c), Is.EqualTo(new[] { "eumetsat-ops" }));
        Assert.That((string?)json["request"]!["subject"], Is.EqualTo("Who moves?"));
        Assert.That((string?)json["request"]!["body"], Is.EqualTo("Pc 1e-3 at TCA.\nWe propose that we maneuver."));
        Assert.That((string?)json["request"]!["about"]!["topic"], Is.EqualTo("Conjunction of SENTINEL-1A with METOP-B"));
        Assert.That((string?)json["request"]!["urgency"], Is.EqualTo("PRIORITY"));
        Assert.That((string?)json["request"]!["created_at"], Is.EqualTo(Rfc3339(consultation.CreatedAt)));
        Assert.That((string?)json["request"]!["acknowledge_by"], Is.EqualTo(Rfc3339(consultation.AcknowledgeBy)));
        Assert.That((string?)json["request"]!["proposed_times"]![0]!["end"], Is.EqualTo(Rfc3339(consultation.ProposedTimes[0].End)));
        var events = json["events"]!.AsArray();
        Assert.That(events.Select(e => (string?)e!["type"]), Is.EqualTo(new[] { "REQUESTED", "ACKNOWLEDGED", "ACCEPTED", "CLOSURE_PROPOSED" }),
            "every state change but the closing one, which carries the digest");
        Assert.That(events.Select(e => (ulong)e!["sequence"]!), Is.EqualTo(history.Take(4).Select(e => e.Sequence)));
        Assert.That(events.Select(e => (string?)e!["actor"]), Is.EqualTo(new[] { "esa-ops", "eumetsat-ops", "eumetsat-ops", "esa-ops" }));
        Assert.That((string?)events[1]!["recorded_at"], Is.EqualTo(Rfc3339(history[1].RecordedAt)));
        Assert.That(json["messages"]!.AsArray(), Is.Empty);
        Assert.That(json["receipts"]!.AsArray(), Is.Empty);
        var outcome = json["outcome"]!;
        Assert.That((string?)outcome["summary"], Is.EqualTo("ESA maneuvers; EUMETSAT holds."));
        Assert.That((string?)outcome["proposed_by"], Is.EqualTo("esa-ops"));
        Assert.That(outcome["confirmed_by"]!.AsArray().Select(c => (string?)c), Is.EqualTo(new[] { "esa-ops", "eumetsat-ops" }));
        Assert.That((string?)outcome["actions"]![0]!["action"], Is.EqualTo("WILL maneuver SENTINEL-1A by 12:00Z"));
        Assert.That((string?)outcome["actions"]![0]!["due_by"], Is.EqualTo(Rfc3339(closed.Closure.Actions[0].DueBy)));
        Assert.That(outcome["actions"]![1]!["due_by"], Is.Null);
        Assert.That(exported.Json, Does.Not.Contain(digest), "the digest is not part of what it digests");

        Assert.That(exported.Text, Does.Contain($"Transcript of consultation {consultation.Id}"));
        Assert.That(exported.Text, Does.Contain($"#{history[0].Sequence} {Rfc3339(history[0].RecordedAt)} REQUESTED by esa-ops"));
        Assert.That(exported.Text, Does.Contain("ACCEPTED by eumetsat-ops"));
        Assert.That(exported.Text, Does.Contain("Body:\n  Pc 1e-3 at TCA.\n  We propose that we maneuver."), "a party's line breaks stay inside its entry");
        Assert.That(exported.Text, Does.Contain("Outcome, proposed by esa-ops"));
        Assert.That(exported.Text, Does.Contain($"- esa-ops: WILL maneuver SENTINEL-1A by 12:00Z (due by {Rfc3339(closed.Closure.Actions[0].DueBy)})"));
        Assert.That(exported.Text, Does.Contain("- eumetsat-ops: keeps METOP-B on its planned orbit\n"));
        Assert.That(exported.Text, Does.Contain("Confirmed by: esa-ops, eumetsat-ops"));
        Assert.That(exported.Text, Does.EndWith($"SHA-256 of the canonical JSON: {digest}\n"));
    }

    [Test]
    public async Task Anyone_holding_the_json_recomputes_its_digest_with_an_independent_canonicaliser()
    {
        var consultation = await OpenAsync(_eumetsat);
        await _esa.Consultations.ProposeClosureAsync(Closure(consultation.Id, "Agreed: \"ESA\" maneuvers — €0 cost, \u00e9t\u00e9 \ud83d\ude80\tdone"));
        var closed = await _eumetsat.Consultations.ConfirmClosureAsync(new ConfirmClosureRequest { RequestId = Id(), ConsultationId = consultation.Id });
        var exported = await _eumetsat.Consultations.ExportTranscriptAsync(new ExportTranscriptRequest { ConsultationId = consultation.Id });

        var (canonical, sha256) = await IndependentJcs.CanonicalizeAsync(exported.Json);

        Assert.That(canonical, Is.EqualTo(exported.Json), "the JSON is already canonical: re-canonicalising it changes nothing");
        Assert.That(sha256, Is.EqualTo(exported.Sha256));
        Assert.That(sha256, Is.EqualTo(closed.Closure.TranscriptSha256));
    }

    [Test]
    public async Task Confirmations_and_a_contested_closure_are_in_the_record_and_the_closed_consultation_is_read_only()
    {
        var consultation = await OpenAsync(_eumetsat, _cnes);
        await _eumetsat.Consultations.ProposeClosureAsync(Closure(consultation.Id, "first try"));
        await _cnes.Consultations.ContestClosureAsync(new ContestClosureRequest { RequestId = Id(), ConsultationId = consultation.Id, Reason = "CNES was not asked" });
        await _cnes.Consultations.ProposeClosureAsync(Closure(consultation.Id, "second try"));
        var confirmed = await _esa.Consultations.ConfirmClosureAsync(new ConfirmClosureRequest { RequestId = Id(), ConsultationId = consultation.Id });
        Assert.That(confirmed.State, Is.EqualTo(ConsultationState.Closing), "one of three has yet to confirm");
        var open = await _esa.Consultations.ExportTranscriptAsync(new ExportTranscriptRequest { ConsultationId = consultation.Id });
        var closed = await _eumetsat.Consultations.ConfirmClosureAsync(new ConfirmClosureRequest { RequestId = Id(), ConsultationId = consultation.Id });
        var exported = await _cnes.Consultations.ExportTranscriptAsync(new ExportTranscriptRequest { ConsultationId = consultation.Id });

        Assert.That(exported.Sha256, Is.EqualTo(closed.Closure.TranscriptSha256));
        Assert.That(open.Sha256, Is.Not.EqualTo(exported.Sha256), "a transcript taken while CLOSING is another record");
        Assert.That((string?)JsonNode.Parse(open.Json)!["state"], Is.EqualTo("CLOSING"));
        var events = JsonNode.Parse(exported.Json)!["events"]!.AsArray();
        Assert.That(events.Select(e => (string?)e!["type"]).Skip(5), Is.EqualTo(new[] { "CLOSURE_PROPOSED", "CLOSURE_CONTESTED", "CLOSURE_PROPOSED", "CLOSURE_CONFIRMED" }));
        Assert.That(events.Select(e => (string?)e!["outcome_summary"]).Where(s => s is not null), Is.EqualTo(new[] { "first try", "second try" }),
            "what each proposal said, though the first was contested");
        Assert.That((string?)events[6]!["reason"], Is.EqualTo("CNES was not asked"));
        Assert.That(JsonNode.Parse(exported.Json)!["outcome"]!["confirmed_by"]!.AsArray().Select(c => (string?)c),
            Is.EqualTo(new[] { "cnes-ops", "esa-ops", "eumetsat-ops" }));
        Assert.That(exported.Text, Does.Contain("CLOSURE_CONTESTED by cnes-ops: CNES was not asked"));

        var twice = await GrpcAssert.FailsWithAsync(StatusCode.FailedPrecondition,
            async () => await _esa.Consultations.ProposeClosureAsync(Closure(consultation.Id, "third try")));
        Assert.That(twice.Status.Detail, Does.Contain($"consultation {consultation.Id} is CLOSED"));
        var late = await GrpcAssert.FailsWithAsync(StatusCode.FailedPrecondition,
            async () => await _cnes.Consultations.ConfirmClosureAsync(new ConfirmClosureRequest { RequestId = Id(), ConsultationId = consultation.Id }));
        Assert.That(late.Status.Detail, Does.Contain("is CLOSED"));
        var contest = await GrpcAssert.FailsWithAsync(StatusCode.FailedPrecondition,
            async () => await _cnes.Consultations.ContestClosureAsync(new ContestClosureRequest { RequestId = Id(), ConsultationId = consultation.Id, Reason = "late" }));
        Assert.That(contest.Status.Detail, Does.Contain("is CLOSED"));
        Assert.That((await _esa.Consultations.ExportTranscriptAsync(new ExportTranscriptRequest { ConsultationId = consultation.Id })).Sha256,
            Is.EqualTo(exported.Sha256), "refused changes leave the record as it was");
    }

    [Test]
    public async Task A_consultation_s_transcript_does_not_exist_for_an_organisation_that_is_not_a_party()
    {
        var consultation = await OpenAsync(_eumetsat);

        var hidden = await GrpcAssert.FailsWithAsync(StatusCode.NotFound,
            async () => await _outsider.Consultations.ExportTranscriptAsync(new ExportTranscriptRequest { ConsultationId = consultation.Id }));
        var never = await GrpcAssert.FailsWithAsync(StatusCode.NotFound,
            async () => await _outsider.Consultations.ExportTranscriptAsync(new ExportTranscriptRequest { ConsultationId = "CON-999999" }));

        Assert.That(hidden.Status.Detail.Replace(consultation.Id, "CON-?"), Is.EqualTo(never.Status.Detail.Replace("CON-999999", "CON-?")),
            "the same words as for an id never issued");
        var fields = await GrpcAssert.InvalidFieldsAsync(
            async () => await _outsider.Consultations.ExportTranscriptAsync(new ExportTranscriptRequest { ConsultationId = "NTF-1" }));
        Assert.That(fields.Keys, Is.EqualTo(new[] { "consultation_id" }));
        var open = await _eumetsat.Consultations.ExportTranscriptAsync(new ExportTranscriptRequest { ConsultationId = consultation.Id });
        Assert.That((string?)JsonNode.Parse(open.Json)!["state"], Is.EqualTo("OPEN"));
        Assert.That(JsonNode.Parse(open.Json)!["outcome"], Is.Null);
        Assert.That(open.Text, Does.Contain("Outcome: none proposed"));
    }

    /// <summary>A wire time as the transcript writes it: RFC 3339 UTC, fraction to 100 ns without trailing zeros.</summary>
    private static string Rfc3339(Timestamp? time) =>
        time!.ToDateTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", System.Globalization.CultureInfo.InvariantCulture);
}

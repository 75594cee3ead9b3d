using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Clients.Tests.Support;
using NUnit.Framework;

namespace NotificationExchange.Clients.Tests.Cli;

/// <summary>
/// nxc consult against a real exchange, in-process: a consultation from request to closed transcript between two
/// organisations the administrator made with nxc admin operator create; every other answer (decline, withdraw, other
/// times, a contested closure); direct lines; and what nxc says to bad input (exit 2, nothing sent) and to a refusal
/// (exit 3, each bad field on its own line).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ConsultCommandTests : ExchangeFixture
{
    [Test]
    public async Task A_consultation_goes_from_request_to_a_closed_transcript_whose_digest_both_sides_can_check()
    {
        var esa = As(await CreateOperatorAsync("esa-flow"));
        var cnes = As(await CreateOperatorAsync("cnes-flow"));

        var requested = Ok(await esa.RunAsync("consult", "request", "cnes-flow", "--urgency", "urgent", "--subject", "ISS maneuver at 6 h: does it affect you?",
            "--body", "We burn 0.35 m/s.", "--propose", "2030-01-02T10:00:00Z/2030-01-02T11:00:00Z", "-o", "json")).Json();
        var id = requested.GetProperty("id").GetString()!;
        Assert.Multiple(() =>
        {
            Assert.That(requested.GetProperty("state").GetString(), Is.EqualTo("CONSULTATION_STATE_REQUESTED"));
            Assert.That(requested.GetProperty("urgency").GetString(), Is.EqualTo("CONSULTATION_URGENCY_URGENT"));
            Assert.That(requested.GetProperty("topic").GetString(), Is.EqualTo("ISS maneuver at 6 h: does it affect you?"), "the subject is the topic when none is given");
            Assert.That(requested.GetProperty("proposedTimes")[0].GetProperty("start").GetString(), Is.EqualTo("2030-01-02T10:00:00Z"));
        });

        var inbox = Ok(await cnes.RunAsync("consult", "inbox"));
        Assert.That(inbox.Output, Does.Contain(id).And.Contain("awaiting acknowledgement").And.Contain("esa-flow"));
        var acknowledged = Ok(await cnes.RunAsync("consult", "acknowledge", id));
        Assert.That(acknowledged.Lines.Single(), Is.EqualTo($"acknowledged: {id} v2 requested: ISS maneuver at 6 h: does it affect you? (urgent, esa-flow with cnes-flow acknowledged)"));
        var accepted = Ok(await cnes.RunAsync("consult", "accept", id));
        Assert.That(accepted.Lines.Single(), Does.StartWith($"accepted: {id} v3 open:"));

        var first = Ok(await esa.RunAsync("consult", "say", id, "We burn 0.35 m/s at the window start. Any objection?"));
        Assert.That(first.Lines.Single(), Is.EqualTo($"message #1 stored on {id}"));
        var second = Ok(await cnes.RunAsync(["consult", "say", id, "-", "-o", "json"], "None: our closest approach stays above 5 km.\n", CancellationToken.None)).Json();
        Assert.That(second.GetProperty("sequence").GetString(), Is.EqualTo("2"), "uint64 is a string in proto3 JSON");

        var shown = Ok(await esa.RunAsync("consult", "show", id));
        Assert.That(shown.Output, Does.Contain("  messages: 2").And.Contain("cnes-flow: accepted").And.Contain("esa-flow proposes 2030-01-02 10:00:00Z to 2030-01-02 11:00:00Z"));
        Assert.That(shown.Output, Does.Contain("acknowledged").And.Contain("accepted"), "the history table");

        var proposed = Ok(await esa.RunAsync("consult", "close", id, "--summary", "esa-flow maneuvers as filed", "--action", "esa-flow=WILL maneuver 25544 as filed",
            "--action", "cnes-flow=no action", "-o", "json")).Json();
        Assert.That(proposed.GetProperty("state").GetString(), Is.EqualTo("CONSULTATION_STATE_CLOSING"));
        Assert.That(proposed.GetProperty("closure").GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("action").GetString()),
            Is.EqualTo(new[] { "WILL maneuver 25544 as filed", "no action" }));
        var closed = Ok(await cnes.RunAsync("consult", "close", id, "--confirm"));
        Assert.That(closed.Lines.Single(), Does.StartWith($"closed: {id} v5 closed:"));

        var final = Ok(await cnes.RunAsync("consult", "show", id, "-o", "json")).Json();
        var digest = final.GetProperty("consultation").GetProperty("closure").GetProperty("transcriptSha256").GetString();
        Assert.That(final.GetProperty("history").GetArrayLength(), Is.EqualTo(5));
        var text = Ok(await esa.RunAsync("consult", "transcript", id));
        Assert.That(text.Lines[^1], Is.EqualTo($"sha256 {digest}"));
        Assert.That(text.Output, Does.Contain("We burn 0.35 m/s at the window start. Any objection?").And.Contain("esa-flow maneuvers as filed"));
        var json = Ok(await cnes.RunAsync("consult", "transcript", id, "--format", "json"));
        Assert.That(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json.Output))), Is.EqualTo(digest),
            "stdout is exactly the canonical JSON the digest is computed from");
        Assert.That(JsonDocument.Parse(json.Output).RootElement.ValueKind, Is.EqualTo(JsonValueKind.Object));
        Assert.That(json.Error.Trim(), Is.EqualTo($"sha256 {digest}"));
        var whole = Ok(await esa.RunAsync("consult", "transcript", id, "-o", "json")).Json();
        Assert.That(whole.GetProperty("sha256").GetString(), Is.EqualTo(digest));
    }

    [Test]
    public async Task Every_other_answer_changes_the_consultation_as_the_protocol_says()
    {
        var asker = As(await CreateOperatorAsync("asker-ops"));
        var other = As(await CreateOperatorAsync("other-ops"));
        async Task<string> RequestAsync(string subject) =>
            Ok(await asker.RunAsync("consult", "request", "other-ops", "--urgency", "routine", "--subject", subject, "--acknowledge-within", "2h", "-o", "json"))
                .Json().GetProperty("id").GetString()!;

        var declinedId = await RequestAsync("to decline");
        var declined = Ok(await other.RunAsync("consult", "decline", declinedId, "--reason", "not our object", "-o", "json")).Json();
        Assert.That(declined.GetProperty("state").GetString(), Is.EqualTo("CONSULTATION_STATE_DECLINED"));
        Assert.That(declined.GetProperty("counterparts")[0].GetProperty("declineReason").GetString(), Is.EqualTo("not our object"));

        var withdrawnId = await RequestAsync("to withdraw");
        var withdrawn = Ok(await asker.RunAsync("consult", "withdraw", withdrawnId, "--reason", "sorted out by phone"));
        Assert.That(withdrawn.Lines.Single(), Does.StartWith($"withdrawn: {withdrawnId} v2 withdrawn:"));

        var timedId = await RequestAsync("to meet later");
        var timed = Ok(await other.RunAsync("consult", "propose-time", timedId, "2030-03-01T09:00:00Z/2030-03-01T10:00:00Z", "-o", "json")).Json();
        Assert.That(timed.GetProperty("counterparts")[0].GetProperty("state").GetString(), Is.EqualTo("COUNTERPART_STATE_PROPOSED_TIME"));
        Assert.That(timed.GetProperty("counterparts")[0].GetProperty("proposedTimes")[0].GetProperty("end").GetString(), Is.EqualTo("2030-03-01T10:00:00Z"));

        Ok(await other.RunAsync("consult", "accept", timedId));
        Ok(await other.RunAsync("consult", "close", timedId, "--summary", "nothing to do"));
        var contested = Ok(await asker.RunAsync("consult", "close", timedId, "--contest", "we still need the burn time"));
        Assert.That(contested.Lines.Single(), Does.StartWith($"closure contested: {timedId} v5 open:"));

        var open = Ok(await other.RunAsync("consult", "inbox", "--state", "open", "-o", "json")).Json();
        Assert.That(open.EnumerateArray().Select(c => c.GetProperty("id").GetString()), Is.EqualTo(new[] { timedId }));
        var all = Ok(await other.RunAsync("consult", "inbox", "-o", "json")).Json();
        Assert.That(all.EnumerateArray().Select(c => c.GetProperty("id").GetString()), Is.EqualTo(new[] { timedId, withdrawnId, declinedId }), "newest first");
    }

    [Test]
    public async Task A_direct_line_is_proposed_accepted_listed_and_rung_into_an_open_consultation()
    {
        var caller = As(await CreateOperatorAsync("line-a"));
        var callee = As(await CreateOperatorAsync("line-b"));

        var proposed = Ok(await caller.RunAsync("consult", "line", "propose", "line-b", "--purpose", "GEO slot coordination", "-o", "json")).Json();
        var line = proposed.GetProperty("id").GetString()!;
        Assert.That(proposed.GetProperty("state").GetString(), Is.EqualTo("DIRECT_LINE_STATE_PROPOSED"));
        var accepted = Ok(await callee.RunAsync("consult", "line", "accept", line));
        Assert.That(accepted.Lines.Single(), Is.EqualTo($"accepted: {line} active: proposed by line-a to line-b, GEO slot coordination"));
        var listed = Ok(await caller.RunAsync("consult", "line", "list"));
        Assert.That(listed.Output, Does.Contain(line).And.Contain("active").And.Contain("GEO slot coordination"));
        Assert.That(Ok(await callee.RunAsync("consult", "line", "list", "-o", "json")).Json().EnumerateArray().Single().GetProperty("id").GetString(), Is.EqualTo(line));

        var rung = Ok(await callee.RunAsync("consult", "line", "ring", line, "--subject", "Drift towards your slot", "-o", "json")).Json();
        Assert.Multiple(() =>
        {
            Assert.That(rung.GetProperty("state").GetString(), Is.EqualTo("CONSULTATION_STATE_OPEN"));
            Assert.That(rung.GetProperty("urgency").GetString(), Is.EqualTo("CONSULTATION_URGENCY_URGENT"));
            Assert.That(rung.GetProperty("directLineId").GetString(), Is.EqualTo(line));
        });
        var said = Ok(await caller.RunAsync("consult", "say", rung.GetProperty("id").GetString()!, "Answering at once"));
        Assert.That(said.Lines.Single(), Does.StartWith("message #1 stored"));
    }

    [TestCase("consult", "request", "someone", "--subject", "no urgency")]
    [TestCase("consult", "request", "someone", "--urgency", "soon", "--subject", "x")]
    [TestCase("consult", "request", "someone", "--urgency", "urgent", "--subject", "x", "--propose", "2030-01-02T10:00:00/2030-01-02T11:00:00")]
    [TestCase("consult", "request", "someone", "--urgency", "urgent", "--subject", "x", "--propose", "tomorrow")]
    [TestCase("consult", "request", "someone", "--urgency", "urgent", "--subject", "x", "--acknowledge-within", "soon")]
    [TestCase("consult", "request", "someone", "--urgency", "urgent", "--subject", "x", "--notification", "MNV-1", "--alert", "ALR-2")]
    [TestCase("consult", "close", "CON-1")]
    [TestCase("consult", "close", "CON-1", "--confirm", "--contest", "no")]
    [TestCase("consult", "close", "CON-1", "--confirm", "--action", "a=b")]
    [TestCase("consult", "close", "CON-1", "--summary", "done", "--action", "no-equals-sign")]
    [TestCase("consult", "decline", "CON-1")]
    [TestCase("consult", "say", "CON-1", "")]
    [TestCase("consult", "line", "ring", "DL-x", "--subject", "s", "--notification", "MNV-1", "--alert", "ALR-1")]
    [TestCase("consult")]
    public async Task A_bad_command_line_is_one_line_and_exit_2_with_nothing_sent(params string[] args)
    {
        // An address where nothing listens: anything sent would be exit 4, not 2.
        var result = await Offline.RunAsync(args);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString());
        Assert.That(result.ErrorLines, Has.Length.EqualTo(1), result.ToString());
        Assert.That(result.ErrorLines[0], Does.StartWith("nxc: "));
        Assert.That(result.Output, Is.Empty);
    }

    [Test]
    public async Task A_refusal_is_exit_3_with_each_bad_field_on_a_line_of_its_own()
    {
        var asker = As(await CreateOperatorAsync("refused-ops"));

        var result = await asker.RunAsync("consult", "request", "refused-ops", "--urgency", "routine", "--subject", new string('s', 201), "--topic", new string('t', 201));

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString());
        var lines = result.Error.TrimEnd('\n').Split('\n');
        Assert.That(lines[0], Is.EqualTo($"nxc: refused: InvalidArgument: {lines.Length - 1} fields"), result.ToString());
        Assert.That(lines.Skip(1).Select(l => l.Split(':')[0]), Is.SupersetOf(new[] { "  subject", "  topic" }), result.ToString());
        Assert.That(lines.Skip(1), Has.All.StartWith("  "));
    }

    [Test]
    public async Task A_consultation_that_is_not_open_or_not_yours_is_refused_in_one_line()
    {
        var asker = As(await CreateOperatorAsync("early-ops"));
        await CreateOperatorAsync("early-other");
        var id = Ok(await asker.RunAsync("consult", "request", "early-other", "--urgency", "routine", "--subject", "not yet", "-o", "json")).Json().GetProperty("id").GetString()!;

        var say = await asker.RunAsync("consult", "say", id, "too early");
        var stranger = await As(await CreateOperatorAsync("stranger-ops")).RunAsync("consult", "show", id);

        Assert.That((say.ExitCode, say.ErrorLines.Length), Is.EqualTo((ExitCodes.Refused, 1)), say.ToString());
        Assert.That(say.ErrorLines[0], Does.StartWith("nxc: refused: FailedPrecondition").And.Contain("REQUESTED"));
        Assert.That((stranger.ExitCode, stranger.ErrorLines.Length), Is.EqualTo((ExitCodes.Refused, 1)), stranger.ToString());
        Assert.That(stranger.ErrorLines[0], Does.StartWith("nxc: refused: NotFound"));
    }

    [Test]
    public async Task Talk_without_a_terminal_sends_each_piped_line_and_prints_the_stream_as_json_lines()
    {
        var asker = As(await CreateOperatorAsync("pipe-ops"));
        var other = As(await CreateOperatorAsync("pipe-other"));
        var id = Ok(await asker.RunAsync("consult", "request", "pipe-other", "--urgency", "priority", "--subject", "piped", "-o", "json")).Json().GetProperty("id").GetString()!;
        Ok(await other.RunAsync("consult", "accept", id));
        Ok(await other.RunAsync("consult", "say", id, "before you came"));

        var talk = Ok(await asker.RunAsync(["consult", "talk", id, "-o", "json"], "from a pipe\n\nsecond line\n/quit\nnot sent\n", CancellationToken.None));

        var responses = talk.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.That(responses[0].GetProperty("message").GetProperty("text").GetString(), Is.EqualTo("before you came"));
        Assert.That(responses.Any(r => r.TryGetProperty("caughtUp", out _)), talk.ToString());
        // nxc leaves only once the stream has come through the last line sent, so piped output is the whole
        // conversation every time (it once raced the exit and sometimes ended before the stream caught up).
        var texts = responses.Where(r => r.TryGetProperty("message", out _)).Select(r => r.GetProperty("message").GetProperty("text").GetString());
        Assert.That(texts, Is.EqualTo(new[] { "before you came", "from a pipe", "second line" }), talk.ToString());
        var transcript = Ok(await other.RunAsync("consult", "transcript", id)).Output;
        Assert.That(transcript, Does.Contain("pipe-ops: from a pipe").And.Contain("pipe-ops: second line").And.Not.Contain("not sent"));
    }

    /// <summary>nxc admin operator create as the administrator; the key from its JSON answer.</summary>
    private async Task<string> CreateOperatorAsync(string id) =>
        Ok(await Admin.RunAsync("admin", "operator", "create", id, "--name", $"Operator {id}", "-o", "json")).Json().GetProperty("apiKey").GetString()!;

}

using System.Globalization;
using System.Text.Json;
using Google.Protobuf;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Clients.Tests.Support;
using NotificationExchange.Protocol.V1;
using NUnit.Framework;

namespace NotificationExchange.Clients.Tests.Cli;

/// <summary>nxc subscribe create|list|delete and nxc watch against a real exchange: what watch prints is what was
/// filed, once, and what it printed is acknowledged.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SubscriptionCommandTests : ExchangeFixture
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private int _operators;

    private sealed record Caller(string Id, string Key, Nxc Nxc);

    private async Task<Caller> NewOperatorAsync()
    {
        var id = $"watcher-{Interlocked.Increment(ref _operators)}";
        var key = await Exchange.NewOperatorKeyAsync(id);
        return new Caller(id, key, As(key));
    }

    /// <summary>Files a maneuver of <paramref name="norad"/> with nxc; its id and sequence.</summary>
    private static async Task<(string Id, ulong Sequence)> FileAsync(Caller caller, string norad = "25544")
    {
        var result = await caller.Nxc.RunAsync("file", "maneuver", "--norad", norad, "--window-start", "now+6h", "--window-end", "now+7h",
            "--delta-v-rtn", "0,0.2,0", "--purpose", "station-keeping", "-o", "json");
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Ok), result.ToString());
        var notification = result.Json().GetProperty("notification");
        return (notification.GetProperty("id").GetString()!, ulong.Parse(notification.GetProperty("sequence").GetString()!, CultureInfo.InvariantCulture));
    }

    private static async Task<string> CreateAsync(Caller caller, params string[] args)
    {
        var result = await caller.Nxc.RunAsync(["subscribe", "create", .. args, "-o", "json"]);
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Ok), result.ToString());
        return result.Json().GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> SubscriptionAsync(Caller caller, string id)
    {
        var list = await caller.Nxc.RunAsync("subscribe", "list", "-o", "json");
        Assert.That(list.ExitCode, Is.EqualTo(ExitCodes.Ok), list.ToString());
        return list.Json().EnumerateArray().Single(s => s.GetProperty("id").GetString() == id);
    }

    [Test]
    public async Task Create_takes_every_filter_list_shows_it_and_delete_by_name_removes_it()
    {
        var caller = await NewOperatorAsync();

        var created = await caller.Nxc.RunAsync("subscribe", "create", "iss", "--kind", "maneuver,proximity-operation", "--norad", "25544", "--norad", "A0001",
            "--operator", "esa-ops", "--regime", "leo", "--event", "filed,amended", "--no-consultations", "--alert-max-miss", "500",
            "--alert-min-probability", "0.0001", "--alert-regime", "leo,geo", "--alert-unannounced-only", "--start", "earliest", "-o", "json");
        var table = await caller.Nxc.RunAsync("subscribe", "list");
        var deleted = await caller.Nxc.RunAsync("subscribe", "delete", "iss");
        var after = await caller.Nxc.RunAsync("subscribe", "list", "-o", "json");
        var again = await caller.Nxc.RunAsync("subscribe", "delete", "iss");

        Assert.That(created.ExitCode, Is.EqualTo(ExitCodes.Ok), created.ToString());
        var subscription = created.Json();
        var filter = subscription.GetProperty("filter");
        Assert.Multiple(() =>
        {
            Assert.That(filter.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()),
                Is.EqualTo(new[] { "NOTIFICATION_KIND_MANEUVER", "NOTIFICATION_KIND_PROXIMITY_OPERATION" }));
            Assert.That(filter.GetProperty("noradCatIds").EnumerateArray().Select(n => n.GetUInt32()), Is.EqualTo(new uint[] { 25544, 100001 }));
            Assert.That(filter.GetProperty("filingOperators")[0].GetString(), Is.EqualTo("esa-ops"));
            Assert.That(filter.GetProperty("regimes")[0].GetString(), Is.EqualTo("ORBITAL_REGIME_LEO"));
            Assert.That(filter.GetProperty("eventTypes").GetArrayLength(), Is.EqualTo(2));
            Assert.That(filter.GetProperty("excludeConsultationEvents").GetBoolean(), Is.True);
            var alerts = filter.GetProperty("alerts");
            Assert.That(alerts.GetProperty("maxMissDistanceM").GetDouble(), Is.EqualTo(500));
            Assert.That(alerts.GetProperty("minProbability").GetDouble(), Is.EqualTo(0.0001));
            Assert.That(alerts.GetProperty("regimes").GetArrayLength(), Is.EqualTo(2));
            Assert.That(alerts.GetProperty("unannouncedOnly").GetBoolean(), Is.True);
            Assert.That(alerts.GetProperty("exclude").GetBoolean(), Is.False);
        });
        Assert.That(table.Lines, Has.Some.Contains(subscription.GetProperty("id").GetString()).And.Contains("objects 25544, 100001"));
        Assert.That(deleted.Lines, Is.EqualTo(new[] { $"deleted subscription {subscription.GetProperty("id").GetString()} \"iss\"" }));
        Assert.That(after.Json().GetArrayLength(), Is.Zero);
        Assert.That(again.ExitCode, Is.EqualTo(ExitCodes.Refused), again.ToString());
        Assert.That(again.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(again.ErrorLines[0], Does.StartWith("nxc: refused: NotFound"));
    }

    [Test]
    public async Task Watch_prints_one_line_per_event_and_the_next_watch_goes_on_after_what_was_printed()
    {
        var caller = await NewOperatorAsync();
        var subscription = await CreateAsync(caller, "mine");
        var filed = new[] { await FileAsync(caller), await FileAsync(caller, "43013"), await FileAsync(caller) };

        var first = await caller.Nxc.RunAsync("watch", "mine", "--count", "2");
        var acknowledged = await SubscriptionAsync(caller, subscription);
        var second = await caller.Nxc.RunAsync("watch", subscription, "--count", "1", "-o", "json");

        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Ok), first.ToString());
        Assert.That(first.Lines, Has.Length.EqualTo(2));
        Assert.That(first.Lines[0], Does.StartWith($"#{filed[0].Sequence} notification filed {filed[0].Id} v1 by {caller.Id}: maneuver of 25544 at "));
        Assert.That(first.Lines[1], Does.StartWith($"#{filed[1].Sequence} notification filed {filed[1].Id} v1 by {caller.Id}: maneuver of 43013 at "));
        Assert.That(first.ErrorLines[0], Does.StartWith($"nxc: watching \"mine\" ({subscription})"));
        Assert.That(acknowledged.GetProperty("acknowledgedSequence").GetString(), Is.EqualTo(filed[1].Sequence.ToString(CultureInfo.InvariantCulture)),
            "what was printed is acknowledged");
        Assert.That(second.ExitCode, Is.EqualTo(ExitCodes.Ok), second.ToString());
        var message = JsonParser.Default.Parse<SubscriptionMessage>(second.Lines.Single());
        Assert.That(message.Event.Sequence, Is.EqualTo(filed[2].Sequence), "the third event, none repeated");
        Assert.That(message.Event.Notification.Id, Is.EqualTo(filed[2].Id));
    }

    [Test]
    public async Task Watch_without_a_subscription_creates_nxc_follows_live_events_and_ctrl_c_acknowledges_them()
    {
        var caller = await NewOperatorAsync();
        var before = await FileAsync(caller);

        using var watch = caller.Nxc.Start(["watch", "-o", "json"]);
        await watch.Error.WaitForAsync(l => l.Any(s => s.StartsWith("nxc: created your subscription \"nxc\"", StringComparison.Ordinal)), Patience, "the nxc subscription");
        await watch.Out.WaitForAsync(l => l.Any(s => s.Contains("caughtUp", StringComparison.Ordinal)), Patience, "catching up");
        var live = await FileAsync(caller);
        await watch.Out.WaitForAsync(l => l.Any(s => s.Contains(live.Id, StringComparison.Ordinal)), Patience, "the live event");
        watch.Interrupt();
        var exit = await watch.ExitAsync(Patience);
        var list = await caller.Nxc.RunAsync("subscribe", "list", "-o", "json");

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), watch.ToString());
        var events = watch.Out.Lines.Select(l => JsonParser.Default.Parse<SubscriptionMessage>(l))
            .Where(m => m.MessageCase == SubscriptionMessage.MessageOneofCase.Event).ToList();
        Assert.That(events.Select(e => e.Event.Notification.Id), Is.EqualTo(new[] { live.Id }), $"from the latest event on: not {before.Id}");
        var nxc = list.Json().EnumerateArray().Single();
        Assert.That(nxc.GetProperty("name").GetString(), Is.EqualTo("nxc"));
        Assert.That(nxc.GetProperty("acknowledgedSequence").GetString(), Is.EqualTo(live.Sequence.ToString(CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task Watch_resumes_where_it_is_told_and_from_the_start()
    {
        var caller = await NewOperatorAsync();
        // Only this caller's filings: from the start, everything else filed on this exchange would match too.
        var subscription = await CreateAsync(caller, "replay", "--operator", caller.Id);
        var filed = new[] { await FileAsync(caller), await FileAsync(caller), await FileAsync(caller) };

        var resumed = await caller.Nxc.RunAsync("watch", subscription, "--resume-after", filed[1].Sequence.ToString(CultureInfo.InvariantCulture), "--count", "1");
        var fromStart = await caller.Nxc.RunAsync("watch", subscription, "--from-start", "--count", "3", "-o", "json");

        Assert.That(resumed.Lines, Has.Length.EqualTo(1));
        Assert.That(resumed.Lines[0], Does.StartWith($"#{filed[2].Sequence} "));
        Assert.That(fromStart.Lines.Select(l => JsonParser.Default.Parse<SubscriptionMessage>(l)).Where(m => m.Event is not null).Select(m => m.Event.Sequence),
            Is.EqualTo(filed.Select(f => f.Sequence)));
    }

    [Test]
    public async Task A_consultation_request_shows_on_the_counterparts_watch()
    {
        var requester = await NewOperatorAsync();
        var counterpart = await NewOperatorAsync();
        await CreateAsync(counterpart, "calls");
        var request = await Exchange.Client(requester.Key).Consultations.RequestConsultationAsync(new RequestConsultationRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            Counterparts = { counterpart.Id },
            Topic = "ISS reboost",
            Subject = "Does our reboost affect you?",
            Urgency = ConsultationUrgency.Routine,
        });

        var watch = await counterpart.Nxc.RunAsync("watch", "calls", "--count", "1");

        Assert.That(watch.ExitCode, Is.EqualTo(ExitCodes.Ok), watch.ToString());
        Assert.That(watch.Lines.Single(), Does.StartWith(
            $"#{request.Id.Split('-')[1]} consultation requested {request.Id} v1 by {requester.Id}: Does our reboost affect you? (requested, routine, {requester.Id} with {counterpart.Id})"));
    }

    [Test]
    public async Task On_a_terminal_watch_shows_events_above_a_live_status_line()
    {
        var caller = await NewOperatorAsync();
        await CreateAsync(caller, "screen");

        using var watch = caller.Nxc.Start(["watch", "screen"], terminal: true);
        await watch.Out.WaitForAsync(_ => Screen(watch).Contains("live, caught up at #", StringComparison.Ordinal), Patience, "the status line saying caught up");
        var filed = await FileAsync(caller);
        await watch.Out.WaitForAsync(_ => Screen(watch).Contains("; 1 event", StringComparison.Ordinal), Patience, "the status line counting the event");
        watch.Interrupt();

        Assert.That(await watch.ExitAsync(Patience), Is.EqualTo(ExitCodes.Ok), watch.ToString());
        Assert.That(Screen(watch), Does.Contain($"#{filed.Sequence} notification filed {filed.Id} v1 by {caller.Id}: maneuver of 25544"));
        Assert.That(Screen(watch), Does.Contain("\"screen\": live, caught up at #"));
        Assert.That(watch.Error.Text, Is.Empty, "nothing on stderr: the status is on the live line");
    }

    /// <summary>What the terminal shows, roughly: the text without escape sequences, lines wrapped at the console's
    /// width joined again.</summary>
    private static string Screen(RunningNxc watch) =>
        System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Replace(watch.Out.Text, "\u001b\\[[0-9;?]*[A-Za-z]", ""), "\\s+", " ");

    [TestCase(new[] { "watch", "--count", "some" }, "--count: 'some' is not a whole number")]
    [TestCase(new[] { "watch", "--count", "0" }, "--count: 0 events is nothing to watch")]
    [TestCase(new[] { "watch", "--from-start", "--resume-after", "3" }, "--resume-after and --from-start")]
    [TestCase(new[] { "subscribe", "create", "x", "--regime", "deep-space" }, "--regime: 'deep-space' is not one of: leo, meo, geo, heo")]
    [TestCase(new[] { "subscribe", "create", "x", "--start", "yesterday" }, "--start: 'yesterday' is not one of: latest, earliest")]
    public async Task A_bad_option_value_is_a_usage_error_in_one_line(string[] args, string message)
    {
        var result = await Offline.RunAsync(args);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString());
        Assert.That(result.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(result.ErrorLines[0], Does.StartWith("nxc: ").And.Contain(message));
    }

    [Test]
    public async Task Watching_a_subscription_that_is_not_there_is_a_refusal()
    {
        var caller = await NewOperatorAsync();

        var result = await caller.Nxc.RunAsync("watch", "sub-nothing");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString());
        Assert.That(result.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(result.ErrorLines[0], Does.StartWith("nxc: refused: NotFound"));
    }
}

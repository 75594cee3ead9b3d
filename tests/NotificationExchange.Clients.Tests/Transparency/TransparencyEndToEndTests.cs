using System.Security.Cryptography;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Client;
using NotificationExchange.Client.Streams;
using NotificationExchange.Client.Transparency;
using NotificationExchange.Clients.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Clients.Tests.Transparency;

/// <summary>
/// nxc verify and the verifying library against a real exchange, in-process: an honest store verifies (a notification
/// with its versions, a closed consultation's transcript, the whole log against a saved head, saved heads against the
/// newest, a watch verifying what it yields); a store edited directly in its SQLite file or PostgreSQL database with the exchange stopped
/// (a snapshot altered, an entry deleted, two sequences swapped), then started again on the same file and port, fails
/// `nxc verify log --head` naming the sequence, and a verifying watch replaying it stops there; two exchanges signing
/// with one key and showing two histories of one size are a fork `nxc log head --save` refuses to save and
/// `nxc verify head` reports.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class TransparencyEndToEndTests
{
    private readonly List<(TestDatabase Database, ExchangeHost Exchange)> _exchanges = [];
    private string _signingKey = null!;
    private string _config = null!;
    private string _heads = null!;

    [SetUp]
    public void NewClientFolder()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _signingKey = key.ExportPkcs8PrivateKeyPem();
        _config = Directory.CreateTempSubdirectory("nxc-verify-").FullName;
        _heads = Path.Combine(_config, "heads.jsonl");
    }

    [TearDown]
    public async Task StopAsync()
    {
        foreach (var (database, exchange) in _exchanges)
        {
            await exchange.DisposeAsync();
            database.Dispose();
        }
        _exchanges.Clear();
        Directory.Delete(_config, recursive: true);
    }

    [Test]
    public async Task An_honest_store_verifies_notification_transcript_log_heads_and_a_watch()
    {
        var exchange = await StartAsync();
        var story = await RecordAsync(exchange);
        var esa = Nxc(exchange, story.EsaKey);

        var key = Ok(await esa.RunAsync("log", "key"));
        Assert.That(key.Output, Does.Contain("algorithm ecdsa-p256-sha256").And.Contain("-----BEGIN PUBLIC KEY-----"));
        await SaveHeadCoveringAsync(exchange, esa, story.LastSequence);

        var notification = Ok(await esa.RunAsync("verify", "notification", story.Maneuver));
        Assert.That(notification.Lines, Has.Some.StartWith($"ok {story.Maneuver} v1 (sequence ").And.Some.StartWith($"ok {story.Maneuver} v2 (sequence "));
        Assert.That(notification.Lines[^1], Is.EqualTo("verified"));

        var transcript = Ok(await esa.RunAsync("verify", "transcript", story.Consultation));
        Assert.That(transcript.Output, Does.Contain("the closing event carries the transcript's digest").And.Contain("committed and included"));

        var log = Ok(await esa.RunAsync("verify", "log", "--head", _heads, "-o", "json")).Json();
        Assert.That(log.GetProperty("verified").GetBoolean(), Is.True);
        Assert.That(log.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("detail").GetString()),
            Has.Some.Contain($"the root of the {story.LastSequence} leaves listed is the saved head's"));

        // More entries, a newer head: consistent with the saved one, and saved after it.
        using (var client = Client(exchange, story.EsaKey))
        {
            await client.Notifications.FileNotificationAsync(Library.Filings.Maneuver(25545));
        }
        await WaitForHeadAsync(exchange, story.LastSequence + 1);
        var head = Ok(await esa.RunAsync("verify", "head", _heads));
        Assert.That(head.Lines, Has.Some.Contain($"the tree of size {story.LastSequence} is a prefix of the tree of size {story.LastSequence + 1}"));
        Assert.That((await new TreeHeadFile(_heads).LoadAsync()).Select(h => h.TreeSize), Is.EqualTo(new[] { story.LastSequence, story.LastSequence + 1 }));

        // A watch that verifies every entry before yielding it, from the start of the log.
        using var watcher = Client(exchange, story.EsaKey);
        var pinned = TrustedLogKey.From(await watcher.Transparency.GetLogKeyAsync());
        var subscription = await watcher.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "verified", Start = StartPosition.Earliest });
        var verifier = watcher.Transparency.EntryVerifier(pinned);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var sequences = new List<ulong>();
        await foreach (var message in watcher.Subscriptions.Watch(subscription.Id, new WatchOptions { Verify = verifier }, limit.Token))
        {
            if (LogEntry.Of(message) is { } entry)
            {
                sequences.Add(entry.Sequence);
            }
            if (message.MessageCase == SubscriptionMessage.MessageOneofCase.CaughtUp)
            {
                break;
            }
        }
        Assert.That(sequences, Has.Count.GreaterThanOrEqualTo(3).And.Contains(1UL));
        Assert.That(verifier.LastHead!.TreeSize, Is.GreaterThanOrEqualTo(sequences.Max()));
    }

    [TestCase("a snapshot altered", "UPDATE events SET snapshot = replace(snapshot, 'OBJECT 25544', 'OBJECT 25545') WHERE sequence = 2 AND snapshot LIKE '%OBJECT 25544%'", 2UL)]
    [TestCase("an entry deleted", "DELETE FROM events WHERE sequence = 2", 2UL)]
    [TestCase("two sequences swapped", "UPDATE events SET sequence = -2 WHERE sequence = 2; UPDATE events SET sequence = 2 WHERE sequence = 3; UPDATE events SET sequence = 3 WHERE sequence = -2", 2UL)]
    public async Task A_store_edited_behind_the_exchange_fails_verify_log_naming_the_sequence(string edit, string sql, ulong sequence)
    {
        var exchange = await StartAsync();
        var story = await RecordAsync(exchange);
        var esa = Nxc(exchange, story.EsaKey);
        Ok(await esa.RunAsync("log", "key"));
        await SaveHeadCoveringAsync(exchange, esa, story.LastSequence);
        Ok(await esa.RunAsync("verify", "log", "--head", _heads));

        exchange = await EditAndRestartAsync(exchange, sql);

        var audit = await Nxc(exchange, story.EsaKey).RunAsync("verify", "log", "--head", _heads);
        TestContext.Out.WriteLine($"{edit}:\n{audit}");
        Assert.That(audit.ExitCode, Is.EqualTo(ExitCodes.NotVerified), $"{edit}: {audit}");
        Assert.That(audit.Lines, Has.Some.StartWith($"FAILED sequence {sequence}:"), $"{edit}: {audit}");
        Assert.That(audit.Lines[^1], Does.StartWith("NOT VERIFIED"), edit);

        if (edit == "a snapshot altered")
        {
            // A verifying watch replaying the log stops at the edited entry, and says which. (The exchange itself
            // finds swapped rows and a deleted one out of place and passes them on as unreadable: no content, so
            // nothing a watch can check; the audit above is what catches those.)
            using var watcher = Client(exchange, story.EsaKey);
            var pinned = TrustedLogKey.From(await watcher.Transparency.GetLogKeyAsync());
            var subscription = await watcher.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "verified", Start = StartPosition.Earliest });
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var refused = await Assert.ThrowsAsync<TransparencyVerificationException>(async () =>
            {
                await foreach (var _ in watcher.Subscriptions.Watch(subscription.Id, new WatchOptions { Verify = watcher.Transparency.EntryVerifier(pinned) }, limit.Token))
                {
                }
            });
            Assert.That(refused!.Report.Failures.Select(f => f.Sequence), Does.Contain(sequence), edit);
        }
    }

    [Test]
    public async Task Two_heads_of_one_size_with_different_roots_are_a_fork_that_is_not_saved_and_that_verify_head_reports()
    {
        // One signing key, two stores: an exchange showing two histories to two audiences.
        var first = await StartAsync();
        var second = await StartAsync();
        foreach (var (exchange, norad) in new[] { (first, 25544u), (second, 25545u) })
        {
            using var client = Client(exchange, await exchange.NewOperatorKeyAsync("esa-ops"));
            await client.Notifications.FileNotificationAsync(Library.Filings.Maneuver(norad));
            await WaitForHeadAsync(exchange, 1);
        }
        var esa = Nxc(first, "");
        Ok(await esa.RunAsync("log", "key"));
        Ok(await esa.RunAsync("log", "head", "--save", _heads));
        using (var other = Client(second, ""))
        {
            var forkedHead = await other.Transparency.GetSignedTreeHeadAsync();
            Assert.That(forkedHead.TreeSize, Is.EqualTo(1UL));

            // The second exchange, pinned with the same key: its head is refused as a fork of the saved one.
            var elsewhere = Nxc(second, "");
            Ok(await elsewhere.RunAsync("log", "key"));
            var refused = await elsewhere.RunAsync("log", "head", "--save", _heads);
            Assert.That(refused.ExitCode, Is.EqualTo(ExitCodes.NotVerified), refused.ToString());
            Assert.That(refused.Output, Does.Contain("FAILED tree head 1: fork: two signed heads of size 1"));
            Assert.That(await new TreeHeadFile(_heads).LoadAsync(), Has.Count.EqualTo(1), "the forked head is not saved by log head");

            // A client that got it from elsewhere (gossip, a colleague) keeps both: verify head reports the fork.
            await new TreeHeadFile(_heads).AddAsync(forkedHead);
        }
        var verdict = await esa.RunAsync("verify", "head", _heads, "-o", "json");
        Assert.That(verdict.ExitCode, Is.EqualTo(ExitCodes.NotVerified), verdict.ToString());
        var fork = verdict.Json().GetProperty("checks").EnumerateArray().Single(c => !c.GetProperty("verified").GetBoolean());
        Assert.That(fork.GetProperty("detail").GetString(), Does.StartWith("fork: two signed heads of size 1"));
        Assert.That(fork.GetProperty("expected").GetString(), Is.Not.EqualTo(fork.GetProperty("found").GetString()));
    }

    /// <summary>What the tests verify: a maneuver filed and amended, a consultation about it closed, both sides'
    /// keys, and the last sequence recorded.</summary>
    private sealed record Story(string EsaKey, string CnesKey, string Maneuver, string Consultation, ulong LastSequence);

    private static async Task<Story> RecordAsync(ExchangeHost exchange)
    {
        var esaKey = await exchange.NewOperatorKeyAsync("esa-ops");
        var cnesKey = await exchange.NewOperatorKeyAsync("cnes-ops");
        using var esa = Client(exchange, esaKey);
        using var cnes = Client(exchange, cnesKey);
        var filed = (await esa.Notifications.FileNotificationAsync(Library.Filings.Maneuver(25544))).Notification;
        var config = Directory.CreateTempSubdirectory("nxc-story-").FullName;
        try
        {
            var esaNxc = new Nxc(config).With(("NX_ADDRESS", exchange.Address), ("NX_API_KEY", esaKey));
            var cnesNxc = new Nxc(config).With(("NX_ADDRESS", exchange.Address), ("NX_API_KEY", cnesKey));
            Ok(await esaNxc.RunAsync("amend", filed.Id, "--delta-v", "0.4"));
            var consultation = Ok(await esaNxc.RunAsync("consult", "request", "cnes-ops", "--urgency", "routine", "--subject", $"{filed.Id}: does it affect you?", "-o", "json"))
                .Json().GetProperty("id").GetString()!;
            Ok(await cnesNxc.RunAsync("consult", "accept", consultation));
            Ok(await esaNxc.RunAsync("consult", "close", consultation, "--summary", "esa-ops maneuvers as filed"));
            Ok(await cnesNxc.RunAsync("consult", "close", consultation, "--confirm"));
            // The closing event is the last entry of the story.
            var history = (await esa.Consultations.GetConsultationAsync(new GetConsultationRequest { ConsultationId = consultation })).History;
            Assert.That(history[^1].EventType, Is.EqualTo(ConsultationEventType.Closed));
            return new Story(esaKey, cnesKey, filed.Id, consultation, history[^1].Sequence);
        }
        finally
        {
            Directory.Delete(config, recursive: true);
        }
    }

    private async Task SaveHeadCoveringAsync(ExchangeHost exchange, Nxc nxc, ulong size)
    {
        await WaitForHeadAsync(exchange, size);
        Ok(await nxc.RunAsync("log", "head", "--save", _heads));
        Assert.That((await new TreeHeadFile(_heads).LoadAsync())[^1].TreeSize, Is.GreaterThanOrEqualTo(size));
    }

    private static async Task WaitForHeadAsync(ExchangeHost exchange, ulong size)
    {
        using var client = Client(exchange, "");
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await client.Transparency.GetHeadCoveringAsync(size, limit.Token);
    }

    private async Task<ExchangeHost> StartAsync(TestDatabase? database = null, string? address = null)
    {
        database ??= new TestDatabase();
        var settings = new Dictionary<string, string>
        {
            ["Exchange:Transparency:SignInterval"] = "00:00:00.200",
            ["Exchange:Transparency:SigningKey"] = _signingKey,
            ["Exchange:Transparency:Origin"] = "exchange.test/log",
        };
        if (address is not null)
        {
            settings["Kestrel:Endpoints:Grpc:Url"] = address;
        }
        var exchange = await ExchangeHost.StartAsync(database.Path, settings: settings);
        _exchanges.Add((database, exchange));
        return exchange;
    }

    /// <summary>Stops <paramref name="exchange"/>, runs <paramref name="sql"/> on its store (SQLite file or PostgreSQL database), and starts it again on
    /// the same file and address (the pinned key is kept by address).</summary>
    private async Task<ExchangeHost> EditAndRestartAsync(ExchangeHost exchange, string sql)
    {
        var index = _exchanges.FindIndex(e => e.Exchange == exchange);
        var database = _exchanges[index].Database;
        _exchanges.RemoveAt(index);
        await exchange.DisposeAsync();
        Assert.That(await TestStore.ExecuteAsync(database.Path, sql), Is.GreaterThan(0), $"the edit changed nothing: {sql}");
        return await StartAsync(database, exchange.Address);
    }

    private Nxc Nxc(ExchangeHost exchange, string key) =>
        key.Length == 0
            ? new Nxc(_config).With(("NX_ADDRESS", exchange.Address))
            : new Nxc(_config).With(("NX_ADDRESS", exchange.Address), ("NX_API_KEY", key));

    private static NxClient Client(ExchangeHost exchange, string key) =>
        NxClient.Create(new NxClientOptions { Address = new Uri(exchange.Address), ApiKey = key.Length == 0 ? null : key });

    private static NxcResult Ok(NxcResult result)
    {
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Ok), result.ToString());
        return result;
    }
}

using System.Diagnostics;
using System.Security.Cryptography;
using Grpc.Core;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Client;
using NotificationExchange.Client.Errors;
using NotificationExchange.Client.Transparency;
using NotificationExchange.Clients.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using Npgsql;
using NUnit.Framework;

namespace NotificationExchange.Clients.Tests.Operations;

/// <summary>
/// docs/operations.md's backup and restore, for each store whatever NX_TEST_STORE says: the SQLite file copied online
/// with the sqlite3 command (VACUUM INTO), the PostgreSQL database with pg_dump and pg_restore, both while the exchange
/// runs and files. An exchange started on the restored store, at the address clients know, passes what a client checks:
/// every notification filed before the backup reads back to its audience (and only to it), `nxc verify log` audits the
/// whole log against the head the client saved before the backup (every leaf, every entry it may see re-committed,
/// consistency), and the restored exchange refuses nothing it should accept: a retried filing is answered as the
/// original, new filings take the next sequences and ids, and the new head extends the saved one.
/// </summary>
[TestFixture("sqlite")]
[TestFixture("postgres")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BackupRestoreTests(string store)
{
    private readonly List<IAsyncDisposable> _running = [];
    private readonly List<TestDatabase> _folders = [];
    private string _signingKey = null!;
    private string _config = null!;
    private string _heads = null!;

    [SetUp]
    public void NewClientFolder()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _signingKey = key.ExportPkcs8PrivateKeyPem();
        _config = Directory.CreateTempSubdirectory("nxc-backup-").FullName;
        _heads = Path.Combine(_config, "heads.jsonl");
    }

    [TearDown]
    public async Task StopAsync()
    {
        foreach (var running in _running)
        {
            await running.DisposeAsync();
        }
        _running.Clear();
        foreach (var folder in _folders)
        {
            folder.Dispose();
        }
        _folders.Clear();
        Directory.Delete(_config, recursive: true);
    }

    [Test]
    public async Task A_store_backed_up_while_filing_restores_to_a_log_that_verifies_against_the_saved_head_and_accepts_what_it_should()
    {
        var original = await NewStoreAsync();
        var exchange = await StartAsync(original);
        var esaKey = await exchange.NewOperatorKeyAsync("esa-ops");
        var cnesKey = await exchange.NewOperatorKeyAsync("cnes-ops");
        var nosyKey = await exchange.NewOperatorKeyAsync("nosy-ops");
        using var esa = Client(exchange, esaKey);

        // Twelve notifications, every third one bilateral with cnes-ops; the first request is kept to be retried.
        var filed = new List<(string Id, bool Restricted)>();
        FileNotificationRequest? first = null;
        for (var i = 0; i < 12; i++)
        {
            var request = Library.Filings.Maneuver((uint)(41000 + i));
            request.RequestId = $"backup-{i}";
            var restricted = i % 3 == 2;
            if (restricted)
            {
                request.Audience = new Audience { Scope = AudienceScope.Bilateral, Organizations = { "cnes-ops" } };
            }
            first ??= request.Clone();
            filed.Add(((await esa.Notifications.FileNotificationAsync(request)).Notification.Id, restricted));
        }
        var before = new Dictionary<string, Notification>();
        foreach (var (id, _) in filed)
        {
            before[id] = (await esa.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = id })).Notification;
        }
        var lastBefore = before.Values.Max(n => n.Sequence);

        // The client pins the log's key and saves a head covering everything filed so far.
        var nxc = new Nxc(_config).With(("NX_ADDRESS", exchange.Address), ("NX_API_KEY", esaKey));
        Ok(await nxc.RunAsync("log", "key"));
        await WaitForHeadAsync(exchange, lastBefore);
        Ok(await nxc.RunAsync("log", "head", "--save", _heads));
        var saved = (await new TreeHeadFile(_heads).LoadAsync())[^1];
        Assert.That(saved.TreeSize, Is.GreaterThanOrEqualTo(lastBefore));

        // The backup, taken while a filer keeps filing.
        var backup = Path.Combine(Path.GetDirectoryName(original.Path)!, "backup");
        using var stopFiling = new CancellationTokenSource();
        var filing = FileUntilAsync(exchange, esaKey, stopFiling.Token);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        backup = await BackupAsync(original, backup);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        await stopFiling.CancelAsync();
        var filedDuringBackup = await filing;
        Assert.That(filedDuringBackup, Is.Positive, "the exchange filed while the backup was taken");

        // The original is gone (the machine lost); the backup is restored into a new store, and the exchange is
        // started on it at the address its clients know.
        var address = exchange.Address;
        await exchange.DisposeAsync();
        _running.Remove(exchange);
        var restored = await RestoreAsync(backup);
        exchange = await StartAsync(restored, address);

        using var esaAfter = Client(exchange, esaKey);
        using var cnesAfter = Client(exchange, cnesKey);
        using var nosyAfter = Client(exchange, nosyKey);
        foreach (var (id, restricted) in filed)
        {
            var read = (await esaAfter.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = id })).Notification;
            Assert.That((read.Id, read.Sequence, read.Version, read.Audience, read.Maneuver), Is.EqualTo((before[id].Id, before[id].Sequence, before[id].Version, before[id].Audience, before[id].Maneuver)),
                $"{id} reads back to its filer as it was");
            Assert.That((await cnesAfter.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = id })).Notification.Id, Is.EqualTo(id),
                $"{id} reads back to its counterpart");
            if (restricted)
            {
                var hidden = await Assert.ThrowsAsync<NxException>(() => nosyAfter.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = id }));
                Assert.That(hidden!.Error.Code, Is.EqualTo(StatusCode.NotFound), $"{id} stays hidden from an organisation outside its audience");
            }
            else
            {
                Assert.That((await nosyAfter.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = id })).Notification.Id, Is.EqualTo(id));
            }
        }

        // The whole log against the head saved before the backup: every leaf in order, the saved root, consistency.
        var nxcAfter = new Nxc(_config).With(("NX_ADDRESS", exchange.Address), ("NX_API_KEY", esaKey));
        var audit = Ok(await nxcAfter.RunAsync("verify", "log", "--head", _heads, "-o", "json")).Json();
        Assert.That(audit.GetProperty("verified").GetBoolean(), Is.True);

        // Everything the restored store holds reads back, those filed during the backup included.
        var restoredIds = new List<string>();
        var lastRestored = 0UL;
        await foreach (var notification in esaAfter.Notifications.ListAllNotificationsAsync(new ListNotificationsRequest()))
        {
            restoredIds.Add(notification.Id);
            lastRestored = Math.Max(lastRestored, notification.Sequence);
            Assert.That((await esaAfter.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = notification.Id, IncludeHistory = true })).History,
                Is.Not.Empty, notification.Id);
        }
        Assert.That(restoredIds, Is.SupersetOf(filed.Select(f => f.Id)));
        Assert.That(restoredIds, Has.Count.LessThanOrEqualTo(filed.Count + filedDuringBackup));

        // It accepts what it should: a retry of a filing made before the backup is answered as that filing; the log's
        // sequences run without a gap, a new filing takes the next sequence and a new id; a new head extends the saved
        // one, and the whole log (everything restored) verifies against it.
        var retried = await esaAfter.Notifications.FileNotificationAsync(first!);
        Assert.That((retried.Replayed, retried.Notification.Id), Is.EqualTo((true, filed[0].Id)));
        await WaitForHeadAsync(exchange, lastRestored);
        var leaves = new List<ulong>();
        await foreach (var leaf in esaAfter.Transparency.ListAllLeavesAsync(new ListLeavesRequest { StartSequence = 1 }))
        {
            leaves.Add(leaf.Sequence);
        }
        Assert.That(leaves, Is.EqualTo(Enumerable.Range(1, leaves.Count).Select(s => (ulong)s)), "the restored log's sequences run 1, 2, 3... without a gap");
        Assert.That((ulong)leaves.Count, Is.EqualTo(lastRestored).And.GreaterThanOrEqualTo(saved.TreeSize), "one leaf per notification filed, the saved ones included");
        var next = (await esaAfter.Notifications.FileNotificationAsync(Library.Filings.Maneuver(41999))).Notification;
        Assert.That(next.Sequence, Is.EqualTo((ulong)leaves.Count + 1), "the next sequence follows the restored log's last");
        Assert.That(restoredIds, Does.Not.Contain(next.Id), "a new id, no restored one reused");
        await WaitForHeadAsync(exchange, next.Sequence);
        Ok(await nxcAfter.RunAsync("log", "head", "--save", _heads));
        Assert.That((await new TreeHeadFile(_heads).LoadAsync()).Max(h => h.TreeSize), Is.GreaterThanOrEqualTo(next.Sequence));
        var whole = Ok(await nxcAfter.RunAsync("verify", "log", "--head", _heads, "-o", "json")).Json();
        Assert.That(whole.GetProperty("verified").GetBoolean(), Is.True);
    }

    /// <summary>Files from <paramref name="apiKey"/> until cancelled; how many filings were acknowledged.</summary>
    private static async Task<int> FileUntilAsync(ExchangeHost exchange, string apiKey, CancellationToken stop)
    {
        using var client = Client(exchange, apiKey);
        var count = 0;
        while (!stop.IsCancellationRequested)
        {
            await client.Notifications.FileNotificationAsync(Library.Filings.Maneuver((uint)(42000 + count)), CancellationToken.None);
            count++;
        }
        return count;
    }

    /// <summary>A store of its own: a SQLite file, or a database of the shared PostgreSQL cluster.</summary>
    private async Task<Store> NewStoreAsync()
    {
        var folder = new TestDatabase();
        _folders.Add(folder);
        return store == "sqlite"
            ? new Store(folder.Path, null)
            : new Store(folder.Path, await (await PostgresCluster.Shared).CreateDatabaseAsync("nx_backup"));
    }

    /// <summary>docs/operations.md's online backup, into <paramref name="target"/> (a file); the backup's path.</summary>
    private async Task<string> BackupAsync(Store running, string target)
    {
        if (running.Postgres is null)
        {
            // sqlite3 exchange.db "VACUUM INTO 'backup.db'": a consistent copy while the exchange writes (WAL mode)
            var file = target + ".db";
            await RunAsync(Sqlite3(), running.Path, $"VACUUM INTO '{file}'");
            return file;
        }
        var cluster = await PostgresCluster.Shared;
        var folder = await cluster.CreateScratchFolderAsync($"backup-{Guid.NewGuid():N}");
        var dump = Path.Combine(folder, "exchange.dump");
        var database = new NpgsqlConnectionStringBuilder(running.Postgres);
        // pg_dump --format=custom: one consistent snapshot (a repeatable-read transaction), taken without blocking writers
        await cluster.RunToolAsync("pg_dump", "--format=custom", "--host", database.Host!, "--port", database.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--username", database.Username!, "--dbname", database.Database!, "--file", dump);
        return dump;
    }

    /// <summary>docs/operations.md's restore of <paramref name="backup"/> into a new store.</summary>
    private async Task<Store> RestoreAsync(string backup)
    {
        var fresh = await NewStoreAsync();
        if (fresh.Postgres is null)
        {
            File.Copy(backup, fresh.Path);
            return fresh;
        }
        var cluster = await PostgresCluster.Shared;
        var database = new NpgsqlConnectionStringBuilder(fresh.Postgres);
        await cluster.RunToolAsync("pg_restore", "--exit-on-error", "--single-transaction", "--no-owner", "--host", database.Host!,
            "--port", database.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--username", database.Username!, "--dbname", database.Database!, backup);
        return fresh;
    }

    private async Task<ExchangeHost> StartAsync(Store on, string? address = null)
    {
        var settings = new Dictionary<string, string>
        {
            // this test picks its store itself, whatever NX_TEST_STORE says
            ["Exchange:Store:Path"] = on.Path,
            ["ConnectionStrings:Postgres"] = on.Postgres ?? "",
            ["Exchange:Transparency:SignInterval"] = "00:00:00.200",
            // the key is configuration, kept apart from the store's backup (docs/transparency.md)
            ["Exchange:Transparency:SigningKey"] = _signingKey,
            ["Exchange:Transparency:Origin"] = "exchange.test/log",
        };
        if (address is not null)
        {
            settings["Kestrel:Endpoints:Grpc:Url"] = address;
        }
        var exchange = await ExchangeHost.StartAsync(on.Path, settings: settings);
        _running.Add(exchange);
        return exchange;
    }

    private static async Task WaitForHeadAsync(ExchangeHost exchange, ulong size)
    {
        using var client = Client(exchange, "");
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await client.Transparency.GetHeadCoveringAsync(size, limit.Token);
    }

    private static NxClient Client(ExchangeHost exchange, string key) =>
        NxClient.Create(new NxClientOptions { Address = new Uri(exchange.Address), ApiKey = key.Length == 0 ? null : key });

    private static NxcResult Ok(NxcResult result)
    {
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Ok), result.ToString());
        return result;
    }

    /// <summary>The sqlite3 command (scripts/test.sh installs it); a test without it fails under CI=true.</summary>
    private static string Sqlite3()
    {
        if (File.Exists("/usr/bin/sqlite3"))
        {
            return "/usr/bin/sqlite3";
        }
        const string message = "the sqlite3 command is not installed (/usr/bin/sqlite3): run scripts/test.sh, which installs it";
        if (SharedData.RunningInCi)
        {
            Assert.Fail(message);
        }
        Assert.Ignore(message);
        return message;
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, $"{program} {string.Join(' ', arguments)}: {await error}{await output}");
    }

    /// <summary>A store: its path (the SQLite file, and the folder beside it), and for PostgreSQL its connection string.</summary>
    private sealed record Store(string Path, string? Postgres);
}

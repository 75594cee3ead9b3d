using Microsoft.Extensions.Logging.Abstractions;
using NotificationExchange.Storage.Postgres.Migrations;
using NotificationExchange.Storage.Sqlite.Migrations;
using NotificationExchange.Storage.Tests.Contract;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Storage.Tests.Postgres;

public sealed class PostgresMigratorTests
{
    private static readonly PostgresMigration Baseline = PostgresMigrations.All[0];

    private static readonly PostgresMigration LaterStep = new(13, "a later step", """
        CREATE TABLE later_step (applied_by text NOT NULL);
        INSERT INTO later_step VALUES ('runner');
        """);

    [Test]
    public void The_stores_migrations_end_at_the_same_step()
    {
        // A schema change is one step of the same number in both stores: the PostgreSQL store's baseline was SQLite's
        // step 12, and every step after it is added to both.
        Assert.That(Baseline.Version, Is.EqualTo(12));
        Assert.That(PostgresMigrations.All[^1].Version, Is.EqualTo(SqliteMigrations.All[^1].Version));
    }

    [Test]
    public async Task A_new_database_gets_the_baseline_recorded_as_version_12()
    {
        var database = await NewDatabaseAsync();

        Assert.That(Migrate(database, PostgresMigrations.All), Is.EqualTo(PostgresMigrations.All[^1].Version));

        Assert.That(PostgresSql.Rows(database, "SELECT version, name FROM schema_migrations ORDER BY version;").Select(r => $"{r[0]} {r[1]}"),
            Is.EqualTo(PostgresMigrations.All.Select(m => $"{m.Version} {m.Name}")));
        Assert.That(Guid.TryParse((string?)PostgresSql.Scalar(database, "SELECT value FROM store_info WHERE key = 'store_id';"), out _), Is.True);
    }

    [Test]
    public async Task A_later_migration_applies_once()
    {
        var database = await NewDatabaseAsync();
        Migrate(database, [Baseline]);

        Assert.That(Migrate(database, [Baseline, LaterStep]), Is.EqualTo(13));
        Assert.That(Migrate(database, [Baseline, LaterStep]), Is.EqualTo(13));

        Assert.That(PostgresSql.Scalar(database, "SELECT COUNT(*) FROM later_step;"), Is.EqualTo(1L));
        Assert.That(PostgresSql.Scalar(database, "SELECT MAX(version) FROM schema_migrations;"), Is.EqualTo(13));
    }

    [Test]
    public async Task Two_runners_racing_on_one_database_apply_a_migration_once()
    {
        var database = await NewDatabaseAsync();
        Migrate(database, [Baseline]);
        PostgresSql.Execute(database, "CREATE TABLE gate (opened_by text); INSERT INTO gate VALUES ('test');");
        // The step reads the gate, which the test keeps locked: the first runner in waits inside its step (holding the
        // migrator's lock), the second for the migrator's lock. Applying the step twice would fail on CREATE TABLE.
        var step = new PostgresMigration(13, "a gated step", """
            CREATE TABLE later_step (applied_by text NOT NULL);
            INSERT INTO later_step SELECT opened_by FROM gate;
            """);
        await using var gate = PostgresSql.Connect(database);
        await using var holding = gate.BeginTransaction();
        await using (var lockGate = new Npgsql.NpgsqlCommand("LOCK TABLE gate IN ACCESS EXCLUSIVE MODE;", gate, holding))
        {
            await lockGate.ExecuteNonQueryAsync();
        }
        var runners = Enumerable.Range(0, 2).Select(_ => Task.Run(() => Migrate(database, [Baseline, step]))).ToArray();
        await WaitUntilAsync(() => (long)PostgresSql.Scalar(database, "SELECT COUNT(*) FROM pg_locks WHERE NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database());")! == 2,
            "one runner waits inside the step, the other for the migrator's lock");

        await holding.CommitAsync();

        Assert.That(Task.WaitAll(runners, TimeSpan.FromSeconds(60)), Is.True);
        Assert.That(runners.Select(r => r.Result), Is.All.EqualTo(13));
        Assert.That(PostgresSql.Scalar(database, "SELECT COUNT(*) FROM later_step;"), Is.EqualTo(1L));
    }

    [Test]
    public async Task Two_stores_starting_at_once_on_a_new_database_create_it_once()
    {
        using var storage = new PostgresStoreUnderTest();

        var stores = await Task.WhenAll(Task.Run(() => OpenedStore.Open(storage, "instance-a")), Task.Run(() => OpenedStore.Open(storage, "instance-b")));

        Assert.That(stores[0].Log.StoreId, Is.EqualTo(stores[1].Log.StoreId));
        Assert.That(PostgresSql.Scalar(storage.ConnectionString, "SELECT COUNT(*) FROM schema_migrations;"), Is.EqualTo((long)PostgresMigrations.All.Count));
        foreach (var store in stores)
        {
            store.Dispose();
        }
    }

    [Test]
    public async Task A_database_newer_than_the_build_knows_is_refused_and_left_as_it_is()
    {
        var database = await NewDatabaseAsync();
        Migrate(database, [Baseline, LaterStep]);

        var refused = Assert.Throws<InvalidOperationException>(() => Migrate(database, [Baseline]));

        Assert.That(refused!.Message, Does.Contain("has schema version 13, newer than this build knows (up to 12)"));
        Assert.That(refused.Message, Does.Contain("never downgraded"));
        Assert.That(PostgresSql.Scalar(database, "SELECT COUNT(*) FROM later_step;"), Is.EqualTo(1L));
    }

    [Test]
    public async Task Tables_not_made_by_the_store_are_refused_and_left_untouched()
    {
        var database = await NewDatabaseAsync();
        PostgresSql.Execute(database, "CREATE TABLE notes (text text); INSERT INTO notes VALUES ('kept');");

        var refused = Assert.Throws<InvalidOperationException>(() => Migrate(database, PostgresMigrations.All));

        Assert.That(refused!.Message, Does.Contain("has tables (notes) but no schema_migrations"));
        Assert.That(PostgresSql.Scalar(database, "SELECT to_regclass('events') IS NULL;"), Is.True);
        Assert.That(PostgresSql.Scalar(database, "SELECT text FROM notes;"), Is.EqualTo("kept"));
    }

    [Test]
    public async Task Migrations_must_follow_each_other_without_gaps()
    {
        var database = await NewDatabaseAsync();

        var refused = Assert.Throws<InvalidOperationException>(() => Migrate(database, [Baseline, LaterStep with { Version = 14 }]));

        Assert.That(refused!.Message, Does.Contain("migration 14 (a later step) follows 12"));
        Assert.That(PostgresSql.Scalar(database, "SELECT to_regclass('schema_migrations') IS NULL;"), Is.True);
    }

    private static async Task<string> NewDatabaseAsync() => await (await PostgresCluster.Shared).CreateDatabaseAsync("migrator");

    private static int Migrate(string database, IReadOnlyList<PostgresMigration> migrations)
    {
        using var connection = PostgresSql.Connect(database);
        return PostgresMigrator.Migrate(connection, migrations, database, NullLogger.Instance);
    }

    /// <summary>Waits for a condition another connection brings about, checking every few milliseconds, for at most 30 s.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"timed out waiting until {what}");
            await Task.Delay(10);
        }
    }
}

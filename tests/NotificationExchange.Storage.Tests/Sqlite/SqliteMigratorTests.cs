using Microsoft.Extensions.Logging.Abstractions;
using NotificationExchange.Storage.Sqlite.Migrations;
using NotificationExchange.Storage.Tests.Contract;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Storage.Tests.Sqlite;

public class SqliteMigratorTests
{
    private static readonly SqliteMigration First = SqliteMigrations.All[0];

    private static readonly SqliteMigration LaterStep = new(2, "a later step", """
        CREATE TABLE later_step (applied_by TEXT NOT NULL);
        INSERT INTO later_step VALUES ('runner');
        """);

    [Test]
    public void A_new_database_gets_every_migration_and_the_shape_they_make()
    {
        using var database = new TestDatabase();

        Assert.That(Migrate(database, SqliteMigrations.All), Is.EqualTo(SqliteMigrations.All.Count));

        Assert.That(database.UserVersion(), Is.EqualTo(SqliteMigrations.All.Count));
        Assert.That(SqliteMigrations.All.Select(m => m.Version), Is.EqualTo(Enumerable.Range(1, SqliteMigrations.All.Count)));
        using var connection = database.Connect();
        Assert.That(SqliteSchemaShape.Read(connection, null).DifferencesFrom(SqliteSchemaShape.After(SqliteMigrations.All)), Is.Empty);
    }

    [Test]
    public void A_later_migration_applies_once()
    {
        using var database = new TestDatabase();
        Migrate(database, [First]);

        Assert.That(Migrate(database, [First, LaterStep]), Is.EqualTo(2));
        Assert.That(Migrate(database, [First, LaterStep]), Is.EqualTo(2));

        Assert.That(database.Scalar("SELECT COUNT(*) FROM later_step;"), Is.EqualTo(1));
        Assert.That(database.UserVersion(), Is.EqualTo(2));
    }

    [Test]
    public void Two_runners_racing_on_one_file_apply_a_migration_once()
    {
        using var database = new TestDatabase();
        Migrate(database, [First]);
        using var holding = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        // The step calls gate(), which each runner defines on its own connection: the first runner in holds the write
        // lock inside the step until released. The second must then find the step applied: applying it again would
        // fail on its CREATE TABLE.
        var step = new SqliteMigration(2, "a gated step", """
            CREATE TABLE later_step (applied_by TEXT NOT NULL);
            INSERT INTO later_step VALUES (gate());
            """);
        var runners = new[] { "first", "second" }.Select(name => Task.Run(() =>
        {
            using var connection = database.Connect();
            connection.CreateFunction("gate", () =>
            {
                holding.Set();
                release.Wait();
                return name;
            });
            return SqliteMigrator.Migrate(connection, [First, step], database.Path, NullLogger.Instance);
        })).ToArray();
        Assert.That(holding.Wait(TimeSpan.FromSeconds(30)), Is.True, "a runner is inside the step");

        release.Set();

        Assert.That(Task.WaitAll(runners, TimeSpan.FromSeconds(60)), Is.True);
        Assert.That(runners.Select(r => r.Result), Is.All.EqualTo(2));
        Assert.That(database.Scalar("SELECT COUNT(*) FROM later_step;"), Is.EqualTo(1));
    }

    [Test]
    public void A_database_newer_than_the_build_knows_is_refused_and_left_as_it_is()
    {
        using var database = new TestDatabase();
        Migrate(database, [First, LaterStep]);

        var refused = Assert.Throws<InvalidOperationException>(() => Migrate(database, [First]));

        Assert.That(refused!.Message, Does.Contain("has schema version 2, newer than this build knows (up to 1)"));
        Assert.That(refused.Message, Does.Contain("never downgraded"));
        Assert.That(database.UserVersion(), Is.EqualTo(2));
        Assert.That(database.Scalar("SELECT COUNT(*) FROM later_step;"), Is.EqualTo(1));
    }

    [Test]
    public void The_store_refuses_to_start_on_a_newer_database()
    {
        using var storage = new SqliteStoreUnderTest();
        OpenedStore.Open(storage, "instance-a").Dispose();
        storage.Database.Execute($"PRAGMA user_version = {SqliteMigrations.All.Count + 1};");

        var refused = Assert.Throws<InvalidOperationException>(() => OpenedStore.Open(storage, "instance-a"));

        Assert.That(refused!.Message, Does.Contain($"{storage.Database.Path} has schema version {SqliteMigrations.All.Count + 1}"));
    }

    [Test]
    public void Tables_without_a_version_that_are_not_schema_version_1_are_refused_and_left_untouched()
    {
        using var database = new TestDatabase();
        database.Execute(First.Sql + "DROP INDEX subscriptions_by_owner; CREATE TABLE notes (text TEXT);");

        var refused = Assert.Throws<InvalidOperationException>(() => Migrate(database, SqliteMigrations.All));

        Assert.That(refused!.Message, Does.Contain("has tables but no schema version"));
        Assert.That(refused.Message, Does.Contain("index subscriptions_by_owner is missing"));
        Assert.That(refused.Message, Does.Contain("table notes is not expected"));
        Assert.That(database.UserVersion(), Is.Zero);
        Assert.That(database.Scalar("SELECT value FROM store_info WHERE key = 'schema_version';"), Is.EqualTo("1"));
    }

    [Test]
    public void Migrations_must_be_numbered_from_one_without_gaps()
    {
        using var database = new TestDatabase();

        var refused = Assert.Throws<InvalidOperationException>(() => Migrate(database, [First, LaterStep with { Version = 3 }]));

        Assert.That(refused!.Message, Does.Contain("migration 3 (a later step) is at position 2"));
        Assert.That(database.UserVersion(), Is.Zero);
    }

    private static int Migrate(TestDatabase database, IReadOnlyList<SqliteMigration> migrations)
    {
        using var connection = database.Connect();
        return SqliteMigrator.Migrate(connection, migrations, database.Path, NullLogger.Instance);
    }
}

using NotificationExchange.Storage.Postgres;
using NUnit.Framework;

namespace NotificationExchange.Storage.Tests.Postgres;

/// <summary>A bad setting stops the start with a message naming it (and never repeating a connection string, which may hold a password).</summary>
public sealed class PostgresStoreSettingsTests
{
    [Test]
    public void A_missing_connection_string_is_named()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => PostgresStoreSettings.Resolve(new PostgresStoreOptions()));

        Assert.That(refused!.Message, Is.EqualTo("store setting ConnectionStrings:Postgres is not set: the PostgreSQL store needs a connection string"));
    }

    [Test]
    public void A_connection_string_Npgsql_cannot_read_is_named_without_its_password()
    {
        var refused = Assert.Throws<InvalidOperationException>(() =>
            PostgresStoreSettings.Resolve(new PostgresStoreOptions { ConnectionString = "Host=db;Password=hunter2;Colour=blue" }));

        Assert.That(refused!.Message, Does.StartWith("store setting ConnectionStrings:Postgres is not a valid Npgsql connection string"));
        Assert.That(refused.Message, Does.Not.Contain("hunter2"));
    }

    [Test]
    public void A_connection_string_without_a_host_is_named()
    {
        var refused = Assert.Throws<InvalidOperationException>(() =>
            PostgresStoreSettings.Resolve(new PostgresStoreOptions { ConnectionString = "Database=exchange" }));

        Assert.That(refused!.Message, Is.EqualTo("store setting ConnectionStrings:Postgres names no Host"));
    }

    [Test]
    public void A_batch_size_below_one_is_named()
    {
        var refused = Assert.Throws<InvalidOperationException>(() =>
            PostgresStoreSettings.Resolve(new PostgresStoreOptions { ConnectionString = "Host=db", MaxBatchSize = 0 }));

        Assert.That(refused!.Message, Is.EqualTo("store setting Exchange:Store:MaxBatchSize is '0': expected 1 or more"));
    }

    [Test]
    public void The_writer_has_a_connection_of_its_own_and_statements_are_prepared()
    {
        using var settings = PostgresStoreSettings.Resolve(new PostgresStoreOptions { ConnectionString = "Host=db;Database=exchange;Password=hunter2" });

        var writer = new Npgsql.NpgsqlConnectionStringBuilder(settings.WriterConnectionString);
        var pooled = new Npgsql.NpgsqlConnectionStringBuilder(settings.PooledConnectionString);
        Assert.That(writer.Pooling, Is.False);
        Assert.That(pooled.Pooling, Is.True);
        Assert.That(writer.MaxAutoPrepare, Is.EqualTo(PostgresStoreSettings.DefaultMaxAutoPrepare));
        Assert.That(pooled.MaxAutoPrepare, Is.EqualTo(PostgresStoreSettings.DefaultMaxAutoPrepare));
        Assert.That(settings.Server, Is.EqualTo("db:5432"));
        Assert.That(settings.Database, Is.EqualTo("exchange"));
    }
}

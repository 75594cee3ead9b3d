using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Storage.Sqlite;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Storage.Tests.Sqlite;

public class SqliteStoreSettingsTests
{
    [Test]
    public void The_path_is_resolved_to_a_full_path_and_its_folder_created()
    {
        using var database = new TestDatabase();
        var nested = Path.Combine(Path.GetDirectoryName(database.Path)!, "a", "b", "store.db");

        var relative = Path.GetRelativePath(Environment.CurrentDirectory, nested);
        Assume.That(Path.IsPathRooted(relative), Is.False, "the temporary folder is on the working directory's volume");

        var settings = SqliteStoreSettings.Resolve(new SqliteStoreOptions { Path = relative });

        Assert.That(settings.DatabasePath, Is.EqualTo(nested), "relative to the working directory");
        Assert.That(Directory.Exists(Path.GetDirectoryName(nested)), Is.True);
    }

    [Test]
    public void Readers_are_pooled_the_writer_is_not_and_both_open_with_the_configured_pragmas()
    {
        using var database = new TestDatabase();
        var settings = SqliteStoreSettings.Resolve(new SqliteStoreOptions { Path = database.Path, Synchronous = "normal" });

        Assert.That(settings.Synchronous, Is.EqualTo("NORMAL"));
        var pooled = new SqliteConnectionStringBuilder(settings.PooledConnectionString);
        var writer = new SqliteConnectionStringBuilder(settings.WriterConnectionString);
        Assert.That((pooled.DataSource, pooled.Pooling), Is.EqualTo((database.Path, true)));
        Assert.That((writer.DataSource, writer.Pooling), Is.EqualTo((database.Path, false)));
        foreach (var connection in new[] { settings.OpenPooled(), settings.OpenWriter() })
        {
            using (connection)
            {
                Assert.That(Pragma(connection, "synchronous"), Is.EqualTo(1), "NORMAL");
                Assert.That(Pragma(connection, "busy_timeout"), Is.EqualTo((long)SqliteStoreSettings.BusyTimeout.TotalMilliseconds));
            }
        }
    }

    [TestCase("Path", "", "a file path is required")]
    [TestCase("Synchronous", "SOMETIMES", "expected one of OFF, NORMAL, FULL, EXTRA")]
    [TestCase("Synchronous", "FULL; DROP TABLE events", "expected one of")]
    [TestCase("MaxBatchSize", "0", "expected 1 or more")]
    public void A_bad_setting_fails_the_start_naming_it(string setting, string value, string problem)
    {
        using var storage = new SqliteStoreUnderTest();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        storage.AddTo(builder);
        builder.Configuration[$"Exchange:Store:{setting}"] = value;
        using var host = builder.Build();

        // Resolving the store is what starting the host does first.
        var refused = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<INotificationLog>());

        Assert.That(refused!.Message, Does.StartWith($"store setting Exchange:Store:{setting} is '{value}': "));
        Assert.That(refused.Message, Does.Contain(problem));
    }

    private static long Pragma(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return (long)command.ExecuteScalar()!;
    }
}

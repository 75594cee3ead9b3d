using NotificationExchange.Storage.Postgres;
using NotificationExchange.Storage.Sqlite;

namespace NotificationExchange.Api.Extensions;

internal static class StoreExtensions
{
    /// <summary>
    /// The exchange's store, chosen by configuration: PostgreSQL when ConnectionStrings:Postgres is set (several
    /// instances on several machines share it), else the embedded SQLite file (Exchange:Store:Path). Both implement
    /// every storage port; the rest of the host never knows which runs.
    /// </summary>
    public static IHostApplicationBuilder AddExchangeStore(this IHostApplicationBuilder builder) =>
        UsesPostgres(builder.Configuration) ? builder.AddPostgresExchangeStore() : builder.AddSqliteExchangeStore();

    /// <summary>Whether the configuration selects the PostgreSQL store.</summary>
    public static bool UsesPostgres(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetConnectionString(PostgresStoreSettings.ConnectionStringName));
}

using NotificationExchange.Domain.Storage;
using NotificationExchange.Storage.Sqlite;

namespace NotificationExchange.Api.Extensions;

internal static class StorageExtensions
{
    /// <summary>The store: a SQLite file (Exchange:Store:Path) and its group-commit log writer.</summary>
    public static IHostApplicationBuilder AddExchangeStore(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<SqliteStoreOptions>(builder.Configuration.GetSection("Exchange:Store"));
        builder.Services.AddSingleton<SqliteExchangeStore>();
        builder.Services.AddSingleton<INotificationLog>(sp => sp.GetRequiredService<SqliteExchangeStore>());
        builder.Services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<SqliteExchangeStore>());
        builder.Services.AddSingleton<IOperatorDirectory>(sp => sp.GetRequiredService<SqliteExchangeStore>());
        builder.Services.AddSingleton<ISubscriptionStore>(sp => sp.GetRequiredService<SqliteExchangeStore>());
        builder.Services.AddSingleton<CommittedEvents>();
        builder.Services.AddSingleton<ILogWriter, SqliteLogWriter>();
        return builder;
    }
}

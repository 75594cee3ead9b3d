using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NotificationExchange.Domain;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Storage.Sqlite;

public static class SqliteStoreRegistration
{
    /// <summary>
    /// The store on one SQLite file, behind every storage port, and its group-commit log writer. Settings come from
    /// <paramref name="section"/> (Path, Synchronous, MaxBatchSize), resolved and checked once, when the store is first
    /// needed (at start-up): a bad one fails the start, naming it. The host supplies <see cref="Domain.ExchangeInstance"/>.
    /// </summary>
    public static IHostApplicationBuilder AddSqliteExchangeStore(this IHostApplicationBuilder builder, string section = SqliteStoreSettings.DefaultSection)
    {
        builder.Services.Configure<SqliteStoreOptions>(builder.Configuration.GetSection(section));
        builder.Services.AddSingleton(sp => SqliteStoreSettings.Resolve(sp.GetRequiredService<IOptions<SqliteStoreOptions>>().Value, section));
        builder.Services.AddSingleton<SqliteExchangeStore>();
        builder.Services.AddSingleton<INotificationLog>(sp => sp.GetRequiredService<SqliteExchangeStore>());
        builder.Services.AddSingleton<IConsultationLog>(sp => sp.GetRequiredService<SqliteExchangeStore>());
        builder.Services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<SqliteExchangeStore>());
        builder.Services.AddSingleton<IOperatorDirectory>(sp => sp.GetRequiredService<SqliteExchangeStore>());
        builder.Services.AddSingleton<ICredentialStore>(sp => sp.GetRequiredService<SqliteExchangeStore>());
        builder.Services.AddSingleton<ISubscriptionStore>(sp => sp.GetRequiredService<SqliteExchangeStore>());
        builder.Services.AddSingleton<IConsultationLog>(sp => sp.GetRequiredService<SqliteExchangeStore>());
        builder.Services.AddSingleton<IDirectLineStore>(sp => sp.GetRequiredService<SqliteExchangeStore>());
        builder.Services.AddSingleton<IAlertStore>(sp => sp.GetRequiredService<SqliteExchangeStore>());
        builder.Services.AddSingleton<IWebhookStore>(sp => sp.GetRequiredService<SqliteExchangeStore>());
        builder.Services.AddSingleton<IConversationLog>(sp => sp.GetRequiredService<SqliteExchangeStore>());
        builder.Services.AddSingleton<ITransparencyStore>(sp => sp.GetRequiredService<SqliteExchangeStore>());
        builder.Services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<SqliteExchangeStore>());
        builder.Services.AddSingleton<IDevelopmentSigningKeyStore>(sp => sp.GetRequiredService<SqliteExchangeStore>());
        builder.Services.AddSingleton<ILogWriter, SqliteLogWriter>();
        builder.Services.AddExchangeCore();
        return builder;
    }
}

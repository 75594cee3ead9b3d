using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NotificationExchange.Domain;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Storage.Postgres;

public static class PostgresStoreRegistration
{
    /// <summary>
    /// The store on a PostgreSQL database, behind every storage port, and its group-commit log writer. The connection
    /// string is ConnectionStrings:<paramref name="connectionStringName"/>; the batch size comes from
    /// <paramref name="section"/> (MaxBatchSize). Settings are resolved and checked once, when the store is first
    /// needed (at start-up): a bad one fails the start, naming it. The host supplies <see cref="Domain.ExchangeInstance"/>.
    /// </summary>
    public static IHostApplicationBuilder AddPostgresExchangeStore(
        this IHostApplicationBuilder builder, string connectionStringName = PostgresStoreSettings.ConnectionStringName, string section = PostgresStoreSettings.DefaultSection)
    {
        builder.Services.Configure<PostgresStoreOptions>(builder.Configuration.GetSection(section));
        builder.Services.PostConfigure<PostgresStoreOptions>(options =>
            options.ConnectionString ??= builder.Configuration.GetConnectionString(connectionStringName));
        builder.Services.AddSingleton(sp => PostgresStoreSettings.Resolve(
            sp.GetRequiredService<IOptions<PostgresStoreOptions>>().Value, $"ConnectionStrings:{connectionStringName}", section));
        builder.Services.AddSingleton<PostgresExchangeStore>();
        builder.Services.AddSingleton<INotificationLog>(sp => sp.GetRequiredService<PostgresExchangeStore>());
        builder.Services.AddSingleton<IConsultationLog>(sp => sp.GetRequiredService<PostgresExchangeStore>());
        builder.Services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<PostgresExchangeStore>());
        builder.Services.AddSingleton<IOperatorDirectory>(sp => sp.GetRequiredService<PostgresExchangeStore>());
        builder.Services.AddSingleton<ICredentialStore>(sp => sp.GetRequiredService<PostgresExchangeStore>());
        builder.Services.AddSingleton<ISubscriptionStore>(sp => sp.GetRequiredService<PostgresExchangeStore>());
        builder.Services.AddSingleton<IDirectLineStore>(sp => sp.GetRequiredService<PostgresExchangeStore>());
        builder.Services.AddSingleton<IAlertStore>(sp => sp.GetRequiredService<PostgresExchangeStore>());
        builder.Services.AddSingleton<IWebhookStore>(sp => sp.GetRequiredService<PostgresExchangeStore>());
        builder.Services.AddSingleton<IConversationLog>(sp => sp.GetRequiredService<PostgresExchangeStore>());
        builder.Services.AddSingleton<ITransparencyStore>(sp => sp.GetRequiredService<PostgresExchangeStore>());
        builder.Services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<PostgresExchangeStore>());
        builder.Services.AddSingleton<IDevelopmentSigningKeyStore>(sp => sp.GetRequiredService<PostgresExchangeStore>());
        builder.Services.AddSingleton<ILogWriter, PostgresLogWriter>();
        builder.Services.AddExchangeCore();
        return builder;
    }
}

using Microsoft.Extensions.Options;
using NotificationExchange.Api.Transparency;
using NotificationExchange.Domain.Transparency;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Api.Extensions;

internal static class TransparencyExtensions
{
    /// <summary>
    /// The transparency log (Exchange:Transparency): entries committed in their writes, the tree following the log, and
    /// signed heads. The signing key is loaded at start, so a missing or bad key stops the start naming the setting;
    /// its key id and public key are logged. Switched off (Enabled false), nothing is committed, built or signed, and
    /// the service answers FAILED_PRECONDITION.
    /// </summary>
    public static IHostApplicationBuilder AddTransparencyLog(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<TransparencyOptions>(builder.Configuration.GetSection(TransparencyOptions.Section));
        if (!builder.Configuration.GetValue($"{TransparencyOptions.Section}:Enabled", true))
        {
            builder.Services.AddSingleton(TransparencyLog.Off);
            return builder;
        }
        builder.Services.AddSingleton<ILeafCommitter, LeafCommitter>();
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TransparencyOptions>>().Value;
            var key = TransparencyKeys.Load(options, sp.GetRequiredService<IHostEnvironment>(), sp.GetRequiredService<IDevelopmentSigningKeyStore>());
            var storeId = sp.GetRequiredService<INotificationLog>().StoreId;
            var origin = options.Origin is { Length: > 0 } configured ? configured : $"notification-exchange/{storeId}";
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TransparencyLog)).LogInformation(
                "Transparency log {Origin}: tree heads signed with {Algorithm} key {KeyId}\n{PublicKey}",
                origin, NotificationExchange.Transparency.Heads.LogSigningKey.Algorithm, key.KeyId, key.PublicKeyPem);
            return TransparencyLog.On(key, origin);
        });
        builder.Services.AddHostedService<TransparencyLogWorker>();
        return builder;
    }
}

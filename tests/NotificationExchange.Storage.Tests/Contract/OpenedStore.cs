using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NotificationExchange.Domain;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Storage.Tests.Contract;

/// <summary>The storage ports of one opened store, as one exchange instance sees them; disposing it closes the store.</summary>
public sealed class OpenedStore : IDisposable
{
    private readonly IHost _host;

    private OpenedStore(IHost host) => _host = host;

    public ILogWriter Writer => _host.Services.GetRequiredService<ILogWriter>();
    public INotificationLog Log => _host.Services.GetRequiredService<INotificationLog>();
    public IOutbox Outbox => _host.Services.GetRequiredService<IOutbox>();
    public IOperatorDirectory Operators => _host.Services.GetRequiredService<IOperatorDirectory>();
    public ICredentialStore Credentials => _host.Services.GetRequiredService<ICredentialStore>();
    public ISubscriptionStore Subscriptions => _host.Services.GetRequiredService<ISubscriptionStore>();
    public IConsultationLog Consultations => _host.Services.GetRequiredService<IConsultationLog>();
    public IDirectLineStore DirectLines => _host.Services.GetRequiredService<IDirectLineStore>();
    public IWebhookStore Webhooks => _host.Services.GetRequiredService<IWebhookStore>();
    public IConversationLog Conversations => _host.Services.GetRequiredService<IConversationLog>();
    public ITransparencyStore Transparency => _host.Services.GetRequiredService<ITransparencyStore>();
    public IAuditLog Audit => _host.Services.GetRequiredService<IAuditLog>();
    public CommittedEvents Committed => _host.Services.GetRequiredService<CommittedEvents>();

    /// <summary>
    /// Opens the store on <paramref name="storage"/> as instance <paramref name="instanceId"/>, on <paramref name="clock"/>
    /// (the system's when null) for what the store stamps itself, with the host's other <paramref name="services"/>
    /// (such as an ILeafCommitter); the host is built, not started.
    /// </summary>
    public static OpenedStore Open(IStoreUnderTest storage, string instanceId, TimeProvider? clock = null, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
        builder.Services.AddSingleton(new ExchangeInstance(instanceId));
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }
        services?.Invoke(builder.Services);
        storage.AddTo(builder);
        var opened = new OpenedStore(builder.Build());
        // Opening is what a host does at start-up: the store's schema is created or upgraded here, not at first use.
        _ = opened.Log.StoreId;
        return opened;
    }

    public Task<T> WriteAsync<T>(Func<ILogWriteSession, T> work) => Writer.WriteAsync(work, CancellationToken.None);

    public void Dispose() => _host.Dispose();
}

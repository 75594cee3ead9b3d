using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NotificationExchange.Client.Connection;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Client;

/// <summary>Registration for applications with dependency injection, through Grpc.Net.ClientFactory: every generated
/// client of the exchange and <see cref="NxClient"/> over them, sharing the options' address, key, TLS, retries and
/// deadline.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>The configuration section <see cref="AddNotificationExchangeClient(IServiceCollection, IConfiguration)"/>
    /// reads: NotificationExchange:Address, :ApiKey, :CallTimeout, :MaxAttempts, :TrustedCertificateAuthorityPath.</summary>
    public const string ConfigurationSection = "NotificationExchange";

    /// <summary>Registers the client with options bound from the <see cref="ConfigurationSection"/> section of
    /// <paramref name="configuration"/>.</summary>
    public static IServiceCollection AddNotificationExchangeClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NxClientOptions>(configuration.GetSection(ConfigurationSection));
        return AddNotificationExchangeClient(services, _ => { });
    }

    /// <summary>Registers the client with options set by <paramref name="configure"/> (after any bound from configuration).</summary>
    public static IServiceCollection AddNotificationExchangeClient(this IServiceCollection services, Action<NxClientOptions> configure)
    {
        services.Configure(configure);
        services.AddTransient<DefaultDeadlineInterceptor>(provider =>
            new DefaultDeadlineInterceptor(provider.GetRequiredService<IOptions<NxClientOptions>>().Value.CallTimeout));
        Add<OperatorService.OperatorServiceClient>(services);
        Add<NotificationService.NotificationServiceClient>(services);
        Add<SubscriptionService.SubscriptionServiceClient>(services);
        Add<ConsultationService.ConsultationServiceClient>(services);
        Add<ObjectRegistryService.ObjectRegistryServiceClient>(services);
        Add<AlertService.AlertServiceClient>(services);
        Add<TransparencyService.TransparencyServiceClient>(services);
        Add<AuditService.AuditServiceClient>(services);
        services.AddTransient(provider => new NxClient(provider.GetRequiredService<OperatorService.OperatorServiceClient>(),
            provider.GetRequiredService<NotificationService.NotificationServiceClient>(),
            provider.GetRequiredService<SubscriptionService.SubscriptionServiceClient>(),
            provider.GetRequiredService<ConsultationService.ConsultationServiceClient>(),
            provider.GetRequiredService<ObjectRegistryService.ObjectRegistryServiceClient>(),
            provider.GetRequiredService<AlertService.AlertServiceClient>(),
            provider.GetRequiredService<TransparencyService.TransparencyServiceClient>(),
            provider.GetRequiredService<AuditService.AuditServiceClient>()));
        return services;
    }

    private static void Add<TClient>(IServiceCollection services)
        where TClient : class
    {
        var builder = services.AddGrpcClient<TClient>((provider, factory) =>
                factory.Address = provider.GetRequiredService<IOptions<NxClientOptions>>().Value.Address)
            .ConfigureChannel((provider, channel) =>
            {
                var options = provider.GetRequiredService<IOptions<NxClientOptions>>().Value;
                var configured = NxChannel.ChannelOptions(options, handler: null);
                channel.ServiceConfig = configured.ServiceConfig;
                channel.MaxReceiveMessageSize = configured.MaxReceiveMessageSize;
                // The key goes as call credentials (below); over plaintext only to a development exchange.
                channel.UnsafeUseInsecureChannelCallCredentials = options.Address.Scheme == Uri.UriSchemeHttp;
            })
            .ConfigurePrimaryHttpMessageHandler(provider => NxChannel.Handler(provider.GetRequiredService<IOptions<NxClientOptions>>().Value))
            .AddInterceptor<DefaultDeadlineInterceptor>();
        builder.AddCallCredentials((_, metadata, provider) =>
        {
            if (provider.GetRequiredService<IOptions<NxClientOptions>>().Value.ApiKey is { Length: > 0 } key)
            {
                metadata.Add("authorization", $"Bearer {key}");
            }
            return Task.CompletedTask;
        });
    }
}

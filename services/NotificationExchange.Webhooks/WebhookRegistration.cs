using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NotificationExchange.Domain;
using NotificationExchange.Domain.Webhooks;

namespace NotificationExchange.Webhooks;

public static class WebhookRegistration
{
    /// <summary>
    /// The webhook dispatcher and the <see cref="WebhookUrlPolicy"/> that the profile rules share with it; settings from
    /// Exchange:Webhooks, checked when first needed (at start-up): a bad one fails the start, naming it. The host
    /// supplies the store's ports and <see cref="ExchangeInstance"/>.
    /// </summary>
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<WebhookOptions>(builder.Configuration.GetSection(WebhookSettings.Section));
        builder.Services.AddExchangeCore();
        builder.Services.AddSingleton(sp => WebhookSettings.Resolve(sp.GetRequiredService<IOptions<WebhookOptions>>().Value));
        builder.Services.AddSingleton(sp => sp.GetRequiredService<WebhookSettings>().UrlPolicy);
        builder.Services.AddHttpClient(WebhookSender.HttpClientName, client =>
            {
                // the attempt's own timeout runs on the exchange's clock (WebhookSender)
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("NotificationExchange-Webhooks/1");
            })
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                // A redirect is an answer that is not 2xx: following it would send the signed event where the
                // organisation did not say.
                AllowAutoRedirect = false,
                UseCookies = false,
                SslOptions = { RemoteCertificateValidationCallback = new ReceiverCertificateValidation(sp.GetRequiredService<WebhookSettings>().TrustedRoots).Validate },
            });
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddSingleton<RetryBackoff>();
        builder.Services.AddHostedService<WebhookDispatcher>();
        return builder;
    }
}

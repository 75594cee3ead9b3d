using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Authentication;
using System.Text;
using NotificationExchange.Domain;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Telemetry;
using NotificationExchange.Domain.Webhooks;

namespace NotificationExchange.Webhooks;

/// <summary>
/// One attempt at a delivery: the POST, signed with the organisation's current secret, and what came of it. It never
/// throws for what the receiver or the network does: every outcome is an attempt to record.
/// </summary>
internal sealed class WebhookSender(
    IHttpClientFactory clients, IWebhookStore store, WebhookSettings settings, ExchangeInstance instance, TimeProvider clock)
{
    /// <summary>The named client (its handler validates receivers' certificates with the configured extra roots).</summary>
    public const string HttpClientName = "NotificationExchange.Webhooks";

    // What an attempt's error keeps of an exception's messages: enough to tell a refused connection from a bad certificate.
    private const int MaxErrorLength = 500;

    public async Task<WebhookAttempt> SendAsync(WebhookDelivery delivery, CancellationToken stoppingToken)
    {
        using var activity = ExchangeMetrics.ActivitySource.StartActivity("webhook delivery", ActivityKind.Internal);
        activity?.SetTag("nx.webhook.delivery_id", delivery.Id);
        activity?.SetTag("nx.webhook.attempt", delivery.Attempts);
        activity?.SetTag("nx.webhook.event_kind", delivery.EventKind);
        var startedAt = Now();
        var (status, error) = await PostAsync(delivery, startedAt, stoppingToken);
        activity?.SetTag("http.response.status_code", status);
        if (error is not null || status is not (>= 200 and <= 299))
        {
            activity?.SetStatus(ActivityStatusCode.Error, error ?? $"HTTP {status}");
        }
        return new WebhookAttempt(delivery.Id, delivery.Attempts, instance.Id, startedAt, Now(), status, error);
    }

    private async Task<(int? Status, string? Error)> PostAsync(WebhookDelivery delivery, DateTime startedAt, CancellationToken stoppingToken)
    {
        // Checked again here, not only when the contact point was saved: the setting may have changed since.
        if (WebhookUrlValidation.Problem(delivery.Url, settings.UrlPolicy) is { } problem)
        {
            return (null, $"not sent: the URL {problem}");
        }
        var secret = await store.GetWebhookSecretAsync(delivery.OrganizationId, stoppingToken);
        if (secret is null)
        {
            return (null, $"not sent: {delivery.OrganizationId} has no webhook secret to sign with (RotateWebhookSecret issues one)");
        }
        var body = Encoding.UTF8.GetBytes(delivery.PayloadJson);
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } },
        };
        request.Headers.Add("NX-Signature", WebhookSecrets.Signature(secret, new DateTimeOffset(startedAt).ToUnixTimeSeconds(), body));
        request.Headers.Add("NX-Delivery-Id", delivery.Id);
        request.Headers.Add("NX-Event-Kind", delivery.EventKind);

        // The timeout runs on the exchange's clock, as every other wait does.
        using var timeout = new CancellationTokenSource(settings.RequestTimeout, clock);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stoppingToken);
        try
        {
            using var response = await clients.CreateClient(HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
            // the answer's status is all that counts; its body is not read
            return ((int)response.StatusCode, null);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return (null, $"no answer within {settings.RequestTimeout.TotalSeconds:0.###} s");
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return (null, "the exchange stopped during the attempt");
        }
        catch (Exception e) when (e is HttpRequestException or AuthenticationException or IOException)
        {
            return (null, Messages(e));
        }
    }

    /// <summary>An exception's message and its inner ones' ("... see inner exception" says nothing by itself), cut short.</summary>
    private static string Messages(Exception e)
    {
        var text = new StringBuilder(e.Message);
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            text.Append(": ").Append(inner.Message);
        }
        // one line, whatever a message quotes (it reaches logs)
        var line = string.Concat(text.ToString().Select(c => char.IsControl(c) ? ' ' : c));
        return line.Length > MaxErrorLength ? line[..MaxErrorLength] : line;
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NotificationExchange.Domain;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Telemetry;
using NotificationExchange.Domain.Webhooks;

namespace NotificationExchange.Webhooks;

/// <summary>
/// Delivers queued webhooks. It claims due deliveries through the log writer (under SQLite's write lock, so that of
/// several instances sharing the store one holds each attempt, for <see cref="WebhookSettings.Lease"/>), POSTs them,
/// and records each attempt: delivered, due again after a backoff, or given up. It wakes when deliveries are queued on
/// this instance, when the earliest pending one comes due, when an attempt ends, and every poll interval for what other
/// instances queued. Every wait is on the exchange's clock.
/// </summary>
internal sealed class WebhookDispatcher(
    ILogWriter writer,
    IWebhookStore store,
    WebhookSender sender,
    RetryBackoff backoff,
    WebhookQueueSignal queued,
    WebhookSettings settings,
    ExchangeInstance instance,
    ExchangeMetrics metrics,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    // After the store fails (a locked or unreachable database), wait this long, doubling, before looking again.
    private static readonly TimeSpan FirstStoreRetry = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxStoreRetry = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var attempts = new List<Task>();
        var storeFailures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            attempts.RemoveAll(a => a.IsCompleted);
            var free = settings.MaxConcurrentDeliveries - attempts.Count;
            DateTime? due;
            try
            {
                due = await store.GetNextWebhookDueAsync(stoppingToken);
                var now = Now();
                if (free > 0 && due <= now)
                {
                    var claimed = await writer.WriteAsync(s => s.ClaimWebhooks(instance.Id, now, now + settings.Lease, free), stoppingToken);
                    attempts.AddRange(claimed.Select(d => AttemptAsync(d, stoppingToken)));
                    if (claimed.Count > 0)
                    {
                        continue; // more may be due
                    }
                }
                storeFailures = 0;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                storeFailures++;
                var retry = TimeSpan.FromTicks(Math.Min(MaxStoreRetry.Ticks, FirstStoreRetry.Ticks << Math.Min(storeFailures - 1, 16)));
                logger.LogError(e, "Webhook deliveries could not be read or claimed; looking again in {Retry}", retry);
                due = Now() + retry;
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                break; // stopping: the read or the claim was cancelled, or the writer no longer takes writes
            }
            await WaitAsync(free > 0, due, attempts, stoppingToken);
        }
        // Attempts under way end at once (they take the stopping token) and are recorded.
        await Task.WhenAll(attempts);
    }

    /// <summary>
    /// Waits until an attempt ends or, when this instance <paramref name="canClaim"/> more, until deliveries are queued
    /// here, the next pending one comes <paramref name="due"/> (null: none is pending), or the poll interval passes.
    /// </summary>
    private async Task WaitAsync(bool canClaim, DateTime? due, List<Task> attempts, CancellationToken stoppingToken)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var waits = new List<Task>(attempts) { Task.Delay(Timeout.InfiniteTimeSpan, wake.Token) };
        if (canClaim)
        {
            var now = Now();
            var until = due is { } d && d < now + settings.PollInterval ? d : now + settings.PollInterval;
            if (until <= now)
            {
                return;
            }
            // Timers count whole milliseconds and would cut the rest off: a wait that ended a fraction before the due
            // time would find nothing due and wait for nothing again. Round up instead.
            waits.Add(Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling((until - now).TotalMilliseconds)), clock, wake.Token));
            waits.Add(queued.WaitAsync(wake.Token));
        }
        await Task.WhenAny(waits);
        // ends the other waits (a pending wait for the signal would otherwise take the next one)
        await wake.CancelAsync();
    }

    private async Task AttemptAsync(WebhookDelivery delivery, CancellationToken stoppingToken)
    {
        try
        {
            // A claim beyond the last attempt follows an instance that stopped during the last one: its outcome is
            // unknown, and no further attempt is allowed.
            var attempt = delivery.Attempts > settings.MaxAttempts
                ? new WebhookAttempt(delivery.Id, delivery.Attempts, instance.Id, Now(), Now(), null,
                    $"not sent: attempt {delivery.Attempts - 1} of {settings.MaxAttempts} was the last, and its instance stopped before recording it")
                : await sender.SendAsync(delivery, stoppingToken);
            var retryAt = attempt.Delivered ? null : backoff.RetryAt(attempt.Attempt, attempt.FinishedAt);
            // recorded even while stopping: the lease ends now rather than when it runs out
            var applied = await writer.WriteAsync(s => s.RecordWebhookAttempt(attempt, retryAt), CancellationToken.None);
            Report(delivery, attempt, retryAt, applied);
        }
        catch (Exception e)
        {
            // The lease runs out and the delivery is claimed again, as after a crash.
            logger.LogError(e, "Webhook delivery {DeliveryId} attempt {Attempt}: the attempt could not be recorded", delivery.Id, delivery.Attempts);
        }
    }

    private void Report(WebhookDelivery delivery, WebhookAttempt attempt, DateTime? retryAt, bool applied)
    {
        if (!applied)
        {
            logger.LogWarning(
                "Webhook delivery {DeliveryId} attempt {Attempt} ({Outcome}) ended after its lease: another attempt has been claimed since",
                delivery.Id, attempt.Attempt, attempt.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? attempt.Error);
        }
        if (attempt.Delivered)
        {
            metrics.WebhookDelivered(delivery.EventKind);
            return;
        }
        metrics.WebhookAttemptFailed(delivery.EventKind);
        if (retryAt is null && applied)
        {
            metrics.WebhookGivenUp(delivery.EventKind);
            logger.LogError(
                "Webhook delivery {DeliveryId} ({EventKind}) to {OrganizationId} {Role} given up after attempt {Attempt}: {Outcome}",
                delivery.Id, delivery.EventKind, delivery.OrganizationId, delivery.Role, attempt.Attempt, Outcome(attempt));
        }
        else if (applied)
        {
            logger.LogWarning(
                "Webhook delivery {DeliveryId} ({EventKind}) to {OrganizationId} {Role} attempt {Attempt} failed: {Outcome}; next attempt at {RetryAt:o}",
                delivery.Id, delivery.EventKind, delivery.OrganizationId, delivery.Role, attempt.Attempt, Outcome(attempt), retryAt);
        }
    }

    private static string Outcome(WebhookAttempt attempt) =>
        attempt.Error ?? $"HTTP {attempt.StatusCode}";

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}

using NotificationExchange.Domain.Webhooks;

namespace NotificationExchange.Domain.Storage;

/// <summary>
/// Webhooks, read side, and organisations' webhook secrets. Deliveries are queued, claimed and recorded through the
/// log writer (<see cref="ILogWriteSession"/>), in the write transaction: queued with the event that causes them, and
/// claimed under SQLite's write lock, so that of several instances sharing the store one claims each attempt.
/// </summary>
public interface IWebhookStore
{
    /// <summary>
    /// When the next pending delivery may be claimed: the earliest next attempt, or the end of its lease where another
    /// instance holds one; null when nothing is pending.
    /// </summary>
    Task<DateTime?> GetNextWebhookDueAsync(CancellationToken cancellationToken);

    /// <summary>An organisation's deliveries, oldest first.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ListWebhookDeliveriesAsync(string organizationId, CancellationToken cancellationToken);

    /// <summary>Every attempt at a delivery, in order; empty when there is none (or no such delivery).</summary>
    Task<IReadOnlyList<WebhookAttempt>> ListWebhookAttemptsAsync(string deliveryId, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces an organisation's webhook secret (the old one signs nothing more, retries included); false when there
    /// is no such organisation.
    /// </summary>
    Task<bool> ReplaceWebhookSecretAsync(string organizationId, string secret, CancellationToken cancellationToken);

    /// <summary>The secret to sign an organisation's deliveries with; null when it has none (or no such organisation).</summary>
    Task<string?> GetWebhookSecretAsync(string organizationId, CancellationToken cancellationToken);
}

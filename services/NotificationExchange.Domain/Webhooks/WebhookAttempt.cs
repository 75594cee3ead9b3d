namespace NotificationExchange.Domain.Webhooks;

/// <summary>
/// One attempt at a delivery, as recorded: who made it and when, and what the receiver answered (its HTTP status) or
/// why there was no answer (<see cref="Error"/>: a refused connection, an untrusted certificate, a timeout, no secret
/// to sign with).
/// </summary>
public sealed record WebhookAttempt(
    string DeliveryId, int Attempt, string InstanceId, DateTime StartedAt, DateTime FinishedAt, int? StatusCode, string? Error)
{
    /// <summary>Only a 2xx answer delivers: a redirect is not followed, and counts as a failed attempt.</summary>
    public bool Delivered => StatusCode is >= 200 and <= 299;
}

using NotificationExchange.Domain.Operators;

namespace NotificationExchange.Domain.Webhooks;

/// <summary>
/// One event for one contact point's webhook, as the store keeps it. Pending while <see cref="NextAttemptAt"/> is set;
/// then delivered (<see cref="DeliveredAt"/>) or given up (<see cref="GivenUpAt"/>), never both. <see cref="Attempts"/>
/// counts the attempts claimed so far: a claimed delivery carries the number of the attempt it is claimed for.
/// <see cref="LeasedBy"/> is the instance attempting it until <see cref="LeasedUntil"/>.
/// </summary>
public sealed record WebhookDelivery(
    string Id,
    string OrganizationId,
    ContactRole Role,
    string Url,
    string EventKind,
    string PayloadJson,
    string DedupKey,
    DateTime CreatedAt,
    int Attempts,
    DateTime? NextAttemptAt,
    DateTime? LeasedUntil,
    string? LeasedBy,
    int? LastStatusCode,
    string? LastError,
    DateTime? DeliveredAt,
    DateTime? GivenUpAt);

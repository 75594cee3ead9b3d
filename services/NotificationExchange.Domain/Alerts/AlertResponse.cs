namespace NotificationExchange.Domain.Alerts;

/// <summary>An operator's answer to an alert about its object: by when it must acknowledge, and what it will do.</summary>
public sealed record AlertResponse(
    DateTime AcknowledgeBy,
    DateTime? AcknowledgedAt = null,
    ManeuverIntent? Intent = null,
    string? Note = null,
    DateTime? EscalatedAt = null);

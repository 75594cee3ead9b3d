namespace NotificationExchange.Domain.Alerts.Commands;

/// <summary>An operator acknowledges an alert for one of its objects (0: whichever is its own) and declares intent.</summary>
public sealed record AcknowledgeAlertCommand(string RequestId, string OperatorId, string AlertId, int NoradCatId, ManeuverIntent Intent, string? Note);

namespace NotificationExchange.Domain.Alerts;

public enum AlertEventType
{
    Raised = 1,
    Updated = 2,
    Withdrawn = 3,
    Closed = 4,
    Acknowledged = 5,
    IntentConflict = 6,
    Escalated = 7,
}

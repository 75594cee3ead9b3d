namespace NotificationExchange.Domain.Alerts;

public enum ScreeningState
{
    Pending = 1,
    Screened = 2,
    NotScreenable = 3,
    Failed = 4,
    NotApplicable = 5,
}

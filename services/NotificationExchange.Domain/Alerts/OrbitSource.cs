namespace NotificationExchange.Domain.Alerts;

/// <summary>Where the data an alert's object was screened with came from.</summary>
public enum OrbitSource
{
    Catalogue = 1,
    Registration = 2,
    Notification = 3,
}

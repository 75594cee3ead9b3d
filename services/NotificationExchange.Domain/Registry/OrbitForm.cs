namespace NotificationExchange.Domain.Registry;

/// <summary>The form an operator gave an object's orbit in; the text is kept exactly as given.</summary>
public enum OrbitForm
{
    Tle = 1,
    Omm = 2,
    Oem = 3,
}

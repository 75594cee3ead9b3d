namespace NotificationExchange.Domain.Alerts;

public enum AlertState
{
    /// <summary>The close approach stands.</summary>
    Open = 1,

    /// <summary>The screen that raised it no longer finds it.</summary>
    Withdrawn = 2,

    /// <summary>Its time of closest approach has passed.</summary>
    Closed = 3,
}

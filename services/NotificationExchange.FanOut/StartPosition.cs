namespace NotificationExchange.FanOut;

public enum StartPosition
{
    /// <summary>Only events recorded after the subscription is created.</summary>
    Latest,

    /// <summary>Everything the log holds.</summary>
    Earliest,
}

namespace NotificationExchange.Domain.Registry;

/// <summary>How much of an object's orbit data the other party of an alert sees.</summary>
public enum SharingPolicy
{
    /// <summary>TCA, miss distance and its components, relative speed, probability.</summary>
    DerivedOnly = 1,

    /// <summary>Also the object's state (and covariance, when known) at TCA.</summary>
    FullState = 2,
}

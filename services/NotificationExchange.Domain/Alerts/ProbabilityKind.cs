namespace NotificationExchange.Domain.Alerts;

public enum ProbabilityKind
{
    /// <summary>None could be computed.</summary>
    None = 0,

    /// <summary>From both objects' covariances.</summary>
    Computed = 1,

    /// <summary>No covariance known: the maximum over every covariance for the geometry and hard-body radius (an upper bound).</summary>
    MaximumForHardBodyRadius = 2,
}

namespace NotificationExchange.Orbits.Encounters;

public enum CollisionProbabilityKind
{
    /// <summary>Computed from both objects' covariances: the probability under those covariances.</summary>
    Computed = 1,

    /// <summary>
    /// No covariance was used: the largest probability any covariance could give for this miss distance and hard-body
    /// radius. An upper bound, never an estimate of the actual probability.
    /// </summary>
    MaximumForHardBodyRadius = 2,
}

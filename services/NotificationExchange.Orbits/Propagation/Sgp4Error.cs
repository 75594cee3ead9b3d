namespace NotificationExchange.Orbits.Propagation;

/// <summary>SGP4's error codes, numbered as in Vallado's 2006 code so they compare with its verification output.</summary>
public enum Sgp4Error
{
    None = 0,

    /// <summary>Mean eccentricity is not within -0.001 to 1.</summary>
    MeanEccentricityOutOfRange = 1,

    /// <summary>Mean motion is not positive.</summary>
    NonPositiveMeanMotion = 2,

    /// <summary>Perturbed (deep-space) eccentricity is not within 0 to 1.</summary>
    PerturbedEccentricityOutOfRange = 3,

    /// <summary>Semi-latus rectum is negative.</summary>
    NegativeSemiLatusRectum = 4,

    /// <summary>Epoch elements are sub-orbital (reserved: Vallado's code no longer raises it).</summary>
    SubOrbital = 5,

    /// <summary>The orbit radius fell below one Earth radius: the satellite has decayed.</summary>
    Decayed = 6,

    /// <summary>Not an SGP4 code: the path is an ephemeris and the time is outside its span, where it gives no state.</summary>
    OutsideEphemeris = 100,
}

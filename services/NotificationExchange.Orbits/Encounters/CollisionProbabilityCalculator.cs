using NotificationExchange.Orbits.Geometry;

namespace NotificationExchange.Orbits.Encounters;

/// <summary>
/// Probability of collision for a short encounter at TCA. States are in km and km/s in one inertial frame (TEME,
/// EME2000), covariances in m² in that frame (<see cref="PositionCovariance.FromRtn"/> converts a CDM's RTN terms),
/// the combined hard-body radius (the sum of both objects' radii) in m.
/// </summary>
public static class CollisionProbabilityCalculator
{
    /// <summary>The CDM COLLISION_PROBABILITY_METHOD value for <see cref="Foster1992"/>.</summary>
    public const string FosterMethod = "FOSTER-1992";

    /// <summary>The CDM COLLISION_PROBABILITY_METHOD value for <see cref="MaximumForHardBodyRadius"/> (SANA registry,
    /// Alfano's maximum probability; Orekit's PocMethodType.ALFANO_MAX_PROBABILITY).</summary>
    public const string MaximumMethod = "ALFANO-MAX-PROBABILITY";

    /// <summary>
    /// Foster and Estes (1992): the combined covariance (the errors are independent, so the covariances add) and the
    /// hard-body disc projected onto the encounter plane at TCA, and the Gaussian integrated over the disc
    /// (<see cref="DiscIntegral"/>). Near-identical to Chan's series and Alfano's 2005 numerical method for a short
    /// encounter; the result is in [0, 1] for any ratio of covariance to radius.
    /// </summary>
    public static CollisionProbability Foster1992(
        StateVector primary, PositionCovariance primaryCovariance,
        StateVector secondary, PositionCovariance secondaryCovariance,
        double hardBodyRadiusM)
    {
        RequireRadius(hardBodyRadiusM);
        var plane = EncounterPlane.From(primary, secondary);
        var combined = primaryCovariance + secondaryCovariance;
        var cxx = combined.Quadratic(plane.XAxis, plane.XAxis);
        var cxz = combined.Quadratic(plane.XAxis, plane.ZAxis);
        var czz = combined.Quadratic(plane.ZAxis, plane.ZAxis);

        // principal axes of the 2x2 covariance; the miss is (MissM, 0) in (x, z)
        var mean = 0.5 * (cxx + czz);
        var spread = Math.Sqrt(0.25 * (cxx - czz) * (cxx - czz) + cxz * cxz);
        var major = mean + spread;
        var minor = mean - spread;
        if (!double.IsFinite(major) || !(minor > 0.0))
        {
            throw new ArgumentException(
                $"the combined covariance projected on the encounter plane is not positive definite (eigenvalues {major:G6} and {minor:G6} m²): "
                + "check both objects' covariance terms", nameof(primaryCovariance));
        }
        var angle = 0.5 * Math.Atan2(2.0 * cxz, cxx - czz);
        var (sin, cos) = Math.SinCos(angle);
        // the miss along the major axis (cos, sin) and the minor axis (−sin, cos)
        var along = plane.MissM * cos;
        var across = -plane.MissM * sin;
        var probability = DiscIntegral.Probability(along, across, Math.Sqrt(major), Math.Sqrt(minor), hardBodyRadiusM);
        return new CollisionProbability(probability, CollisionProbabilityKind.Computed, FosterMethod, plane.MissM, hardBodyRadiusM);
    }

    /// <summary>
    /// The largest probability any covariance can give this encounter: Alfano, "Relating Position Uncertainty to
    /// Maximum Conjunction Probability", J. Astronaut. Sci. 53(2), 193-205, 2005 (AAS 03-548), the bound for an
    /// infinite aspect ratio, which covers every covariance size, shape and orientation.
    /// </summary>
    /// <remarks>
    /// Why it is a bound: the disc (miss r, radius R, r > R) lies inside the strip r − R ≤ u·x ≤ r + R across the miss
    /// direction u, so for any covariance C, Pc ≤ P(r − R ≤ N(0, uᵀCu) ≤ r + R) = ½[erf((r+R)/(√2σ)) − erf((r−R)/(√2σ))]
    /// with σ² = uᵀCu; a covariance collapsing onto the miss line approaches it, so the bound is the supremum. Over σ
    /// it peaks where (r+R)e^(−(r+R)²/2σ²) = (r−R)e^(−(r−R)²/2σ²), σ² = 2rR / ln((r+R)/(r−R)) (Alfano's worst-case
    /// standard deviation; for R ≪ r, σ ≈ r and Pc_max ≈ 2R/(r√(2πe))). Inside the disc (r &lt; R) a covariance shrinking
    /// to nothing puts all the probability inside: 1; on its edge, ½.
    /// </remarks>
    public static CollisionProbability MaximumForHardBodyRadius(StateVector primary, StateVector secondary, double hardBodyRadiusM)
    {
        RequireRadius(hardBodyRadiusM);
        var miss = EncounterPlane.From(primary, secondary).MissM;
        return new CollisionProbability(
            MaximumProbability(miss, hardBodyRadiusM), CollisionProbabilityKind.MaximumForHardBodyRadius, MaximumMethod,
            miss, hardBodyRadiusM);
    }

    /// <summary>The bound of <see cref="MaximumForHardBodyRadius"/> for a miss and a radius (m).</summary>
    internal static double MaximumProbability(double missM, double radiusM)
    {
        if (missM < radiusM)
        {
            return 1.0;
        }
        if (missM == radiusM)
        {
            return 0.5;
        }
        var sigma = WorstCaseSigma(missM, radiusM);
        var scale = Math.Sqrt(2.0) * sigma;
        return 0.5 * ErrorFunction.Difference((missM + radiusM) / scale, (missM - radiusM) / scale);
    }

    /// <summary>σ = √(2rR / ln((r+R)/(r−R))), with ln(1 + 2R/(r−R)) taken without losing R ≪ r to rounding.</summary>
    internal static double WorstCaseSigma(double missM, double radiusM) =>
        Math.Sqrt(2.0 * missM * radiusM / LogOnePlus(2.0 * radiusM / (missM - radiusM)));

    private static double LogOnePlus(double x)
    {
        var u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }

    private static void RequireRadius(double hardBodyRadiusM)
    {
        if (!(hardBodyRadiusM > 0.0) || !double.IsFinite(hardBodyRadiusM))
        {
            throw new ArgumentOutOfRangeException(nameof(hardBodyRadiusM), hardBodyRadiusM,
                "the combined hard-body radius must be a positive number of metres");
        }
    }
}

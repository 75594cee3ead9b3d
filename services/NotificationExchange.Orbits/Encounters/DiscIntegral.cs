namespace NotificationExchange.Orbits.Encounters;

/// <summary>
/// The probability that a point drawn from N(0, diag(σx², σy²)) lies in the disc of radius R centred at (xm, ym): the
/// 2D probability of collision in the encounter plane's principal axes (Foster and Estes 1992, NASA JSC-25898).
/// </summary>
/// <remarks>
/// The y integral is done exactly with erf (Alfano 2005, "A Numerical Implementation of Spherical Object Collision
/// Probability", J. Astronaut. Sci. 53(1)): for x = xm + R sin θ the chord is ym ± R cos θ, so
/// Pc = ∫ φ(x; σx) · ½[erf((ym + R cos θ)/(√2 σy)) − erf((ym − R cos θ)/(√2 σy))] · R cos θ dθ over θ ∈ [−π/2, π/2],
/// smooth in θ (no square root at the disc's edges). The x axis is taken along the larger σ, so the outer Gaussian is
/// the wider one. Where the integrand has features narrower than the disc (the outer Gaussian's peak and shoulders at
/// 0 and ±8σx; the inner band |y| ≤ 8σy entering and leaving the disc), θ is split there first, so the adaptive rule
/// cannot step over them whatever the ratio of σ to R (1e-6 to 1e6 are tested).
/// </remarks>
internal static class DiscIntegral
{
    private const double FeatureSigmas = 8.0;
    private const double RelativeTolerance = 1e-11;
    private static readonly double _sqrt2 = Math.Sqrt(2.0);
    private static readonly double _sqrt2Pi = Math.Sqrt(2.0 * Math.PI);

    public static double Probability(double xm, double ym, double sigmaX, double sigmaY, double radius)
    {
        if (sigmaY > sigmaX)
        {
            (xm, ym, sigmaX, sigmaY) = (ym, xm, sigmaY, sigmaX);
        }
        ym = Math.Abs(ym);
        double Integrand(double theta)
        {
            var (sin, cos) = Math.SinCos(theta);
            var x = xm + radius * sin;
            var chord = radius * cos;
            if (chord <= 0.0)
            {
                return 0.0;
            }
            var u = x / sigmaX;
            var gaussian = Math.Exp(-0.5 * u * u) / (_sqrt2Pi * sigmaX);
            var inner = 0.5 * ErrorFunction.Difference((ym + chord) / (_sqrt2 * sigmaY), (ym - chord) / (_sqrt2 * sigmaY));
            return gaussian * inner * chord;
        }

        var breaks = new List<double> { -0.5 * Math.PI, 0.5 * Math.PI };
        foreach (var x in new[] { -FeatureSigmas * sigmaX, 0.0, FeatureSigmas * sigmaX })
        {
            var s = (x - xm) / radius;
            if (s > -1.0 && s < 1.0)
            {
                breaks.Add(Math.Asin(s));
            }
        }
        foreach (var y in new[] { ym - FeatureSigmas * sigmaY, ym, ym + FeatureSigmas * sigmaY })
        {
            var c = y / radius;
            if (c > 0.0 && c < 1.0)
            {
                var theta = Math.Acos(c);
                breaks.Add(theta);
                breaks.Add(-theta);
            }
        }
        breaks.Sort();
        var total = 0.0;
        for (var i = 1; i < breaks.Count; i++)
        {
            total += GaussLegendre.Integrate(Integrand, breaks[i - 1], breaks[i], RelativeTolerance);
        }
        return Math.Clamp(total, 0.0, 1.0);
    }
}

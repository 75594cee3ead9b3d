namespace NotificationExchange.Orbits.Encounters;

/// <summary>
/// erf and erfc to about 1e-15 relative (.NET has neither). erf below 2 from the series
/// erf(x) = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)), whose terms are all positive (no cancellation); erfc from 2
/// on from its continued fraction e^(−x²)/√π · 1/(x + ½/(x + 1/(x + 3/2/(x + …)))), so tails keep their relative
/// precision down to underflow (erfc(26) ≈ 6e-296).
/// </summary>
internal static class ErrorFunction
{
    private const double SeriesLimit = 2.0;
    private static readonly double _twoOverSqrtPi = 2.0 / Math.Sqrt(Math.PI);
    private static readonly double _oneOverSqrtPi = 1.0 / Math.Sqrt(Math.PI);

    public static double Erf(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }
        var ax = Math.Abs(x);
        var value = ax < SeriesLimit ? Series(ax) : 1.0 - ContinuedFraction(ax);
        return x < 0.0 ? -value : value;
    }

    public static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }
        if (x >= SeriesLimit)
        {
            return ContinuedFraction(x);
        }
        if (x <= -SeriesLimit)
        {
            return 2.0 - ContinuedFraction(-x);
        }
        return 1.0 - (x < 0.0 ? -Series(-x) : Series(x));
    }

    /// <summary>erf(a) − erf(b) for a ≥ b, from the form that does not cancel: both in one tail, through erfc.</summary>
    public static double Difference(double a, double b)
    {
        if (b >= 0.0)
        {
            return Erfc(b) - Erfc(a);
        }
        if (a <= 0.0)
        {
            return Erfc(-a) - Erfc(-b);
        }
        return Erf(a) + Erf(-b);
    }

    private static double Series(double x)
    {
        var term = x;
        var sum = x;
        var twoXSquared = 2.0 * x * x;
        for (var n = 1; n < 200; n++)
        {
            term *= twoXSquared / (2 * n + 1);
            sum += term;
            if (term < 1e-17 * sum)
            {
                break;
            }
        }
        return _twoOverSqrtPi * Math.Exp(-x * x) * sum;
    }

    /// <summary>erfc(x) for x ≥ 2 by the modified Lentz method on x + (1/2)/(x + (2/2)/(x + (3/2)/(x + …))).</summary>
    private static double ContinuedFraction(double x)
    {
        const double tiny = 1e-300;
        var f = x;
        var c = x;
        var d = 0.0;
        for (var k = 1; k < 500; k++)
        {
            var a = 0.5 * k;
            d = x + a * d;
            d = Math.Abs(d) < tiny ? 1.0 / tiny : 1.0 / d;
            c = x + a / c;
            if (Math.Abs(c) < tiny)
            {
                c = tiny;
            }
            var delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1.0) < 1e-16)
            {
                break;
            }
        }
        return _oneOverSqrtPi * Math.Exp(-x * x) / f;
    }
}

namespace NotificationExchange.Orbits.Propagation;

/// <summary>
/// <c>x % 2π</c> (the C library's fmod, sign of x) bit for bit, without fmod's slow exact-division loop: SGP4 takes
/// five such remainders per call and the library routine was a tenth of the screening time.
/// </summary>
internal static class TwoPiRemainder
{
    private const double TwoPi = 2.0 * Math.PI;

    /// <summary>Above this the quotient may be off by more than one and the remainder is left to fmod.</summary>
    private const double FastLimit = 1e12;

    public static double Of(double x)
    {
        if (!(Math.Abs(x) < FastLimit))
        {
            return x % TwoPi;
        }
        // With the right integer quotient q the exact remainder x - q·2π is representable (as fmod's always is),
        // so the fused multiply-add, rounding once, returns it exactly. The division may round q one off.
        var q = Math.Truncate(x / TwoPi);
        var r = Math.FusedMultiplyAdd(-q, TwoPi, x);
        if (x >= 0.0 ? r < 0.0 : r > 0.0)
        {
            q -= Math.Sign(x);
            r = Math.FusedMultiplyAdd(-q, TwoPi, x);
        }
        else if (Math.Abs(r) >= TwoPi)
        {
            q += Math.Sign(x);
            r = Math.FusedMultiplyAdd(-q, TwoPi, x);
        }
        // fmod keeps the sign of x on a zero remainder
        return r == 0.0 ? Math.CopySign(0.0, x) : r;
    }
}

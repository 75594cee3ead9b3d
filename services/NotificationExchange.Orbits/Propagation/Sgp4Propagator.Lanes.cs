using System.Runtime.Intrinsics;

namespace NotificationExchange.Orbits.Propagation;

/// <summary>
/// Near-Earth SGP4 on four lanes at once (four element sets, or one element set at four times), with the vector
/// sine and cosine, which cost a fraction of the scalar library's. The arithmetic is the scalar code's, operation for
/// operation; only the trigonometric functions (within an ulp of the scalar ones) and the argument of latitude (its
/// sine and cosine taken from the normalised (sin u, cos u) and a small-angle correction instead of atan2 and back)
/// differ, which moves a state by about 1e-11 km. Deep-space element sets are not laned: callers use the scalar path.
/// </summary>
public sealed partial class Sgp4Propagator
{
    /// <summary>The coefficients of four near-Earth element sets, lane by lane.</summary>
    internal struct Lanes
    {
        public Vector256<double> Mo, Mdot, Argpo, Argpdot, Nodeo, Nodedot, Nodecf, Cc1, BstarCc4, T2cof;
        public Vector256<double> Omgcof, Eta, Xmcof, Delmo, D2, D3, D4, BstarCc5, Sinmao, T3cof, T4cof, T5cof;
        public Vector256<double> No, Ecco, Inclo, SinInclo, CosInclo, Am0, Aycof, Xlcof, Con41, X1mth2, X7thm1;
    }

    /// <summary>Four near-Earth propagators side by side (the same one may fill several lanes).</summary>
    internal static Lanes ToLanes(Sgp4Propagator p0, Sgp4Propagator p1, Sgp4Propagator p2, Sgp4Propagator p3)
    {
        if (p0.IsDeepSpace || p1.IsDeepSpace || p2.IsDeepSpace || p3.IsDeepSpace)
        {
            throw new ArgumentException("deep-space element sets are propagated one by one", nameof(p0));
        }
        // the simplified-drag terms are zero where the scalar code skips them, which leaves its sums unchanged
        return new Lanes
        {
            Mo = Vector256.Create(p0._mo, p1._mo, p2._mo, p3._mo),
            Mdot = Vector256.Create(p0._mdot, p1._mdot, p2._mdot, p3._mdot),
            Argpo = Vector256.Create(p0._argpo, p1._argpo, p2._argpo, p3._argpo),
            Argpdot = Vector256.Create(p0._argpdot, p1._argpdot, p2._argpdot, p3._argpdot),
            Nodeo = Vector256.Create(p0._nodeo, p1._nodeo, p2._nodeo, p3._nodeo),
            Nodedot = Vector256.Create(p0._nodedot, p1._nodedot, p2._nodedot, p3._nodedot),
            Nodecf = Vector256.Create(p0._nodecf, p1._nodecf, p2._nodecf, p3._nodecf),
            Cc1 = Vector256.Create(p0._cc1, p1._cc1, p2._cc1, p3._cc1),
            BstarCc4 = Vector256.Create(p0._bstar * p0._cc4, p1._bstar * p1._cc4, p2._bstar * p2._cc4, p3._bstar * p3._cc4),
            T2cof = Vector256.Create(p0._t2cof, p1._t2cof, p2._t2cof, p3._t2cof),
            Omgcof = Vector256.Create(Drag(p0, p0._omgcof), Drag(p1, p1._omgcof), Drag(p2, p2._omgcof), Drag(p3, p3._omgcof)),
            Eta = Vector256.Create(p0._eta, p1._eta, p2._eta, p3._eta),
            Xmcof = Vector256.Create(Drag(p0, p0._xmcof), Drag(p1, p1._xmcof), Drag(p2, p2._xmcof), Drag(p3, p3._xmcof)),
            Delmo = Vector256.Create(p0._delmo, p1._delmo, p2._delmo, p3._delmo),
            D2 = Vector256.Create(Drag(p0, p0._d2), Drag(p1, p1._d2), Drag(p2, p2._d2), Drag(p3, p3._d2)),
            D3 = Vector256.Create(Drag(p0, p0._d3), Drag(p1, p1._d3), Drag(p2, p2._d3), Drag(p3, p3._d3)),
            D4 = Vector256.Create(Drag(p0, p0._d4), Drag(p1, p1._d4), Drag(p2, p2._d4), Drag(p3, p3._d4)),
            BstarCc5 = Vector256.Create(Drag(p0, p0._bstar * p0._cc5), Drag(p1, p1._bstar * p1._cc5), Drag(p2, p2._bstar * p2._cc5), Drag(p3, p3._bstar * p3._cc5)),
            Sinmao = Vector256.Create(p0._sinmao, p1._sinmao, p2._sinmao, p3._sinmao),
            T3cof = Vector256.Create(Drag(p0, p0._t3cof), Drag(p1, p1._t3cof), Drag(p2, p2._t3cof), Drag(p3, p3._t3cof)),
            T4cof = Vector256.Create(Drag(p0, p0._t4cof), Drag(p1, p1._t4cof), Drag(p2, p2._t4cof), Drag(p3, p3._t4cof)),
            T5cof = Vector256.Create(Drag(p0, p0._t5cof), Drag(p1, p1._t5cof), Drag(p2, p2._t5cof), Drag(p3, p3._t5cof)),
            No = Vector256.Create(p0._no, p1._no, p2._no, p3._no),
            Ecco = Vector256.Create(p0._ecco, p1._ecco, p2._ecco, p3._ecco),
            Inclo = Vector256.Create(p0._inclo, p1._inclo, p2._inclo, p3._inclo),
            SinInclo = Vector256.Create(p0._sinInclo, p1._sinInclo, p2._sinInclo, p3._sinInclo),
            CosInclo = Vector256.Create(p0._cosInclo, p1._cosInclo, p2._cosInclo, p3._cosInclo),
            Am0 = Vector256.Create(p0._semiMajorAxisUnperturbed, p1._semiMajorAxisUnperturbed, p2._semiMajorAxisUnperturbed, p3._semiMajorAxisUnperturbed),
            Aycof = Vector256.Create(p0._aycof, p1._aycof, p2._aycof, p3._aycof),
            Xlcof = Vector256.Create(p0._xlcof, p1._xlcof, p2._xlcof, p3._xlcof),
            Con41 = Vector256.Create(p0._con41, p1._con41, p2._con41, p3._con41),
            X1mth2 = Vector256.Create(p0._x1mth2, p1._x1mth2, p2._x1mth2, p3._x1mth2),
            X7thm1 = Vector256.Create(p0._x7thm1, p1._x7thm1, p2._x7thm1, p3._x7thm1),
        };
    }

    private static double Drag(Sgp4Propagator p, double value) => p._simplifiedDrag ? 0.0 : value;

    /// <summary>States of four lanes at their times since epoch (minutes): TEME km and km/s, and the error codes
    /// (as <see cref="Sgp4Error"/> values; a failed lane's state is meaningless).</summary>
    internal static void Propagate(
        in Lanes c, Vector256<double> t, out Vector256<double> x, out Vector256<double> y, out Vector256<double> z,
        out Vector256<double> vx, out Vector256<double> vy, out Vector256<double> vz, out Vector256<long> errors) =>
        Propagate<WholeLaneTrigonometry>(c, t, out x, out y, out z, out vx, out vy, out vz, out errors);

    /// <summary>
    /// The same for two pairs of lanes (0-1 and 2-3) that are each what <see cref="Propagate(in Lanes, Vector256{double}, out Vector256{double}, out Vector256{double}, out Vector256{double}, out Vector256{double}, out Vector256{double}, out Vector256{double}, out Vector256{long})"/>
    /// gives with that pair in lanes 0-1 and again in 2-3, bit for bit: nothing one pair holds changes the other's
    /// results (<see cref="HalfLaneTrigonometry"/>).
    /// </summary>
    internal static void PropagateTwoPairs(
        in Lanes c, Vector256<double> t, out Vector256<double> x, out Vector256<double> y, out Vector256<double> z,
        out Vector256<double> vx, out Vector256<double> vy, out Vector256<double> vz, out Vector256<long> errors) =>
        Propagate<HalfLaneTrigonometry>(c, t, out x, out y, out z, out vx, out vy, out vz, out errors);

    private static void Propagate<TTrigonometry>(
        in Lanes c, Vector256<double> t, out Vector256<double> x, out Vector256<double> y, out Vector256<double> z,
        out Vector256<double> vx, out Vector256<double> vy, out Vector256<double> vz, out Vector256<long> errors)
        where TTrigonometry : struct, ILaneTrigonometry
    {
        var one = Vector256<double>.One;

        // secular gravity and drag (MeanElementsAt, near-Earth)
        var xmdf = c.Mo + c.Mdot * t;
        var argpdf = c.Argpo + c.Argpdot * t;
        var nodedf = c.Nodeo + c.Nodedot * t;
        var t2 = t * t;
        var nodem = nodedf + c.Nodecf * t2;
        var tempa = one - c.Cc1 * t;
        var tempe = c.BstarCc4 * t;
        var templ = c.T2cof * t2;
        var delomg = c.Omgcof * t;
        var delmRoot = one + c.Eta * TTrigonometry.Cos(xmdf);
        var delm = c.Xmcof * (delmRoot * delmRoot * delmRoot - c.Delmo);
        var temp = delomg + delm;
        var mm = xmdf + temp;
        var argpm = argpdf - temp;
        var t3 = t2 * t;
        var t4 = t3 * t;
        tempa = tempa - c.D2 * t2 - c.D3 * t3 - c.D4 * t4;
        tempe += c.BstarCc5 * (TTrigonometry.Sin(mm) - c.Sinmao);
        templ = templ + c.T3cof * t3 + t4 * (c.T4cof + t * c.T5cof);

        var nonPositiveMeanMotion = Vector256.LessThanOrEqual(c.No, Vector256<double>.Zero);
        var am = c.Am0 * tempa * tempa;
        var nm = Vector256.Create(Xke) / (am * Vector256.Sqrt(am));
        var em = c.Ecco - tempe;
        var eccentricityOutOfRange = Vector256.GreaterThanOrEqual(em, one) | Vector256.LessThan(em, Vector256.Create(-0.001));
        em = Vector256.ConditionalSelect(Vector256.LessThan(em, Vector256.Create(1.0e-6)), Vector256.Create(1.0e-6), em);
        mm += c.No * templ;
        var xlm = mm + argpm + nodem;
        nodem = RemainderTwoPi(nodem);
        argpm = RemainderTwoPi(argpm);
        xlm = RemainderTwoPi(xlm);
        mm = RemainderTwoPi(xlm - argpm - nodem);

        // short-period terms (ShortPeriodicState, near-Earth)
        var ep = em;
        var argpp = argpm;
        var nodep = nodem;
        var (sinArgp, cosArgp) = TTrigonometry.SinCos(argpp);
        var axnl = ep * cosArgp;
        temp = one / (am * (one - ep * ep));
        var aynl = ep * sinArgp + temp * c.Aycof;
        var xl = mm + argpp + nodep + temp * c.Xlcof * axnl;

        var u = RemainderTwoPi(xl - nodep);
        var eo1 = u;
        var tem5 = Vector256.Create(9999.9);
        var sineo1 = Vector256<double>.Zero;
        var coseo1 = Vector256<double>.Zero;
        var active = Vector256<double>.AllBitsSet;
        var limit = Vector256.Create(0.95);
        for (var iteration = 1; iteration <= 10; iteration++)
        {
            active &= Vector256.GreaterThanOrEqual(Vector256.Abs(tem5), Vector256.Create(1.0e-12));
            if (active == Vector256<double>.Zero)
            {
                break;
            }
            var (s, co) = TTrigonometry.SinCos(eo1);
            sineo1 = Vector256.ConditionalSelect(active, s, sineo1);
            coseo1 = Vector256.ConditionalSelect(active, co, coseo1);
            var step = one - coseo1 * axnl - sineo1 * aynl;
            step = (u - aynl * coseo1 + axnl * sineo1 - eo1) / step;
            var clamped = Vector256.ConditionalSelect(Vector256.GreaterThan(step, Vector256<double>.Zero), limit, -limit);
            step = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(Vector256.Abs(step), limit), clamped, step);
            tem5 = Vector256.ConditionalSelect(active, step, tem5);
            eo1 = Vector256.ConditionalSelect(active, eo1 + step, eo1);
        }

        var ecose = axnl * coseo1 + aynl * sineo1;
        var esine = axnl * sineo1 - aynl * coseo1;
        var el2 = axnl * axnl + aynl * aynl;
        var pl = am * (one - el2);
        var negativeSemiLatus = Vector256.LessThan(pl, Vector256<double>.Zero);
        var rl = am * (one - ecose);
        var rdotl = Vector256.Sqrt(am) * esine / rl;
        var rvdotl = Vector256.Sqrt(pl) / rl;
        var betal = Vector256.Sqrt(one - el2);
        temp = esine / (one + betal);
        var sinu = am / rl * (sineo1 - aynl - axnl * temp);
        var cosu = am / rl * (coseo1 - axnl + aynl * temp);
        var sin2u = (cosu + cosu) * sinu;
        var cos2u = one - Vector256.Create(2.0) * sinu * sinu;
        temp = one / pl;
        var temp1 = Vector256.Create(0.5 * J2) * temp;
        var temp2 = temp1 * temp;

        var mrt = rl * (one - Vector256.Create(1.5) * temp2 * betal * c.Con41) + Vector256.Create(0.5) * temp1 * c.X1mth2 * cos2u;
        // su = atan2(sinu, cosu) - delta; its sine and cosine from the normalised pair and those of delta
        var delta = Vector256.Create(0.25) * temp2 * c.X7thm1 * sin2u;
        var norm = Vector256.Sqrt(sinu * sinu + cosu * cosu);
        var sinAlpha = sinu / norm;
        var cosAlpha = cosu / norm;
        var (sinDelta, cosDelta) = TTrigonometry.SinCos(delta);
        var sinsu = sinAlpha * cosDelta - cosAlpha * sinDelta;
        var cossu = cosAlpha * cosDelta + sinAlpha * sinDelta;
        var xnode = nodep + Vector256.Create(1.5) * temp2 * c.CosInclo * sin2u;
        var xinc = c.Inclo + Vector256.Create(1.5) * temp2 * c.CosInclo * c.SinInclo * cos2u;
        var xkeVector = Vector256.Create(Xke);
        var mvt = rdotl - nm * temp1 * c.X1mth2 * sin2u / xkeVector;
        var rvdot = rvdotl + nm * temp1 * (c.X1mth2 * cos2u + Vector256.Create(1.5) * c.Con41) / xkeVector;

        var (snod, cnod) = TTrigonometry.SinCos(xnode);
        var (sini, cosi) = TTrigonometry.SinCos(xinc);
        var xmx = -snod * cosi;
        var xmy = cnod * cosi;
        var ux = xmx * sinsu + cnod * cossu;
        var uy = xmy * sinsu + snod * cossu;
        var uz = sini * sinsu;
        var vxUnit = xmx * cossu - cnod * sinsu;
        var vyUnit = xmy * cossu - snod * sinsu;
        var vzUnit = sini * cossu;

        var radius = mrt * Vector256.Create(EarthRadiusKm);
        x = radius * ux;
        y = radius * uy;
        z = radius * uz;
        var velocityUnit = Vector256.Create(_velocityKmPerSPerUnit);
        vx = (mvt * ux + rvdot * vxUnit) * velocityUnit;
        vy = (mvt * uy + rvdot * vyUnit) * velocityUnit;
        vz = (mvt * uz + rvdot * vzUnit) * velocityUnit;

        // the scalar code's order: mean motion, eccentricity, semi-latus rectum, decay
        var decayed = Vector256.LessThan(mrt, one);
        var codes = Vector256.ConditionalSelect(decayed.AsInt64(), Vector256.Create((long)Sgp4Error.Decayed), Vector256<long>.Zero);
        codes = Vector256.ConditionalSelect(negativeSemiLatus.AsInt64(), Vector256.Create((long)Sgp4Error.NegativeSemiLatusRectum), codes);
        codes = Vector256.ConditionalSelect(eccentricityOutOfRange.AsInt64(), Vector256.Create((long)Sgp4Error.MeanEccentricityOutOfRange), codes);
        errors = Vector256.ConditionalSelect(nonPositiveMeanMotion.AsInt64(), Vector256.Create((long)Sgp4Error.NonPositiveMeanMotion), codes);
    }

    /// <summary>The same, written out: component c (x, y, z, vx, vy, vz) of lane j at states[4c + j], its code at codes[j].</summary>
    internal static void Propagate(in Lanes c, Vector256<double> t, Span<double> states, Span<long> codes)
    {
        Propagate(c, t, out var x, out var y, out var z, out var vx, out var vy, out var vz, out var errors);
        x.CopyTo(states);
        y.CopyTo(states[4..]);
        z.CopyTo(states[8..]);
        vx.CopyTo(states[12..]);
        vy.CopyTo(states[16..]);
        vz.CopyTo(states[20..]);
        errors.CopyTo(codes);
    }

    /// <summary><see cref="TwoPiRemainder.Of"/> on four lanes: fmod's result bit for bit.</summary>
    internal static Vector256<double> RemainderTwoPi(Vector256<double> x)
    {
        var twoPi = Vector256.Create(TwoPi);
        var q = Vector256.Truncate(x / twoPi);
        var r = Vector256.FusedMultiplyAdd(-q, twoPi, x);
        var zero = Vector256<double>.Zero;
        var nonNegative = Vector256.GreaterThanOrEqual(x, zero);
        var sign = Vector256.ConditionalSelect(nonNegative, Vector256<double>.One, -Vector256<double>.One);
        var roundedUp = (nonNegative & Vector256.LessThan(r, zero)) | (~nonNegative & Vector256.GreaterThan(r, zero));
        var roundedDown = ~roundedUp & Vector256.GreaterThanOrEqual(Vector256.Abs(r), twoPi);
        q = q - (sign & roundedUp) + (sign & roundedDown);
        r = Vector256.FusedMultiplyAdd(-q, twoPi, x);
        // fmod keeps the sign of x on a zero remainder
        r = Vector256.ConditionalSelect(Vector256.Equals(r, zero), x & Vector256.Create(-0.0), r);
        if (!Vector256.LessThanAll(Vector256.Abs(x), Vector256.Create(1e12)))
        {
            // huge or not-a-number lanes: the library, lane by lane
            r = Vector256.Create(x[0] % TwoPi, x[1] % TwoPi, x[2] % TwoPi, x[3] % TwoPi);
        }
        return r;
    }
}

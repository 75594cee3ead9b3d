using NotificationExchange.Orbits.Geometry;

namespace NotificationExchange.Orbits.Propagation;

/// <summary>
/// SGP4/SDP4 as revised by Vallado, Crawford, Hujsak and Kelso (AIAA 2006-6753), WGS-72 constants, "improved"
/// operation mode (sidereal time from the epoch's Julian date). Near-Earth orbits (period under 225 minutes) use SGP4;
/// deep-space orbits add the lunar-solar terms and the 12 h and 24 h resonances of SDP4. Output is in TEME.
/// <para>
/// The propagator's results depend on nothing but the time, so one propagator can be used from many threads and at
/// times in any order. The deep-space resonance integrator's steps are always ±720 min from the epoch, so its states
/// at those steps are tabled (grown 64 steps at a time, the only allocation) and each call goes on from the last step
/// before its time: the same numbers as Vallado's cached integrator and as integrating from the epoch every time.
/// </para>
/// Symbol names follow the published code (cc1, eta, xlcof, ...) so that a reader can follow the theory in the paper.
/// </summary>
public sealed partial class Sgp4Propagator
{
    public const double EarthRadiusKm = 6378.135;
    public const double MuKm3PerS2 = 398600.8;
    public const double J2 = 0.001082616;
    public const double J3 = -0.00000253881;
    public const double J4 = -0.00000165597;
    private const double J3OverJ2 = J3 / J2;
    private const double TwoPi = 2.0 * Math.PI;
    private const double TwoThirds = 2.0 / 3.0;
    private const double DegToRad = Math.PI / 180.0;

    /// <summary>sqrt(mu) in Earth radii^1.5 per minute.</summary>
    public static readonly double Xke = 60.0 / Math.Sqrt(EarthRadiusKm * EarthRadiusKm * EarthRadiusKm / MuKm3PerS2);

    private static readonly double _velocityKmPerSPerUnit = EarthRadiusKm * Xke / 60.0;

    // elements at epoch (radians, radians per minute)
    private readonly double _bstar;
    private readonly double _ecco;
    private readonly double _argpo;
    private readonly double _inclo;
    private readonly double _mo;
    private readonly double _no;
    private readonly double _nodeo;

    // near-Earth coefficients
    private readonly bool _simplifiedDrag;
    private readonly double _aycof;
    private readonly double _con41;
    private readonly double _cc1;
    private readonly double _cc4;
    private readonly double _cc5;
    private readonly double _d2;
    private readonly double _d3;
    private readonly double _d4;
    private readonly double _delmo;
    private readonly double _eta;
    private readonly double _argpdot;
    private readonly double _omgcof;
    private readonly double _sinmao;
    private readonly double _t2cof;
    private readonly double _t3cof;
    private readonly double _t4cof;
    private readonly double _t5cof;
    private readonly double _x1mth2;
    private readonly double _x7thm1;
    private readonly double _mdot;
    private readonly double _nodedot;
    private readonly double _xlcof;
    private readonly double _xmcof;
    private readonly double _nodecf;

    // sine and cosine of the epoch inclination, for the vector kernel (near-Earth inclination does not change)
    private readonly double _sinInclo;
    private readonly double _cosInclo;

    /// <summary>(xke / no)^(2/3): the mean semi-major axis before drag, in Earth radii.</summary>
    private readonly double _semiMajorAxisUnperturbed;

    private readonly DeepSpaceTerms? _deep;

    public Sgp4Propagator(Sgp4Elements elements)
    {
        Elements = elements;
        // Summed at Julian-date magnitude first, as the reference does: that rounding (up to 2e-10 day) moves the
        // lunar-solar terms enough to matter for very eccentric deep-space orbits at the 2e-7 km level.
        var epochDaysSince1950 = elements.EpochJulianDateWhole + elements.EpochJulianDateFraction - Time.JulianDate.Sgp4EpochOrigin;

        _bstar = elements.BStar;
        _ecco = elements.Eccentricity;
        _argpo = elements.ArgOfPerigeeDeg * DegToRad;
        _inclo = elements.InclinationDeg * DegToRad;
        _mo = elements.MeanAnomalyDeg * DegToRad;
        (_sinInclo, _cosInclo) = Math.SinCos(_inclo);
        _nodeo = elements.RaanDeg * DegToRad;
        var noKozai = elements.MeanMotionRevPerDay * TwoPi / 1440.0;

        const double ss = 78.0 / EarthRadiusKm + 1.0;
        const double qzms2tRoot = (120.0 - 78.0) / EarthRadiusKm;
        var qzms2t = qzms2tRoot * qzms2tRoot * qzms2tRoot * qzms2tRoot;

        // initl: recover the Brouwer mean motion from the Kozai one
        var eccsq = _ecco * _ecco;
        var omeosq = 1.0 - eccsq;
        var rteosq = Math.Sqrt(omeosq);
        var cosio = Math.Cos(_inclo);
        var cosio2 = cosio * cosio;
        var ak = Math.Pow(Xke / noKozai, TwoThirds);
        var d1 = 0.75 * J2 * (3.0 * cosio2 - 1.0) / (rteosq * omeosq);
        var del = d1 / (ak * ak);
        var adel = ak * (1.0 - del * del - del * (1.0 / 3.0 + 134.0 * del * del / 81.0));
        del = d1 / (adel * adel);
        _no = noKozai / (1.0 + del);

        var ao = Math.Pow(Xke / _no, TwoThirds);
        var sinio = Math.Sin(_inclo);
        var po = ao * omeosq;
        var con42 = 1.0 - 5.0 * cosio2;
        _con41 = -con42 - cosio2 - cosio2;
        var posq = po * po;
        var rp = ao * (1.0 - _ecco);
        GreenwichSiderealTimeAtEpoch = Frames.EarthRotation.GreenwichMeanSiderealTime(epochDaysSince1950 + Time.JulianDate.Sgp4EpochOrigin);
        _semiMajorAxisUnperturbed = ao;

        _simplifiedDrag = rp < 220.0 / EarthRadiusKm + 1.0;
        var sfour = ss;
        var qzms24 = qzms2t;
        var perigeeKm = (rp - 1.0) * EarthRadiusKm;
        // below 156 km perigee the atmosphere parameters s and q0 are altered
        if (perigeeKm < 156.0)
        {
            sfour = perigeeKm - 78.0;
            if (perigeeKm < 98.0)
            {
                sfour = 20.0;
            }
            var qzms24Root = (120.0 - sfour) / EarthRadiusKm;
            qzms24 = qzms24Root * qzms24Root * qzms24Root * qzms24Root;
            sfour = sfour / EarthRadiusKm + 1.0;
        }
        var pinvsq = 1.0 / posq;
        var tsi = 1.0 / (ao - sfour);
        _eta = ao * _ecco * tsi;
        var etasq = _eta * _eta;
        var eeta = _ecco * _eta;
        var psisq = Math.Abs(1.0 - etasq);
        var coef = qzms24 * Math.Pow(tsi, 4.0);
        var coef1 = coef / Math.Pow(psisq, 3.5);
        var cc2 = coef1 * _no * (ao * (1.0 + 1.5 * etasq + eeta * (4.0 + etasq))
            + 0.375 * J2 * tsi / psisq * _con41 * (8.0 + 3.0 * etasq * (8.0 + etasq)));
        _cc1 = _bstar * cc2;
        var cc3 = 0.0;
        if (_ecco > 1.0e-4)
        {
            cc3 = -2.0 * coef * tsi * J3OverJ2 * _no * sinio / _ecco;
        }
        _x1mth2 = 1.0 - cosio2;
        _cc4 = 2.0 * _no * coef1 * ao * omeosq * (_eta * (2.0 + 0.5 * etasq) + _ecco * (0.5 + 2.0 * etasq)
            - J2 * tsi / (ao * psisq) * (-3.0 * _con41 * (1.0 - 2.0 * eeta + etasq * (1.5 - 0.5 * eeta))
                + 0.75 * _x1mth2 * (2.0 * etasq - eeta * (1.0 + etasq)) * Math.Cos(2.0 * _argpo)));
        _cc5 = 2.0 * coef1 * ao * omeosq * (1.0 + 2.75 * (etasq + eeta) + eeta * etasq);
        var cosio4 = cosio2 * cosio2;
        var temp1 = 1.5 * J2 * pinvsq * _no;
        var temp2 = 0.5 * temp1 * J2 * pinvsq;
        var temp3 = -0.46875 * J4 * pinvsq * pinvsq * _no;
        _mdot = _no + 0.5 * temp1 * rteosq * _con41 + 0.0625 * temp2 * rteosq * (13.0 - 78.0 * cosio2 + 137.0 * cosio4);
        _argpdot = -0.5 * temp1 * con42 + 0.0625 * temp2 * (7.0 - 114.0 * cosio2 + 395.0 * cosio4)
            + temp3 * (3.0 - 36.0 * cosio2 + 49.0 * cosio4);
        var xhdot1 = -temp1 * cosio;
        _nodedot = xhdot1 + (0.5 * temp2 * (4.0 - 19.0 * cosio2) + 2.0 * temp3 * (3.0 - 7.0 * cosio2)) * cosio;
        var xpidot = _argpdot + _nodedot;
        _omgcof = _bstar * cc3 * Math.Cos(_argpo);
        _xmcof = 0.0;
        if (_ecco > 1.0e-4)
        {
            _xmcof = -TwoThirds * coef * _bstar / eeta;
        }
        _nodecf = 3.5 * omeosq * xhdot1 * _cc1;
        _t2cof = 1.5 * _cc1;
        // guard the division for an inclination of 180 degrees
        _xlcof = Math.Abs(cosio + 1.0) > 1.5e-12
            ? -0.25 * J3OverJ2 * sinio * (3.0 + 5.0 * cosio) / (1.0 + cosio)
            : -0.25 * J3OverJ2 * sinio * (3.0 + 5.0 * cosio) / 1.5e-12;
        _aycof = -0.5 * J3OverJ2 * sinio;
        var delmoRoot = 1.0 + _eta * Math.Cos(_mo);
        _delmo = delmoRoot * delmoRoot * delmoRoot;
        _sinmao = Math.Sin(_mo);
        _x7thm1 = 7.0 * cosio2 - 1.0;

        if (TwoPi / _no >= 225.0)
        {
            _simplifiedDrag = true;
            _deep = new DeepSpaceTerms(
                epochDaysSince1950, _ecco, _argpo, _inclo, _nodeo, _mo, _no, eccsq, _mdot, _nodedot, xpidot,
                GreenwichSiderealTimeAtEpoch);
        }

        if (!_simplifiedDrag)
        {
            var cc1sq = _cc1 * _cc1;
            _d2 = 4.0 * ao * tsi * cc1sq;
            var temp = _d2 * tsi * _cc1 / 3.0;
            _d3 = (17.0 * ao + sfour) * temp;
            _d4 = 0.5 * temp * ao * tsi * (221.0 * ao + 31.0 * sfour) * _cc1;
            _t3cof = _d2 + 2.0 * cc1sq;
            _t4cof = 0.25 * (3.0 * _d3 + _cc1 * (12.0 * _d2 + 10.0 * cc1sq));
            _t5cof = 0.2 * (3.0 * _d4 + 12.0 * _cc1 * _d3 + 6.0 * _d2 * _d2 + 15.0 * cc1sq * (2.0 * _d2 + cc1sq));
        }
    }

    public Sgp4Elements Elements { get; }

    /// <summary>True for SDP4 (period of 225 minutes or more).</summary>
    public bool IsDeepSpace => _deep is not null;

    /// <summary>Greenwich mean sidereal time at the epoch, radians.</summary>
    public double GreenwichSiderealTimeAtEpoch { get; }

    /// <summary>Brouwer (un-Kozai'd) mean motion, radians per minute.</summary>
    public double BrouwerMeanMotionRadPerMin => _no;

    /// <summary>Mean semi-major axis at epoch, km.</summary>
    public double SemiMajorAxisKm => _semiMajorAxisUnperturbed * EarthRadiusKm;

    /// <summary>Orbital period from the Brouwer mean motion, minutes.</summary>
    public double PeriodMinutes => TwoPi / _no;

    /// <summary>
    /// Whether the mean eccentricity can leave [−0.001, 1) (error 1) between two times since epoch (minutes); null for
    /// SDP4, whose lunar-solar secular terms move it too. For SGP4 the drag terms of <see cref="MeanElementsAt"/> make it
    /// e₀ − B·C4·t − B·C5·(sin M − sin M₀): linear in t plus a swing with the mean anomaly of at most 2|B·C5|, so an
    /// orbit can fail for part of each revolution and work again, which samples hours apart do not see.
    /// </summary>
    internal bool? MeanEccentricityMayLeaveRange(double fromMinutes, double toMinutes)
    {
        if (_deep is not null)
        {
            return null;
        }
        var swing = _simplifiedDrag ? 0.0 : 2.0 * Math.Abs(_bstar * _cc5);
        var atFrom = _ecco - _bstar * _cc4 * fromMinutes;
        var atTo = _ecco - _bstar * _cc4 * toMinutes;
        return Math.Min(atFrom, atTo) - swing < -0.001 || Math.Max(atFrom, atTo) + swing >= 1.0;
    }

    /// <summary>Position (km) and velocity (km/s) in TEME at a time since epoch; returns the SGP4 error code.</summary>
    public Sgp4Error Propagate(double minutesSinceEpoch, out StateVector state)
    {
        var error = MeanElementsAt(minutesSinceEpoch, out var mean);
        if (error != Sgp4Error.None)
        {
            state = default;
            return error;
        }
        return ShortPeriodicState(in mean, out state);
    }

    /// <summary>
    /// The secular and long-period (lunar-solar) mean elements at a time since epoch, before the short-period terms:
    /// what the screening filters use to bound where an orbit can be.
    /// </summary>
    public Sgp4Error MeanElementsAt(double minutesSinceEpoch, out Sgp4MeanState mean)
    {
        var t = minutesSinceEpoch;
        var xmdf = _mo + _mdot * t;
        var argpdf = _argpo + _argpdot * t;
        var nodedf = _nodeo + _nodedot * t;
        var argpm = argpdf;
        var mm = xmdf;
        var t2 = t * t;
        var nodem = nodedf + _nodecf * t2;
        var tempa = 1.0 - _cc1 * t;
        var tempe = _bstar * _cc4 * t;
        var templ = _t2cof * t2;

        if (!_simplifiedDrag)
        {
            var delomg = _omgcof * t;
            var delmRoot = 1.0 + _eta * Math.Cos(xmdf);
            var delm = _xmcof * (delmRoot * delmRoot * delmRoot - _delmo);
            var temp = delomg + delm;
            mm = xmdf + temp;
            argpm = argpdf - temp;
            var t3 = t2 * t;
            var t4 = t3 * t;
            tempa = tempa - _d2 * t2 - _d3 * t3 - _d4 * t4;
            tempe += _bstar * _cc5 * (Math.Sin(mm) - _sinmao);
            templ = templ + _t3cof * t3 + t4 * (_t4cof + t * _t5cof);
        }

        var nm = _no;
        var em = _ecco;
        var inclm = _inclo;
        var am0 = _semiMajorAxisUnperturbed;
        if (_deep is not null)
        {
            _deep.SecularAndResonance(t, _argpo, _argpdot, _no, ref em, ref argpm, ref inclm, ref mm, ref nodem, ref nm);
            if (nm <= 0.0)
            {
                mean = default;
                return Sgp4Error.NonPositiveMeanMotion;
            }
            am0 = Math.Pow(Xke / nm, TwoThirds);
        }
        else if (nm <= 0.0)
        {
            mean = default;
            return Sgp4Error.NonPositiveMeanMotion;
        }

        var am = am0 * tempa * tempa;
        nm = Xke / (am * Math.Sqrt(am));
        em -= tempe;
        if (em >= 1.0 || em < -0.001)
        {
            mean = default;
            return Sgp4Error.MeanEccentricityOutOfRange;
        }
        // avoid a divide by zero below
        if (em < 1.0e-6)
        {
            em = 1.0e-6;
        }
        mm += _no * templ;
        var xlm = mm + argpm + nodem;

        nodem = TwoPiRemainder.Of(nodem);
        argpm = TwoPiRemainder.Of(argpm);
        xlm = TwoPiRemainder.Of(xlm);
        mm = TwoPiRemainder.Of(xlm - argpm - nodem);

        var ep = em;
        var xincp = inclm;
        var argpp = argpm;
        var nodep = nodem;
        var mp = mm;
        if (_deep is not null)
        {
            _deep.LunarSolarPeriodics(t, ref ep, ref xincp, ref nodep, ref argpp, ref mp);
            if (xincp < 0.0)
            {
                xincp = -xincp;
                nodep += Math.PI;
                argpp -= Math.PI;
            }
            if (ep < 0.0 || ep > 1.0)
            {
                mean = default;
                return Sgp4Error.PerturbedEccentricityOutOfRange;
            }
        }
        mean = new Sgp4MeanState(am, nm, ep, xincp, nodep, argpp, mp);
        return Sgp4Error.None;
    }

    private Sgp4Error ShortPeriodicState(in Sgp4MeanState mean, out StateVector state)
    {
        var am = mean.SemiMajorAxisEarthRadii;
        var nm = mean.MeanMotionRadPerMin;
        var ep = mean.Eccentricity;
        var argpp = mean.ArgOfPerigeeRad;
        var nodep = mean.RaanRad;
        var xincp = mean.InclinationRad;
        var (sinip, cosip) = Math.SinCos(xincp);

        double aycof, xlcof, con41, x1mth2, x7thm1;
        if (_deep is not null)
        {
            // the long-period coefficients follow the perturbed inclination in deep space
            aycof = -0.5 * J3OverJ2 * sinip;
            xlcof = Math.Abs(cosip + 1.0) > 1.5e-12
                ? -0.25 * J3OverJ2 * sinip * (3.0 + 5.0 * cosip) / (1.0 + cosip)
                : -0.25 * J3OverJ2 * sinip * (3.0 + 5.0 * cosip) / 1.5e-12;
            var cosisq = cosip * cosip;
            con41 = 3.0 * cosisq - 1.0;
            x1mth2 = 1.0 - cosisq;
            x7thm1 = 7.0 * cosisq - 1.0;
        }
        else
        {
            aycof = _aycof;
            xlcof = _xlcof;
            con41 = _con41;
            x1mth2 = _x1mth2;
            x7thm1 = _x7thm1;
        }

        var (sinArgp, cosArgp) = Math.SinCos(argpp);
        var axnl = ep * cosArgp;
        var temp = 1.0 / (am * (1.0 - ep * ep));
        var aynl = ep * sinArgp + temp * aycof;
        var xl = mean.MeanAnomalyRad + argpp + nodep + temp * xlcof * axnl;

        // Kepler's equation in the equinoctial form, with the step limited to 0.95 rad
        var u = TwoPiRemainder.Of(xl - nodep);
        var eo1 = u;
        var tem5 = 9999.9;
        var iteration = 1;
        double sineo1 = 0.0, coseo1 = 0.0;
        while (Math.Abs(tem5) >= 1.0e-12 && iteration <= 10)
        {
            (sineo1, coseo1) = Math.SinCos(eo1);
            tem5 = 1.0 - coseo1 * axnl - sineo1 * aynl;
            tem5 = (u - aynl * coseo1 + axnl * sineo1 - eo1) / tem5;
            if (Math.Abs(tem5) >= 0.95)
            {
                tem5 = tem5 > 0.0 ? 0.95 : -0.95;
            }
            eo1 += tem5;
            iteration++;
        }

        var ecose = axnl * coseo1 + aynl * sineo1;
        var esine = axnl * sineo1 - aynl * coseo1;
        var el2 = axnl * axnl + aynl * aynl;
        var pl = am * (1.0 - el2);
        if (pl < 0.0)
        {
            state = default;
            return Sgp4Error.NegativeSemiLatusRectum;
        }

        var rl = am * (1.0 - ecose);
        var rdotl = Math.Sqrt(am) * esine / rl;
        var rvdotl = Math.Sqrt(pl) / rl;
        var betal = Math.Sqrt(1.0 - el2);
        temp = esine / (1.0 + betal);
        var sinu = am / rl * (sineo1 - aynl - axnl * temp);
        var cosu = am / rl * (coseo1 - axnl + aynl * temp);
        var su = Math.Atan2(sinu, cosu);
        var sin2u = (cosu + cosu) * sinu;
        var cos2u = 1.0 - 2.0 * sinu * sinu;
        temp = 1.0 / pl;
        var temp1 = 0.5 * J2 * temp;
        var temp2 = temp1 * temp;

        var mrt = rl * (1.0 - 1.5 * temp2 * betal * con41) + 0.5 * temp1 * x1mth2 * cos2u;
        su -= 0.25 * temp2 * x7thm1 * sin2u;
        var xnode = nodep + 1.5 * temp2 * cosip * sin2u;
        var xinc = xincp + 1.5 * temp2 * cosip * sinip * cos2u;
        var mvt = rdotl - nm * temp1 * x1mth2 * sin2u / Xke;
        var rvdot = rvdotl + nm * temp1 * (x1mth2 * cos2u + 1.5 * con41) / Xke;

        var (sinsu, cossu) = Math.SinCos(su);
        var (snod, cnod) = Math.SinCos(xnode);
        var (sini, cosi) = Math.SinCos(xinc);
        var xmx = -snod * cosi;
        var xmy = cnod * cosi;
        var ux = xmx * sinsu + cnod * cossu;
        var uy = xmy * sinsu + snod * cossu;
        var uz = sini * sinsu;
        var vx = xmx * cossu - cnod * sinsu;
        var vy = xmy * cossu - snod * sinsu;
        var vz = sini * cossu;

        var radius = mrt * EarthRadiusKm;
        state = new StateVector(
            new Vector3d(radius * ux, radius * uy, radius * uz),
            new Vector3d(
                (mvt * ux + rvdot * vx) * _velocityKmPerSPerUnit,
                (mvt * uy + rvdot * vy) * _velocityKmPerSPerUnit,
                (mvt * uz + rvdot * vz) * _velocityKmPerSPerUnit));
        // the state is computed before the decay check, as in the reference, but not handed out
        return mrt < 1.0 ? Sgp4Error.Decayed : Sgp4Error.None;
    }
}

/// <summary>SGP4's mean elements at a time (Earth radii, radians, radians per minute), after the deep-space periodics.</summary>
public readonly record struct Sgp4MeanState(
    double SemiMajorAxisEarthRadii,
    double MeanMotionRadPerMin,
    double Eccentricity,
    double InclinationRad,
    double RaanRad,
    double ArgOfPerigeeRad,
    double MeanAnomalyRad);

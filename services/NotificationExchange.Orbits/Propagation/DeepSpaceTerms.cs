namespace NotificationExchange.Orbits.Propagation;

/// <summary>
/// SDP4's deep-space part (Vallado's dscom, dsinit, dspace and dpper): lunar and solar secular rates and long-period
/// periodics, and the geopotential resonance of 12 h and 24 h orbits. The resonance integrator always steps 720 min
/// at a time from the epoch, so its states at those steps are tabled once and every call starts from the last step
/// before its time: the same numbers as integrating from the epoch each time, at the cost of one step.
/// </summary>
internal sealed class DeepSpaceTerms
{
    private const double TwoPi = 2.0 * Math.PI;
    private const double EarthRotationRadPerMin = 4.37526908801129966e-3;
    private const double SolarMeanMotion = 1.19459e-5;
    private const double SolarEccentricity = 0.01675;
    private const double LunarMeanMotion = 1.5835218e-4;
    private const double LunarEccentricity = 0.05490;
    private const double ResonanceStepMinutes = 720.0;
    private const double ResonanceHalfStepSquared = 259200.0;

    private enum Resonance
    {
        None = 0,
        OneDay = 1,
        HalfDay = 2,
    }

    // lunar-solar periodic coefficients
    private readonly double _e3, _ee2, _se2, _se3, _sgh2, _sgh3, _sgh4, _sh2, _sh3, _si2, _si3, _sl2, _sl3, _sl4;
    private readonly double _xgh2, _xgh3, _xgh4, _xh2, _xh3, _xi2, _xi3, _xl2, _xl3, _xl4, _zmol, _zmos;

    // secular rates
    private readonly double _dedt, _didt, _dmdt, _dnodt, _domdt;

    // resonance
    private readonly Resonance _resonance;
    private readonly double _d2201, _d2211, _d3210, _d3222, _d4410, _d4422, _d5220, _d5232, _d5421, _d5433;
    private readonly double _del1, _del2, _del3, _xfact, _xlamo, _gsto;

    /// <summary>Steps of the resonance integrator are tabled this many at a time.</summary>
    private const int StepBlock = 64;

    // the integrator's states at its steps forward and backward from the epoch, grown on demand
    private double[]? _forwardSteps;
    private double[]? _backwardSteps;

    public DeepSpaceTerms(
        double epoch, double ecco, double argpo, double inclo, double nodeo, double mo, double no, double eccsq,
        double mdot, double nodedot, double xpidot, double gsto)
    {
        _gsto = gsto;

        // ---- dscom: common lunar and solar quantities at the epoch ----
        const double c1ss = 2.9864797e-6;
        const double c1l = 4.7968065e-7;
        const double zsinis = 0.39785416;
        const double zcosis = 0.91744867;
        const double zcosgs = 0.1945905;
        const double zsings = -0.98088458;

        var nm = no;
        var em = ecco;
        var (snodm, cnodm) = Math.SinCos(nodeo);
        var (sinomm, cosomm) = Math.SinCos(argpo);
        var (sinim, cosim) = Math.SinCos(inclo);
        var emsq = em * em;
        var betasq = 1.0 - emsq;
        var rtemsq = Math.Sqrt(betasq);

        var day = epoch + 18261.5;
        var xnodce = (4.5236020 - 9.2422029e-4 * day) % TwoPi;
        var (stem, ctem) = Math.SinCos(xnodce);
        var zcosil = 0.91375164 - 0.03568096 * ctem;
        var zsinil = Math.Sqrt(1.0 - zcosil * zcosil);
        var zsinhl = 0.089683511 * stem / zsinil;
        var zcoshl = Math.Sqrt(1.0 - zsinhl * zsinhl);
        var gam = 5.8351514 + 0.0019443680 * day;
        var zx = 0.39785416 * stem / zsinil;
        var zy = zcoshl * ctem + 0.91744867 * zsinhl * stem;
        zx = Math.Atan2(zx, zy);
        zx = gam + zx - xnodce;
        var zcosgl = Math.Cos(zx);
        var zsingl = Math.Sin(zx);

        var zcosg = zcosgs;
        var zsing = zsings;
        var zcosi = zcosis;
        var zsini = zsinis;
        var zcosh = cnodm;
        var zsinh = snodm;
        var cc = c1ss;
        var xnoi = 1.0 / nm;

        double s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        double z1 = 0, z2 = 0, z3 = 0, z11 = 0, z12 = 0, z13 = 0, z21 = 0, z22 = 0, z23 = 0, z31 = 0, z32 = 0, z33 = 0;
        double ss1 = 0, ss2 = 0, ss3 = 0, ss4 = 0, ss5 = 0, ss6 = 0, ss7 = 0;
        double sz1 = 0, sz2 = 0, sz3 = 0, sz11 = 0, sz12 = 0, sz13 = 0, sz21 = 0, sz22 = 0, sz23 = 0, sz31 = 0, sz32 = 0, sz33 = 0;

        // first pass solar, second pass lunar
        for (var pass = 1; pass <= 2; pass++)
        {
            var a1 = zcosg * zcosh + zsing * zcosi * zsinh;
            var a3 = -zsing * zcosh + zcosg * zcosi * zsinh;
            var a7 = -zcosg * zsinh + zsing * zcosi * zcosh;
            var a8 = zsing * zsini;
            var a9 = zsing * zsinh + zcosg * zcosi * zcosh;
            var a10 = zcosg * zsini;
            var a2 = cosim * a7 + sinim * a8;
            var a4 = cosim * a9 + sinim * a10;
            var a5 = -sinim * a7 + cosim * a8;
            var a6 = -sinim * a9 + cosim * a10;

            var x1 = a1 * cosomm + a2 * sinomm;
            var x2 = a3 * cosomm + a4 * sinomm;
            var x3 = -a1 * sinomm + a2 * cosomm;
            var x4 = -a3 * sinomm + a4 * cosomm;
            var x5 = a5 * sinomm;
            var x6 = a6 * sinomm;
            var x7 = a5 * cosomm;
            var x8 = a6 * cosomm;

            z31 = 12.0 * x1 * x1 - 3.0 * x3 * x3;
            z32 = 24.0 * x1 * x2 - 6.0 * x3 * x4;
            z33 = 12.0 * x2 * x2 - 3.0 * x4 * x4;
            z1 = 3.0 * (a1 * a1 + a2 * a2) + z31 * emsq;
            z2 = 6.0 * (a1 * a3 + a2 * a4) + z32 * emsq;
            z3 = 3.0 * (a3 * a3 + a4 * a4) + z33 * emsq;
            z11 = -6.0 * a1 * a5 + emsq * (-24.0 * x1 * x7 - 6.0 * x3 * x5);
            z12 = -6.0 * (a1 * a6 + a3 * a5) + emsq * (-24.0 * (x2 * x7 + x1 * x8) - 6.0 * (x3 * x6 + x4 * x5));
            z13 = -6.0 * a3 * a6 + emsq * (-24.0 * x2 * x8 - 6.0 * x4 * x6);
            z21 = 6.0 * a2 * a5 + emsq * (24.0 * x1 * x5 - 6.0 * x3 * x7);
            z22 = 6.0 * (a4 * a5 + a2 * a6) + emsq * (24.0 * (x2 * x5 + x1 * x6) - 6.0 * (x4 * x7 + x3 * x8));
            z23 = 6.0 * a4 * a6 + emsq * (24.0 * x2 * x6 - 6.0 * x4 * x8);
            z1 = z1 + z1 + betasq * z31;
            z2 = z2 + z2 + betasq * z32;
            z3 = z3 + z3 + betasq * z33;
            s3 = cc * xnoi;
            s2 = -0.5 * s3 / rtemsq;
            s4 = s3 * rtemsq;
            s1 = -15.0 * em * s4;
            s5 = x1 * x3 + x2 * x4;
            s6 = x2 * x3 + x1 * x4;
            s7 = x2 * x4 - x1 * x3;

            if (pass == 1)
            {
                ss1 = s1; ss2 = s2; ss3 = s3; ss4 = s4; ss5 = s5; ss6 = s6; ss7 = s7;
                sz1 = z1; sz2 = z2; sz3 = z3;
                sz11 = z11; sz12 = z12; sz13 = z13;
                sz21 = z21; sz22 = z22; sz23 = z23;
                sz31 = z31; sz32 = z32; sz33 = z33;
                zcosg = zcosgl;
                zsing = zsingl;
                zcosi = zcosil;
                zsini = zsinil;
                zcosh = zcoshl * cnodm + zsinhl * snodm;
                zsinh = snodm * zcoshl - cnodm * zsinhl;
                cc = c1l;
            }
        }

        _zmol = (4.7199672 + 0.22997150 * day - gam) % TwoPi;
        _zmos = (6.2565837 + 0.017201977 * day) % TwoPi;

        _se2 = 2.0 * ss1 * ss6;
        _se3 = 2.0 * ss1 * ss7;
        _si2 = 2.0 * ss2 * sz12;
        _si3 = 2.0 * ss2 * (sz13 - sz11);
        _sl2 = -2.0 * ss3 * sz2;
        _sl3 = -2.0 * ss3 * (sz3 - sz1);
        _sl4 = -2.0 * ss3 * (-21.0 - 9.0 * emsq) * SolarEccentricity;
        _sgh2 = 2.0 * ss4 * sz32;
        _sgh3 = 2.0 * ss4 * (sz33 - sz31);
        _sgh4 = -18.0 * ss4 * SolarEccentricity;
        _sh2 = -2.0 * ss2 * sz22;
        _sh3 = -2.0 * ss2 * (sz23 - sz21);

        _ee2 = 2.0 * s1 * s6;
        _e3 = 2.0 * s1 * s7;
        _xi2 = 2.0 * s2 * z12;
        _xi3 = 2.0 * s2 * (z13 - z11);
        _xl2 = -2.0 * s3 * z2;
        _xl3 = -2.0 * s3 * (z3 - z1);
        _xl4 = -2.0 * s3 * (-21.0 - 9.0 * emsq) * LunarEccentricity;
        _xgh2 = 2.0 * s4 * z32;
        _xgh3 = 2.0 * s4 * (z33 - z31);
        _xgh4 = -18.0 * s4 * LunarEccentricity;
        _xh2 = -2.0 * s2 * z22;
        _xh3 = -2.0 * s2 * (z23 - z21);

        // ---- dsinit: secular rates and resonance coefficients ----
        const double q22 = 1.7891679e-6;
        const double q31 = 2.1460748e-6;
        const double q33 = 2.2123015e-7;
        const double root22 = 1.7891679e-6;
        const double root44 = 7.3636953e-9;
        const double root54 = 2.1765803e-9;
        const double root32 = 3.7393792e-7;
        const double root52 = 1.1428639e-7;

        _resonance = Resonance.None;
        if (nm is > 0.0034906585 and < 0.0052359877)
        {
            _resonance = Resonance.OneDay;
        }
        if (nm is >= 8.26e-3 and <= 9.24e-3 && em >= 0.5)
        {
            _resonance = Resonance.HalfDay;
        }

        var ses = ss1 * SolarMeanMotion * ss5;
        var sis = ss2 * SolarMeanMotion * (sz11 + sz13);
        var sls = -SolarMeanMotion * ss3 * (sz1 + sz3 - 14.0 - 6.0 * emsq);
        var sghs = ss4 * SolarMeanMotion * (sz31 + sz33 - 6.0);
        var shs = -SolarMeanMotion * ss2 * (sz21 + sz23);
        // the node rate is undefined for equatorial orbits
        var nearEquatorial = inclo < 5.2359877e-2 || inclo > Math.PI - 5.2359877e-2;
        if (nearEquatorial)
        {
            shs = 0.0;
        }
        if (sinim != 0.0)
        {
            shs /= sinim;
        }
        var sgs = sghs - cosim * shs;

        _dedt = ses + s1 * LunarMeanMotion * s5;
        _didt = sis + s2 * LunarMeanMotion * (z11 + z13);
        _dmdt = sls - LunarMeanMotion * s3 * (z1 + z3 - 14.0 - 6.0 * emsq);
        var sghl = s4 * LunarMeanMotion * (z31 + z33 - 6.0);
        var shll = -LunarMeanMotion * s2 * (z21 + z23);
        if (nearEquatorial)
        {
            shll = 0.0;
        }
        _domdt = sgs + sghl;
        _dnodt = shs;
        if (sinim != 0.0)
        {
            _domdt -= cosim / sinim * shll;
            _dnodt += shll / sinim;
        }

        var theta = gsto % TwoPi;
        if (_resonance == Resonance.None)
        {
            return;
        }

        var aonv = Math.Pow(nm / Sgp4Propagator.Xke, 2.0 / 3.0);
        if (_resonance == Resonance.HalfDay)
        {
            var cosisq = cosim * cosim;
            var e = ecco;
            var esq = eccsq;
            var eoc = e * esq;
            var g201 = -0.306 - (e - 0.64) * 0.440;
            double g211, g310, g322, g410, g422, g520, g533, g521, g532;
            if (e <= 0.65)
            {
                g211 = 3.616 - 13.2470 * e + 16.2900 * esq;
                g310 = -19.302 + 117.3900 * e - 228.4190 * esq + 156.5910 * eoc;
                g322 = -18.9068 + 109.7927 * e - 214.6334 * esq + 146.5816 * eoc;
                g410 = -41.122 + 242.6940 * e - 471.0940 * esq + 313.9530 * eoc;
                g422 = -146.407 + 841.8800 * e - 1629.014 * esq + 1083.4350 * eoc;
                g520 = -532.114 + 3017.977 * e - 5740.032 * esq + 3708.2760 * eoc;
            }
            else
            {
                g211 = -72.099 + 331.819 * e - 508.738 * esq + 266.724 * eoc;
                g310 = -346.844 + 1582.851 * e - 2415.925 * esq + 1246.113 * eoc;
                g322 = -342.585 + 1554.908 * e - 2366.899 * esq + 1215.972 * eoc;
                g410 = -1052.797 + 4758.686 * e - 7193.992 * esq + 3651.957 * eoc;
                g422 = -3581.690 + 16178.110 * e - 24462.770 * esq + 12422.520 * eoc;
                g520 = e > 0.715
                    ? -5149.66 + 29936.92 * e - 54087.36 * esq + 31324.56 * eoc
                    : 1464.74 - 4664.75 * e + 3763.64 * esq;
            }
            if (e < 0.7)
            {
                g533 = -919.22770 + 4988.6100 * e - 9064.7700 * esq + 5542.21 * eoc;
                g521 = -822.71072 + 4568.6173 * e - 8491.4146 * esq + 5337.524 * eoc;
                g532 = -853.66600 + 4690.2500 * e - 8624.7700 * esq + 5341.4 * eoc;
            }
            else
            {
                g533 = -37995.780 + 161616.52 * e - 229838.20 * esq + 109377.94 * eoc;
                g521 = -51752.104 + 218913.95 * e - 309468.16 * esq + 146349.42 * eoc;
                g532 = -40023.880 + 170470.89 * e - 242699.48 * esq + 115605.82 * eoc;
            }

            var sini2 = sinim * sinim;
            var f220 = 0.75 * (1.0 + 2.0 * cosim + cosisq);
            var f221 = 1.5 * sini2;
            var f321 = 1.875 * sinim * (1.0 - 2.0 * cosim - 3.0 * cosisq);
            var f322 = -1.875 * sinim * (1.0 + 2.0 * cosim - 3.0 * cosisq);
            var f441 = 35.0 * sini2 * f220;
            var f442 = 39.3750 * sini2 * sini2;
            var f522 = 9.84375 * sinim * (sini2 * (1.0 - 2.0 * cosim - 5.0 * cosisq)
                + 0.33333333 * (-2.0 + 4.0 * cosim + 6.0 * cosisq));
            var f523 = sinim * (4.92187512 * sini2 * (-2.0 - 4.0 * cosim + 10.0 * cosisq)
                + 6.56250012 * (1.0 + 2.0 * cosim - 3.0 * cosisq));
            var f542 = 29.53125 * sinim * (2.0 - 8.0 * cosim + cosisq * (-12.0 + 8.0 * cosim + 10.0 * cosisq));
            var f543 = 29.53125 * sinim * (-2.0 - 8.0 * cosim + cosisq * (12.0 + 8.0 * cosim - 10.0 * cosisq));
            var xno2 = nm * nm;
            var ainv2 = aonv * aonv;
            var temp1 = 3.0 * xno2 * ainv2;
            var temp = temp1 * root22;
            _d2201 = temp * f220 * g201;
            _d2211 = temp * f221 * g211;
            temp1 *= aonv;
            temp = temp1 * root32;
            _d3210 = temp * f321 * g310;
            _d3222 = temp * f322 * g322;
            temp1 *= aonv;
            temp = 2.0 * temp1 * root44;
            _d4410 = temp * f441 * g410;
            _d4422 = temp * f442 * g422;
            temp1 *= aonv;
            temp = temp1 * root52;
            _d5220 = temp * f522 * g520;
            _d5232 = temp * f523 * g532;
            temp = 2.0 * temp1 * root54;
            _d5421 = temp * f542 * g521;
            _d5433 = temp * f543 * g533;
            _xlamo = (mo + nodeo + nodeo - theta - theta) % TwoPi;
            _xfact = mdot + _dmdt + 2.0 * (nodedot + _dnodt - EarthRotationRadPerMin) - no;
        }
        else
        {
            var g200 = 1.0 + emsq * (-2.5 + 0.8125 * emsq);
            var g310 = 1.0 + 2.0 * emsq;
            var g300 = 1.0 + emsq * (-6.0 + 6.60937 * emsq);
            var f220 = 0.75 * (1.0 + cosim) * (1.0 + cosim);
            var f311 = 0.9375 * sinim * sinim * (1.0 + 3.0 * cosim) - 0.75 * (1.0 + cosim);
            var f330 = 1.0 + cosim;
            f330 = 1.875 * f330 * f330 * f330;
            var del1 = 3.0 * nm * nm * aonv * aonv;
            _del2 = 2.0 * del1 * f220 * g200 * q22;
            _del3 = 3.0 * del1 * f330 * g300 * q33 * aonv;
            _del1 = del1 * f311 * g310 * q31 * aonv;
            _xlamo = (mo + nodeo + argpo - theta) % TwoPi;
            _xfact = mdot + xpidot - EarthRotationRadPerMin + _dmdt + _domdt + _dnodt - no;
        }
    }

    /// <summary>dspace: lunar-solar secular rates, then the resonance integrated from the epoch to t.</summary>
    public void SecularAndResonance(
        double t, double argpo, double argpdot, double no,
        ref double em, ref double argpm, ref double inclm, ref double mm, ref double nodem, ref double nm)
    {
        var theta = TwoPiRemainder.Of(_gsto + t * EarthRotationRadPerMin);
        em += _dedt * t;
        inclm += _didt * t;
        argpm += _domdt * t;
        nodem += _dnodt * t;
        mm += _dmdt * t;

        if (_resonance == Resonance.None)
        {
            return;
        }

        // Euler-Maclaurin integration in 720 min steps from the epoch towards t: the integrator's state at the last
        // step before t comes from the table of steps, then the remainder is taken from there
        var delt = t > 0.0 ? ResonanceStepMinutes : -ResonanceStepMinutes;
        var steps = double.IsFinite(t) ? (int)Math.Min(Math.Floor(Math.Abs(t) / ResonanceStepMinutes), int.MaxValue / 4) : 0;
        while (steps > 0 && Math.Abs(t - (steps - 1) * delt) < ResonanceStepMinutes)
        {
            steps--;
        }
        while (Math.Abs(t - steps * delt) >= ResonanceStepMinutes)
        {
            steps++;
        }
        var atime = steps * delt;
        var xli = _xlamo;
        var xni = no;
        if (steps > 0)
        {
            var table = StepTable(t > 0.0, steps, argpo, argpdot, no);
            xli = table[2 * steps];
            xni = table[2 * steps + 1];
        }
        ResonanceRates(atime, xli, xni, argpo, argpdot, out var xndt, out var xldot, out var xnddt);
        var ft = t - atime;

        nm = xni + xndt * ft + xnddt * ft * ft * 0.5;
        var xl = xli + xldot * ft + xndt * ft * ft * 0.5;
        mm = _resonance != Resonance.OneDay
            ? xl - 2.0 * nodem + 2.0 * theta
            : xl - nodem - argpm + theta;
        var dndt = nm - no;
        nm = no + dndt;
    }

    /// <summary>
    /// The integrator's (xli, xni) after 0, 1, 2, ... steps forward or backward, grown in blocks and replaced, never
    /// changed, so readers on other threads see a complete table; every entry is what stepping from the epoch gives.
    /// </summary>
    private double[] StepTable(bool forward, int steps, double argpo, double argpdot, double no)
    {
        var table = Volatile.Read(ref forward ? ref _forwardSteps : ref _backwardSteps);
        if (table is not null && table.Length > 2 * steps + 1)
        {
            return table;
        }
        var count = (steps / StepBlock + 1) * StepBlock + 1;
        var grown = new double[2 * count];
        var known = 0;
        if (table is not null)
        {
            known = table.Length / 2;
            table.CopyTo(grown, 0);
        }
        else
        {
            grown[0] = _xlamo;
            grown[1] = no;
            known = 1;
        }
        var delt = forward ? ResonanceStepMinutes : -ResonanceStepMinutes;
        for (var k = known; k < count; k++)
        {
            var xli = grown[2 * k - 2];
            var xni = grown[2 * k - 1];
            ResonanceRates((k - 1) * delt, xli, xni, argpo, argpdot, out var xndt, out var xldot, out var xnddt);
            grown[2 * k] = xli + xldot * delt + xndt * ResonanceHalfStepSquared;
            grown[2 * k + 1] = xni + xndt * delt + xnddt * ResonanceHalfStepSquared;
        }
        Volatile.Write(ref forward ? ref _forwardSteps : ref _backwardSteps, grown);
        return grown;
    }

    /// <summary>dspace's rates of the resonance integrator at one of its steps.</summary>
    private void ResonanceRates(
        double atime, double xli, double xni, double argpo, double argpdot, out double xndt, out double xldot, out double xnddt)
    {
        const double fasx2 = 0.13130908;
        const double fasx4 = 2.8843198;
        const double fasx6 = 0.37448087;
        const double g22 = 5.7686396;
        const double g32 = 0.95240898;
        const double g44 = 1.8014998;
        const double g52 = 1.0508330;
        const double g54 = 4.4108898;
        if (_resonance == Resonance.OneDay)
        {
            xndt = _del1 * Math.Sin(xli - fasx2) + _del2 * Math.Sin(2.0 * (xli - fasx4)) + _del3 * Math.Sin(3.0 * (xli - fasx6));
            xldot = xni + _xfact;
            xnddt = _del1 * Math.Cos(xli - fasx2) + 2.0 * _del2 * Math.Cos(2.0 * (xli - fasx4))
                + 3.0 * _del3 * Math.Cos(3.0 * (xli - fasx6));
            xnddt *= xldot;
            return;
        }
        var xomi = argpo + argpdot * atime;
        var x2omi = xomi + xomi;
        var x2li = xli + xli;
        xndt = _d2201 * Math.Sin(x2omi + xli - g22) + _d2211 * Math.Sin(xli - g22)
            + _d3210 * Math.Sin(xomi + xli - g32) + _d3222 * Math.Sin(-xomi + xli - g32)
            + _d4410 * Math.Sin(x2omi + x2li - g44) + _d4422 * Math.Sin(x2li - g44)
            + _d5220 * Math.Sin(xomi + xli - g52) + _d5232 * Math.Sin(-xomi + xli - g52)
            + _d5421 * Math.Sin(xomi + x2li - g54) + _d5433 * Math.Sin(-xomi + x2li - g54);
        xldot = xni + _xfact;
        xnddt = _d2201 * Math.Cos(x2omi + xli - g22) + _d2211 * Math.Cos(xli - g22)
            + _d3210 * Math.Cos(xomi + xli - g32) + _d3222 * Math.Cos(-xomi + xli - g32)
            + _d5220 * Math.Cos(xomi + xli - g52) + _d5232 * Math.Cos(-xomi + xli - g52)
            + 2.0 * (_d4410 * Math.Cos(x2omi + x2li - g44) + _d4422 * Math.Cos(x2li - g44)
                + _d5421 * Math.Cos(xomi + x2li - g54) + _d5433 * Math.Cos(-xomi + x2li - g54));
        xnddt *= xldot;
    }

    /// <summary>dpper after initialisation: the lunar-solar long-period periodics, with Lyddane's fix below 0.2 rad.</summary>
    public void LunarSolarPeriodics(double t, ref double ep, ref double inclp, ref double nodep, ref double argpp, ref double mp)
    {
        var zm = _zmos + SolarMeanMotion * t;
        var zf = zm + 2.0 * SolarEccentricity * Math.Sin(zm);
        var (sinzf, coszf) = Math.SinCos(zf);
        var f2 = 0.5 * sinzf * sinzf - 0.25;
        var f3 = -0.5 * sinzf * coszf;
        var ses = _se2 * f2 + _se3 * f3;
        var sis = _si2 * f2 + _si3 * f3;
        var sls = _sl2 * f2 + _sl3 * f3 + _sl4 * sinzf;
        var sghs = _sgh2 * f2 + _sgh3 * f3 + _sgh4 * sinzf;
        var shs = _sh2 * f2 + _sh3 * f3;

        zm = _zmol + LunarMeanMotion * t;
        zf = zm + 2.0 * LunarEccentricity * Math.Sin(zm);
        (sinzf, coszf) = Math.SinCos(zf);
        f2 = 0.5 * sinzf * sinzf - 0.25;
        f3 = -0.5 * sinzf * coszf;
        var sel = _ee2 * f2 + _e3 * f3;
        var sil = _xi2 * f2 + _xi3 * f3;
        var sll = _xl2 * f2 + _xl3 * f3 + _xl4 * sinzf;
        var sghl = _xgh2 * f2 + _xgh3 * f3 + _xgh4 * sinzf;
        var shll = _xh2 * f2 + _xh3 * f3;

        // the epoch values (peo, pinco, ...) are zero in this revision, so the sums apply as they are
        var pe = ses + sel;
        var pinc = sis + sil;
        var pl = sls + sll;
        var pgh = sghs + sghl;
        var ph = shs + shll;

        inclp += pinc;
        ep += pe;
        var (sinip, cosip) = Math.SinCos(inclp);
        if (inclp >= 0.2)
        {
            ph /= sinip;
            pgh -= cosip * ph;
            argpp += pgh;
            nodep += ph;
            mp += pl;
            return;
        }

        // Lyddane's modification avoids the singularity of the node at low inclination
        var (sinop, cosop) = Math.SinCos(nodep);
        var alfdp = sinip * sinop;
        var betdp = sinip * cosop;
        var dalf = ph * cosop + pinc * cosip * sinop;
        var dbet = -ph * sinop + pinc * cosip * cosop;
        alfdp += dalf;
        betdp += dbet;
        nodep = TwoPiRemainder.Of(nodep);
        var xls = mp + argpp + cosip * nodep;
        var dls = pl + pgh - pinc * nodep * sinip;
        xls += dls;
        var xnoh = nodep;
        nodep = Math.Atan2(alfdp, betdp);
        if (Math.Abs(xnoh - nodep) > Math.PI)
        {
            nodep = nodep < xnoh ? nodep + TwoPi : nodep - TwoPi;
        }
        mp += pl;
        argpp = xls - mp - cosip * nodep;
    }
}

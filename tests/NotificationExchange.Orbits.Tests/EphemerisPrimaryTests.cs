using NotificationExchange.Orbits.Catalog;
using NotificationExchange.Orbits.Ephemerides;
using NotificationExchange.Orbits.Geometry;
using NotificationExchange.Orbits.Propagation;
using NotificationExchange.Orbits.Screening;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Orbits.Tests;

public class EphemerisPrimaryTests
{
    private static readonly DateTime _windowStart = new(2022, 7, 15, 0, 0, 0, DateTimeKind.Utc);

    private static Trajectory WellKnown(int catalogNumber) =>
        Trajectory.FromTle(TleCatalog.Load(SharedData.Require("catalog/wellknown_2022-07-14.txt")).Entries
            .Single(e => e.Tle.CatalogNumber == catalogNumber).Tle);

    /// <summary>
    /// The SGP4 states of <paramref name="source"/> every <paramref name="stepSeconds"/> from start to stop. SGP4's
    /// velocity is not the time derivative of its position (its short-period terms are differentiated approximately:
    /// about 4 cm/s apart for ISS), which Hermite interpolation, taking velocities as derivatives, turns into a wiggle
    /// between states; with <paramref name="derivativeVelocities"/> the velocities are the derivative of SGP4's
    /// positions instead (a fourth-order central difference over ±2 s), as a numerical propagator's OEM would give.
    /// </summary>
    internal static EphemerisSegment Sampled(
        Trajectory source, DateTime start, DateTime stop, double stepSeconds, EphemerisInterpolation interpolation, int degree,
        bool derivativeVelocities = false)
    {
        var times = new List<DateTime>();
        var states = new List<StateVector>();
        for (var time = start; time <= stop; time = time.AddSeconds(stepSeconds))
        {
            Assert.That(source.StateAt(time, out var state), Is.EqualTo(Sgp4Error.None));
            if (derivativeVelocities)
            {
                Vector3d At(double seconds)
                {
                    source.StateAt(time.AddSeconds(seconds), out var s);
                    return s.PositionKm;
                }
                state = state with { VelocityKmPerS = (8.0 * (At(1.0) - At(-1.0)) - (At(2.0) - At(-2.0))) / 12.0 };
            }
            times.Add(time);
            states.Add(state);
        }
        return new EphemerisSegment(times, states, interpolation, degree);
    }

    [TestCase(EphemerisInterpolation.Lagrange, EphemerisSegment.DefaultLagrangeDegree, false, 25544, 1e-5, 1e-8)]
    [TestCase(EphemerisInterpolation.Hermite, EphemerisSegment.DefaultHermiteDegree, true, 25544, 1e-5, 1e-7)]
    [TestCase(EphemerisInterpolation.Hermite, EphemerisSegment.DefaultHermiteDegree, false, 25544, 1e-3, 1e-4)]
    [TestCase(EphemerisInterpolation.Lagrange, EphemerisSegment.DefaultLagrangeDegree, false, 20580, 1e-5, 1e-8)]
    [TestCase(EphemerisInterpolation.Hermite, EphemerisSegment.DefaultHermiteDegree, true, 20580, 1e-5, 1e-7)]
    public void Interpolating_sgp4_states_every_minute_reproduces_sgp4_between_them(
        EphemerisInterpolation interpolation, int degree, bool derivativeVelocities, int catalogNumber, double positionKm, double velocityKmPerS)
    {
        var source = WellKnown(catalogNumber);
        var segment = Sampled(source, _windowStart, _windowStart.AddHours(12), 60.0, interpolation, degree, derivativeVelocities);
        var ephemeris = Trajectory.FromEphemeris(new StateEphemeris([segment]), catalogNumber);
        var worstPosition = 0.0;
        var worstVelocity = 0.0;
        for (var seconds = 0.0; seconds <= 12 * 3600.0; seconds += 7.3)
        {
            var time = _windowStart.AddSeconds(seconds);
            source.StateAt(time, out var expected);
            Assert.That(ephemeris.StateAt(time, out var actual), Is.EqualTo(Sgp4Error.None));
            worstPosition = Math.Max(worstPosition, (actual.PositionKm - expected.PositionKm).Length);
            if (!derivativeVelocities)
            {
                worstVelocity = Math.Max(worstVelocity, (actual.VelocityKmPerS - expected.VelocityKmPerS).Length);
            }
            else
            {
                // against the derivative of SGP4's position, which is what the states carry
                source.StateAt(time.AddSeconds(1.0), out var ahead);
                source.StateAt(time.AddSeconds(-1.0), out var behind);
                source.StateAt(time.AddSeconds(2.0), out var ahead2);
                source.StateAt(time.AddSeconds(-2.0), out var behind2);
                var derivative = (8.0 * (ahead.PositionKm - behind.PositionKm) - (ahead2.PositionKm - behind2.PositionKm)) / 12.0;
                worstVelocity = Math.Max(worstVelocity, (actual.VelocityKmPerS - derivative).Length);
            }
        }
        TestContext.Out.WriteLine($"{interpolation} {degree}: worst {worstPosition * 1e3:F4} m, {worstVelocity * 1e6:F4} mm/s");
        Assert.That(worstPosition, Is.LessThan(positionKm));
        Assert.That(worstVelocity, Is.LessThan(velocityKmPerS));

        // nothing outside the span, not even a second
        Assert.That(ephemeris.StateAt(_windowStart.AddSeconds(-1), out _), Is.EqualTo(Sgp4Error.OutsideEphemeris));
        Assert.That(ephemeris.StateAt(_windowStart.AddHours(12).AddSeconds(1), out _), Is.EqualTo(Sgp4Error.OutsideEphemeris));
    }

    [Test]
    public void Unusable_states_are_refused_with_the_reason()
    {
        var iss = WellKnown(25544);
        var few = Assert.Throws<ArgumentException>(() => Sampled(iss, _windowStart, _windowStart.AddMinutes(7), 60.0, EphemerisInterpolation.Lagrange, 8));
        Assert.That(few!.Message, Does.Contain("needs 9 states; the segment has 8"));
        iss.StateAt(_windowStart, out var state);
        var unordered = Assert.Throws<ArgumentException>(() => new EphemerisSegment(
            [_windowStart, _windowStart.AddSeconds(60), _windowStart.AddSeconds(60), _windowStart.AddSeconds(120)], [state, state, state, state],
            EphemerisInterpolation.Hermite, 7));
        Assert.That(unordered!.Message, Does.Contain("state 2").And.Contain("is not after state 1"));
        var first = Sampled(iss, _windowStart, _windowStart.AddHours(1), 60.0, EphemerisInterpolation.Hermite, 7);
        var later = Sampled(iss, _windowStart.AddHours(2), _windowStart.AddHours(3), 60.0, EphemerisInterpolation.Hermite, 7);
        var gap = Assert.Throws<ArgumentException>(() => new StateEphemeris([first, later]));
        Assert.That(gap!.Message, Does.Contain("segment 2 starts").And.Contain("a gap"));
    }

    /// <summary>
    /// The check: ISS given by its SGP4 states every 60 s (an hour beyond the window on both sides) as the
    /// primary against the 2,005-object reference set over a day finds the SGP4 primary's conjunctions: TCA within 1 s,
    /// miss within 50 m, with the default volume and with a 100 km sphere. Lagrange on SGP4's states as they are.
    /// Hermite on states whose velocities are the derivative of the positions (with SGP4's own velocities its path
    /// wiggles by 0.4 m and 4 cm/s between states): there the objects docked at ISS, whose range has flat minima (it
    /// changes by 0.3 m in a minute), reach their minimum up to about a minute away from the time SGP4's own velocities
    /// give; such a match is accepted when SGP4's range at the ephemeris's TCA is within 50 m of SGP4's miss.
    /// </summary>
    [TestCase(EphemerisInterpolation.Lagrange, EphemerisSegment.DefaultLagrangeDegree, false)]
    [TestCase(EphemerisInterpolation.Hermite, EphemerisSegment.DefaultHermiteDegree, true)]
    public void An_ephemeris_primary_finds_the_conjunctions_of_its_sgp4_source(EphemerisInterpolation interpolation, int degree, bool derivativeVelocities)
    {
        var all = ScreeningTests.LoadCatalog();
        var reference = ScreeningCatalog.Prepare(ScreeningTests.ReferenceSet(all), _windowStart, _windowStart.AddDays(1));
        var iss = all.Single(t => t.CatalogNumber == 25544);
        var segment = Sampled(iss, _windowStart.AddHours(-1), _windowStart.AddHours(25), 60.0, interpolation, degree, derivativeVelocities);
        var ephemeris = Trajectory.FromEphemeris(new StateEphemeris([segment]), 25544, "ISS (ZARYA) ephemeris");

        var failures = new List<string>();
        var counts = new List<int>();
        foreach (var volume in new[] { null, ScreeningVolume.Sphere(100.0) })
        {
            var expected = ConjunctionScreener.Screen(iss, reference, volume);
            var actual = ConjunctionScreener.Screen(ephemeris, reference, volume);
            Compare(expected, actual, volume is null ? "default volume" : "100 km", 0.050, failures, derivativeVelocities ? (want, found) => FlatMinimum(all, want, found) : null);
            counts.Add(expected.Count);
        }
        Assert.That(failures, Is.Empty, string.Join(Environment.NewLine, failures.Take(30)));
        Assert.That(counts[1], Is.GreaterThan(20), "a reference with few events would prove little");
        Assert.That(reference.PrepareAnother(ephemeris).DefaultVolume, Is.EqualTo(reference.PrepareAnother(iss).DefaultVolume));
        TestContext.Out.WriteLine($"conjunctions: {counts[0]} in the default volume, {counts[1]} within 100 km");
    }

    /// <summary>
    /// An ephemeris covering only 6 h to 18 h of the day: the screen finds exactly what the brute force finds with it,
    /// none outside its span, and inside it what the SGP4 primary finds.
    /// </summary>
    [Test]
    public void An_ephemeris_inside_the_window_is_screened_over_its_span_only()
    {
        var all = ScreeningTests.LoadCatalog();
        var reference = ScreeningCatalog.Prepare(ScreeningTests.ReferenceSet(all), _windowStart, _windowStart.AddDays(1));
        var iss = all.Single(t => t.CatalogNumber == 25544);
        var from = _windowStart.AddHours(6).AddSeconds(17);
        var to = _windowStart.AddHours(18).AddSeconds(17);
        var ephemeris = Trajectory.FromEphemeris(
            new StateEphemeris([Sampled(iss, from, to, 60.0, EphemerisInterpolation.Lagrange, 8)]), 25544);
        var sphere = ScreeningVolume.Sphere(100.0);

        var fast = ConjunctionScreener.Screen(ephemeris, reference, sphere);
        var brute = BruteForceScreener.Screen(ephemeris, reference, sphere);
        var failures = new List<string>();
        Compare(brute, fast, "brute force", 0.010, failures);
        Assert.That(fast.Where(c => c.TimeOfClosestApproach < from || c.TimeOfClosestApproach > to), Is.Empty);
        var inside = (Conjunction c) => c.TimeOfClosestApproach > from.AddSeconds(2) && c.TimeOfClosestApproach < to.AddSeconds(-2);
        Compare([.. ConjunctionScreener.Screen(iss, reference, sphere).Where(inside)], [.. fast.Where(inside)], "sgp4 primary", 0.050, failures);
        Assert.That(failures, Is.Empty, string.Join(Environment.NewLine, failures.Take(30)));
        Assert.That(fast.Count, Is.GreaterThan(10));
    }

    /// <summary>The same flat minimum: within two minutes, and SGP4's range at the found time within 50 m of its miss.</summary>
    private static bool FlatMinimum(List<Trajectory> catalogue, Conjunction want, Conjunction found)
    {
        if (Math.Abs((found.TimeOfClosestApproach - want.TimeOfClosestApproach).TotalSeconds) > 120.0)
        {
            return false;
        }
        catalogue.Single(t => t.CatalogNumber == want.PrimaryCatalogNumber).StateAt(found.TimeOfClosestApproach, out var p);
        catalogue.Single(t => t.CatalogNumber == want.SecondaryCatalogNumber).StateAt(found.TimeOfClosestApproach, out var q);
        return (q.PositionKm - p.PositionKm).Length - want.MissDistanceKm < 0.050;
    }

    private static void Compare(
        IReadOnlyList<Conjunction> expected, IReadOnlyList<Conjunction> actual, string label, double missToleranceKm, List<string> failures,
        Func<Conjunction, Conjunction, bool>? sameFlatMinimum = null)
    {
        var unmatched = actual.ToList();
        foreach (var want in expected)
        {
            var match = unmatched.FirstOrDefault(c => c.SecondaryCatalogNumber == want.SecondaryCatalogNumber
                && Math.Abs((c.TimeOfClosestApproach - want.TimeOfClosestApproach).TotalSeconds) < 1.0)
                ?? unmatched.FirstOrDefault(c => c.SecondaryCatalogNumber == want.SecondaryCatalogNumber && sameFlatMinimum is not null && sameFlatMinimum(want, c));
            if (match is null)
            {
                failures.Add($"{label}: missed {want}");
                continue;
            }
            unmatched.Remove(match);
            if (Math.Abs(match.MissDistanceKm - want.MissDistanceKm) > missToleranceKm)
            {
                failures.Add($"{label}: miss {match.MissDistanceKm} km, expected {want.MissDistanceKm} km ({want})");
            }
        }
        failures.AddRange(unmatched.Select(c => $"{label}: not expected {c}"));
    }
}

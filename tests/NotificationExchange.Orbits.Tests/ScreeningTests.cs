using NotificationExchange.Orbits.Catalog;
using NotificationExchange.Orbits.Propagation;
using NotificationExchange.Orbits.Screening;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Orbits.Tests;

public class ScreeningTests
{
    private static readonly DateTime _windowStart = new(2022, 7, 15, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>ISS (LEO, perigee under 500 km), STARLINK-24 (LEO shell), NAVSTAR 53 (MEO), INTELSAT 901 (GEO), MOLNIYA 1-80 (HEO).</summary>
    private static readonly int[] _primaries = [25544, 44238, 28129, 26824, 21118];

    internal static List<Trajectory> LoadCatalog() =>
        [.. TleCatalog.Load(SharedData.Require("catalog/spacetrack_3le_2022-07-14.txt")).Entries.Select(e => Trajectory.FromTle(e.Tle))];

    /// <summary>
    /// The reference set: for each of five primaries (LEO twice, MEO, GEO, HEO), the 400 catalogue objects whose radius
    /// ranges overlap the primary's and whose mean radius is nearest to it, so the set is dense in real encounters;
    /// 2,000 objects, one day. The brute force samples every object every 10 s and refines every range minimum to
    /// 1 µs; the fast screen must find exactly its conjunctions, with a 100 km sphere (many events) and with the
    /// Space-Track default ellipsoids.
    /// </summary>
    [Test]
    public void Fast_screen_finds_exactly_the_conjunctions_of_the_brute_force_reference()
    {
        var all = LoadCatalog();
        var primaries = _primaries.Select(id => all.Single(t => t.CatalogNumber == id)).ToList();
        var reference = ScreeningCatalog.Prepare(ReferenceSet(all), _windowStart, _windowStart.AddDays(1));
        Assert.That(reference.Count, Is.EqualTo(2000 + _primaries.Length));

        var sphere = ScreeningVolume.Sphere(100.0);
        var brute = BruteForceScreener.Screen(primaries, reference, [.. primaries.Select(_ => sphere)]);

        var failures = new List<string>();
        var sphereCount = 0;
        var ellipsoidCount = 0;
        for (var i = 0; i < primaries.Count; i++)
        {
            var fastSphere = ConjunctionScreener.Screen(primaries[i], reference, sphere);
            Compare(brute[i], fastSphere, $"{_primaries[i]} sphere", failures);
            sphereCount += brute[i].Count;

            var defaultVolume = reference.PrepareAnother(primaries[i]).DefaultVolume;
            var expected = brute[i].Where(c => defaultVolume.NormalisedDistanceSquared(c.RadialKm, c.InTrackKm, c.CrossTrackKm) <= 1.0).ToList();
            Compare(expected, ConjunctionScreener.Screen(primaries[i], reference), $"{_primaries[i]} default volume", failures);
            ellipsoidCount += expected.Count;
        }

        Assert.That(failures, Is.Empty, string.Join(Environment.NewLine, failures.Take(30)));
        // a reference with no events would prove nothing
        Assert.That(sphereCount, Is.GreaterThan(100));
        Assert.That(ellipsoidCount, Is.GreaterThan(10));
        TestContext.Out.WriteLine($"reference conjunctions: {sphereCount} within 100 km, {ellipsoidCount} within the default volumes");
    }

    /// <summary>The five primaries and, for each, the 400 objects whose radius ranges overlap its own and whose mean
    /// radius is nearest to it (2,005 objects, dense in real encounters).</summary>
    internal static List<Trajectory> ReferenceSet(List<Trajectory> all)
    {
        var fullCatalog = ScreeningCatalog.Prepare(all, _windowStart, _windowStart.AddDays(1));
        var selected = new HashSet<int>(_primaries);
        foreach (var primary in _primaries.Select(id => all.Single(t => t.CatalogNumber == id)))
        {
            var p = fullCatalog.PrepareAnother(primary);
            var middle = 0.5 * (p.MinRadiusKm + p.MaxRadiusKm);
            foreach (var candidate in fullCatalog.Objects
                .Where(o => !selected.Contains(o.CatalogNumber) && o.MinRadiusKm <= p.MaxRadiusKm && o.MaxRadiusKm >= p.MinRadiusKm)
                .OrderBy(o => Math.Abs(0.5 * (o.MinRadiusKm + Math.Min(o.MaxRadiusKm, 1e6)) - middle))
                .Take(400))
            {
                selected.Add(candidate.CatalogNumber);
            }
        }
        return [.. all.Where(t => selected.Contains(t.CatalogNumber))];
    }

    internal static void Compare(IReadOnlyList<Conjunction> expected, IReadOnlyList<Conjunction> actual, string label, List<string> failures)
    {
        var unmatched = actual.ToList();
        foreach (var want in expected)
        {
            var match = unmatched.FirstOrDefault(c => c.SecondaryCatalogNumber == want.SecondaryCatalogNumber
                && Math.Abs((c.TimeOfClosestApproach - want.TimeOfClosestApproach).TotalSeconds) < 1.0);
            if (match is null)
            {
                failures.Add($"{label}: missed {want}");
                continue;
            }
            unmatched.Remove(match);
            if (Math.Abs(match.MissDistanceKm - want.MissDistanceKm) > 0.010)
            {
                failures.Add($"{label}: miss {match.MissDistanceKm} km, reference {want.MissDistanceKm} km ({want})");
            }
        }
        failures.AddRange(unmatched.Select(c => $"{label}: not in the reference {c}"));
    }

    /// <summary>
    /// The filters rest on bounds: the radius range and the distance from the interpolated orbit plane. Sample real
    /// SGP4 states of every tenth catalogue object every 5 minutes over a week and check none falls outside them.
    /// </summary>
    [Test]
    public void The_filter_bounds_contain_every_sampled_sgp4_state()
    {
        var all = LoadCatalog();
        var subset = all.Where((_, index) => index % 10 == 0).ToList();
        var catalog = ScreeningCatalog.Prepare(subset, _windowStart, _windowStart.AddDays(7));
        var violations = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.ForEach(catalog.Objects, prepared =>
        {
            for (var seconds = 0.0; seconds <= catalog.WindowSeconds && seconds < prepared.ValidUntilSeconds; seconds += 300.0)
            {
                if (prepared.Trajectory.StateAt(seconds, out var state) != Sgp4Error.None)
                {
                    violations.Add($"{prepared.CatalogNumber} fails at {seconds} s before its validity end {prepared.ValidUntilSeconds}");
                    return;
                }
                var radius = state.PositionKm.Length;
                if (radius < prepared.MinRadiusKm || radius > prepared.MaxRadiusKm)
                {
                    violations.Add($"{prepared.CatalogNumber} radius {radius} outside [{prepared.MinRadiusKm}, {prepared.MaxRadiusKm}] at {seconds} s");
                }
                if (prepared.Normals is not null)
                {
                    var outOfPlane = Math.Abs(Geometry.Vector3d.Dot(state.PositionKm, prepared.NormalAt(seconds)));
                    if (outOfPlane > prepared.PlanePaddingKm)
                    {
                        violations.Add($"{prepared.CatalogNumber} {outOfPlane} km off its plane, padding {prepared.PlanePaddingKm} at {seconds} s");
                    }
                }
            }
        });
        Assert.That(violations, Is.Empty, string.Join(Environment.NewLine, violations.Take(20)));
    }

    /// <summary>
    /// Every screen follows an object up to its first SGP4 failure and not after, so that failure must be found even
    /// where the orbit works again later (a mean eccentricity swinging out of range for part of each revolution, a
    /// decaying orbit dipping below the surface at one perigee). Sample every catalogue object every minute over a
    /// day (COSMOS 1408 DEB, 51581, fails from 7.9 h on and works again in between): none may fail before the end the
    /// preparation gives it.
    /// </summary>
    [Test]
    public void Every_object_ends_at_its_first_sampled_sgp4_failure()
    {
        var catalog = ScreeningCatalog.Prepare(LoadCatalog(), _windowStart, _windowStart.AddDays(1));
        var violations = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.ForEach(catalog.Objects, prepared =>
        {
            for (var seconds = 0.0; seconds < Math.Min(catalog.WindowSeconds, prepared.ValidUntilSeconds); seconds += 60.0)
            {
                if (prepared.Trajectory.StateAt(seconds, out _) != Sgp4Error.None)
                {
                    violations.Add($"{prepared.CatalogNumber} fails at {seconds} s, before its end {prepared.ValidUntilSeconds} s");
                    return;
                }
            }
        });
        Assert.That(violations, Is.Empty, string.Join(Environment.NewLine, violations.Take(20)));
    }

    /// <summary>
    /// The all-against-all grid (and the time filter) rest on |r''| ≤ A: a path departs from the chord between two of
    /// its states by at most A·s(T − s)/2. Check that on real SGP4 paths of every tenth catalogue object over a day,
    /// for the chord spans the grid uses (its 40 s step, and the doublings of it that keep A·T²/8 within 5 km).
    /// </summary>
    [Test]
    public void The_chord_pads_contain_every_sampled_sgp4_path()
    {
        var all = LoadCatalog();
        var subset = all.Where((_, index) => index % 10 == 0).ToList();
        var catalog = ScreeningCatalog.Prepare(subset, _windowStart, _windowStart.AddDays(1));
        var violations = new System.Collections.Concurrent.ConcurrentBag<string>();
        var checkedChords = 0L;
        Parallel.ForEach(catalog.Objects, prepared =>
        {
            var a = prepared.AccelerationBoundKmPerS2;
            for (var span = AllVersusAllScreener.DefaultStepSeconds; span <= 64 * AllVersusAllScreener.DefaultStepSeconds; span *= 2)
            {
                if (span > AllVersusAllScreener.DefaultStepSeconds && a * span * span / 8.0 > 5.0)
                {
                    break;
                }
                for (var start = 0.0; start + span <= catalog.WindowSeconds && start + span <= prepared.ValidUntilSeconds; start += 997.0)
                {
                    if (prepared.Trajectory.StateAt(start, out var first) != Sgp4Error.None
                        || prepared.Trajectory.StateAt(start + span, out var last) != Sgp4Error.None)
                    {
                        continue;
                    }
                    foreach (var fraction in new[] { 0.25, 0.5, 0.75 })
                    {
                        if (prepared.Trajectory.StateAt(start + fraction * span, out var middle) != Sgp4Error.None)
                        {
                            continue;
                        }
                        var chord = first.PositionKm + (last.PositionKm - first.PositionKm) * fraction;
                        var departure = (middle.PositionKm - chord).Length;
                        var bound = a * fraction * (1.0 - fraction) * span * span / 2.0;
                        if (departure > bound)
                        {
                            violations.Add($"{prepared.CatalogNumber}: {departure} km off its {span} s chord at {start + fraction * span} s, bound {bound}");
                        }
                        Interlocked.Increment(ref checkedChords);
                    }
                }
            }
        });
        Assert.That(violations, Is.Empty, string.Join(Environment.NewLine, violations.Take(20)));
        Assert.That(checkedChords, Is.GreaterThan(500_000));
    }
}

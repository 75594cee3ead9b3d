using NotificationExchange.Orbits.Catalog;
using NotificationExchange.Orbits.Maneuvers;
using NotificationExchange.Orbits.Propagation;
using NotificationExchange.Orbits.Screening;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Orbits.Tests;

public class MultiBurnTests
{
    private static readonly DateTime _windowStart = new(2022, 7, 15, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>An RPO chaser's plan: a radial, an in-track and a cross-track burn, inside a one-day window.</summary>
    private static readonly ImpulsiveManeuver[] _plan =
    [
        new(_windowStart.AddHours(15), 0.0, 0.0, 0.4),
        new(_windowStart.AddHours(1), 0.5, 0.0, 0.0),
        new(_windowStart.AddHours(7), 0.0, -0.3, 0.0),
    ];

    private static Trajectory Iss() =>
        Trajectory.FromTle(TleCatalog.Load(SharedData.Require("catalog/wellknown_2022-07-14.txt")).Entries
            .Single(e => e.Tle.CatalogNumber == 25544).Tle);

    /// <summary>A second object on ISS's orbit, <paramref name="degreesBehind"/> of mean anomaly behind it, that flies the plan.</summary>
    private static Trajectory Chaser(int catalogNumber, double degreesBehind)
    {
        var iss = TleCatalog.Load(SharedData.Require("catalog/wellknown_2022-07-14.txt")).Entries.Single(e => e.Tle.CatalogNumber == 25544).Tle;
        var twin = Trajectory.FromTle(iss with { CatalogNumber = catalogNumber, Name = $"CHASER {catalogNumber}", MeanAnomalyDeg = iss.MeanAnomalyDeg - degreesBehind });
        return ImpulsiveManeuver.ApplyAll(twin, _plan);
    }

    [Test]
    public void Each_burn_of_a_plan_acts_at_its_ignition_on_the_path_the_earlier_burns_left()
    {
        var original = Iss();
        var planned = ImpulsiveManeuver.ApplyAll(original, _plan);
        var ordered = _plan.OrderBy(m => m.IgnitionUtc).ToArray();

        Assert.That(planned.SwitchTimes, Is.EqualTo(ordered.Select(m => m.IgnitionUtc)));
        Assert.That(planned.SwitchTime, Is.EqualTo(ordered[0].IgnitionUtc));
        Assert.That(planned.Propagators, Has.Count.EqualTo(4));
        for (var k = 0; k < ordered.Length; k++)
        {
            // the path with the burns before this one: the plan must follow it up to this ignition, then jump by the delta-v
            var earlier = ImpulsiveManeuver.ApplyAll(original, ordered[..k]);
            var ignition = ordered[k].IgnitionUtc;
            Assert.That(earlier.StateAt(ignition, out var before), Is.EqualTo(Sgp4Error.None));
            Assert.That(planned.StateAt(ignition, out var after), Is.EqualTo(Sgp4Error.None));
            Assert.That((after.PositionKm - before.PositionKm).Length, Is.LessThan(1e-6), $"burn {k}: position at ignition");
            Assert.That((after.VelocityKmPerS - before.VelocityKmPerS - ordered[k].DeltaVKmPerS(before)).Length, Is.LessThan(1e-9), $"burn {k}: delta-v");

            var justBefore = ignition.AddSeconds(-30);
            earlier.StateAt(justBefore, out var expected);
            planned.StateAt(justBefore, out var actual);
            Assert.That((actual.PositionKm - expected.PositionKm).Length, Is.EqualTo(0.0), $"burn {k}: the plan differs from the earlier path before the ignition");
            Assert.That(planned.PropagatorAt(ignition), Is.SameAs(planned.Propagators[k + 1]));
            Assert.That(planned.PropagatorAt(justBefore), Is.SameAs(planned.Propagators[k]));
        }
    }

    [Test]
    public void Burns_out_of_order_or_at_one_instant_are_refused()
    {
        var first = _plan.Single(m => m.IgnitionUtc == _windowStart.AddHours(7)).ApplyTo(Iss());
        var early = Assert.Throws<ArgumentException>(() => new ImpulsiveManeuver(_windowStart.AddHours(1), 0.1, 0.0, 0.0).ApplyTo(first));
        Assert.That(early!.Message, Does.Contain("not after the last one applied"));
        var same = Assert.Throws<ArgumentException>(() => ImpulsiveManeuver.ApplyAll(Iss(), [new(_windowStart.AddHours(2), 0.1, 0, 0), new(_windowStart.AddHours(2), 0, 0.1, 0)]));
        Assert.That(same!.Message, Does.Contain("two burns at the same ignition"));
    }

    /// <summary>The low-Earth part of the reference set (ISS's and STARLINK-24's neighbourhoods) and two chasers flying
    /// the plan 10 and 20 km behind ISS, over a day.</summary>
    private static (List<Trajectory> Objects, ScreeningCatalog Catalog) LeoCatalogWithChasers()
    {
        var chasers = new[] { Chaser(99901, 0.08), Chaser(99902, 0.16) };
        var leo = ScreeningCatalog.Prepare(ScreeningTests.ReferenceSet(ScreeningTests.LoadCatalog()), _windowStart, _windowStart.AddDays(1)).Objects
            .Where(o => o.MaxRadiusKm < 6378.0 + 2000.0).Select(o => o.Trajectory.Source);
        List<Trajectory> objects = [.. leo, .. chasers];
        return (objects, ScreeningCatalog.Prepare(objects, _windowStart, _windowStart.AddDays(1)));
    }

    /// <summary>
    /// Two chasers flying the three-burn plan 10 and 20 km behind ISS, in the low-Earth part of the reference set over a day:
    /// the one-primary screen with each chaser and with ISS as the primary finds exactly what the brute force finds
    /// (100 km sphere and default volumes), and the all-against-all screen what the one-primary screen finds.
    /// </summary>
    [Test]
    public void Every_screen_finds_the_same_conjunctions_with_multi_burn_paths()
    {
        var (objects, catalog) = LeoCatalogWithChasers();
        var primaries = new List<Trajectory> { objects.Single(t => t.CatalogNumber == 99901), objects.Single(t => t.CatalogNumber == 99902), objects.Single(t => t.CatalogNumber == 25544) };

        var sphere = ScreeningVolume.Sphere(100.0);
        var brute = BruteForceScreener.Screen(primaries, catalog, [.. primaries.Select(_ => sphere)]);
        var failures = new List<string>();
        var withChaser = 0;
        for (var i = 0; i < primaries.Count; i++)
        {
            ScreeningTests.Compare(brute[i], ConjunctionScreener.Screen(primaries[i], catalog, sphere), $"{primaries[i].CatalogNumber} sphere", failures);
            var defaultVolume = catalog.PrepareAnother(primaries[i]).DefaultVolume;
            var expected = brute[i].Where(c => defaultVolume.NormalisedDistanceSquared(c.RadialKm, c.InTrackKm, c.CrossTrackKm) <= 1.0).ToList();
            ScreeningTests.Compare(expected, ConjunctionScreener.Screen(primaries[i], catalog), $"{primaries[i].CatalogNumber} default", failures);
            withChaser += brute[i].Count(c => c.SecondaryCatalogNumber is 99901 or 99902 || c.PrimaryCatalogNumber is 99901 or 99902);
        }
        Assert.That(failures, Is.Empty, string.Join(Environment.NewLine, failures.Take(30)));
        // the chasers must meet ISS and each other after each burn, or the test proves nothing about the switches
        Assert.That(withChaser, Is.GreaterThan(40));
        foreach (var ignition in _plan.Select(m => m.IgnitionUtc))
        {
            Assert.That(brute[0].Any(c => c.TimeOfClosestApproach > ignition && c.TimeOfClosestApproach < ignition.AddHours(2)), $"no conjunction in the 2 h after {ignition:O}");
        }
        TestContext.Out.WriteLine($"brute-force conjunctions: {string.Join(", ", brute.Select(b => b.Count))} (with a chaser: {withChaser})");
    }

    /// <summary>The all-against-all screen reads the switches too: with the chasers in the catalogue it must find what
    /// the one-primary screen finds for them and for ISS.</summary>
    [Test]
    public void All_against_all_finds_what_the_one_primary_screen_finds_with_multi_burn_paths()
    {
        var (objects, catalog) = LeoCatalogWithChasers();
        var sphere = ScreeningVolume.Sphere(100.0);

        var result = AllVersusAllScreener.Screen(catalog, sphere);

        var failures = new List<string>();
        var involved = new[] { 99901, 99902, 25544 };
        var actual = result.Conjunctions.ToLookup(c => c.PrimaryCatalogNumber);
        foreach (var id in involved)
        {
            var expected = ConjunctionScreener.Screen(objects.Single(t => t.CatalogNumber == id), catalog, sphere);
            ScreeningTests.Compare(expected, [.. actual[id]], $"primary {id}", failures);
        }
        Assert.That(failures, Is.Empty, string.Join(Environment.NewLine, failures.Take(30)));
    }
}

using NotificationExchange.Orbits.Screening;
using NUnit.Framework;

namespace NotificationExchange.Orbits.Tests;

public class AllVersusAllTests
{
    private static readonly DateTime _windowStart = new(2022, 7, 15, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// On the 2,005-object reference set of the one-primary test (LEO, MEO, GEO and HEO neighbourhoods) over 6 hours,
    /// the all-against-all screen must find exactly what the one-primary screen (itself checked against the brute
    /// force) finds with every object as the primary: the same (primary, secondary) pairs, times of closest approach
    /// within 1 s and misses within 10 m, with a 100 km sphere and with the default ellipsoids. The grid is run with
    /// two step sizes, so that a conjunction lost between steps would show in one of them.
    /// </summary>
    [TestCase(null, 20.0, 300.0)]
    [TestCase(100.0, 20.0, 300.0)]
    [TestCase(100.0, 90.0, 900.0)]
    public void All_against_all_finds_exactly_what_screening_every_object_as_the_primary_finds(double? sphereKm, double stepSeconds, double cellKm)
    {
        var all = ScreeningTests.LoadCatalog();
        var reference = ScreeningCatalog.Prepare(ScreeningTests.ReferenceSet(all), _windowStart, _windowStart.AddHours(6));
        var volume = sphereKm is { } radius ? ScreeningVolume.Sphere(radius) : null;

        var result = AllVersusAllScreener.Screen(reference, volume, stepSeconds: stepSeconds, cellSizeKm: cellKm);

        var perPrimary = new List<Conjunction>[reference.Count];
        var objects = reference.Objects;
        Parallel.For(0, objects.Length, i =>
            perPrimary[i] = [.. ConjunctionScreener.Screen(objects[i].Trajectory.Source, reference, volume, maxDegreeOfParallelism: 1)]);
        var expected = perPrimary.SelectMany(c => c).ToList();

        var failures = new List<string>();
        var actualByPrimary = result.Conjunctions.ToLookup(c => c.PrimaryCatalogNumber);
        foreach (var group in expected.GroupBy(c => c.PrimaryCatalogNumber))
        {
            ScreeningTests.Compare([.. group], [.. actualByPrimary[group.Key]], $"primary {group.Key}", failures);
        }
        var primariesWithConjunctions = expected.Select(c => c.PrimaryCatalogNumber).ToHashSet();
        failures.AddRange(result.Conjunctions
            .Where(c => !primariesWithConjunctions.Contains(c.PrimaryCatalogNumber))
            .Select(c => $"not found with {c.PrimaryCatalogNumber} as the primary: {c}"));

        Assert.That(failures, Is.Empty, string.Join(Environment.NewLine, failures.Take(30)));
        // a reference with few events would prove little; both directions of one encounter count once
        Assert.That(expected, Has.Count.GreaterThan(sphereKm is null ? 20 : 500));
        var distinct = expected
            .Select(c => (Math.Min(c.PrimaryCatalogNumber, c.SecondaryCatalogNumber), Math.Max(c.PrimaryCatalogNumber, c.SecondaryCatalogNumber),
                c.TimeOfClosestApproach.Ticks / TimeSpan.TicksPerSecond))
            .Distinct()
            .Count();
        Assert.That(result.Encounters, Is.InRange(expected.Count / 2, expected.Count));
        Assert.That(Math.Abs(result.Encounters - distinct), Is.LessThanOrEqualTo(expected.Count / 100 + 1));
        TestContext.Out.WriteLine($"{expected.Count} conjunctions, {result.Encounters} encounters; {result.Statistics}");
    }

    /// <summary>An empty catalogue, a lone object, and objects that never meet give no conjunctions and no error.</summary>
    [Test]
    public void Catalogues_with_nothing_to_meet_give_no_conjunctions()
    {
        var all = ScreeningTests.LoadCatalog();
        var iss = all.Single(t => t.CatalogNumber == 25544);
        var navstar = all.Single(t => t.CatalogNumber == 28129);
        var intelsat = all.Single(t => t.CatalogNumber == 26824);
        foreach (var set in new List<Trajectory>[] { [], [iss], [iss, navstar, intelsat] })
        {
            var catalog = ScreeningCatalog.Prepare(set, _windowStart, _windowStart.AddHours(6));

            var result = AllVersusAllScreener.Screen(catalog);

            Assert.That(result.Conjunctions, Is.Empty);
            Assert.That(result.Encounters, Is.Zero);
            Assert.That(result.Statistics.CandidatePairs, Is.Zero);
            Assert.That(ConjunctionScreener.Screen(iss, catalog), Is.Empty);
            Assert.That(BruteForceScreener.Screen(iss, catalog), Is.Empty);
        }
    }
}

using NotificationExchange.Orbits.Screening;
using NUnit.Framework;

namespace NotificationExchange.Orbits.Tests;

/// <summary>
/// The streaming all-against-all screen (batches of steps, runs carried across batches, objects sharing an element
/// set screened once) against the reference that sweeps the whole window at once, holds everything and screens every
/// object: the same records, to 1 ms and 1 m.
/// </summary>
public class StreamingAllVersusAllTests
{
    private static readonly DateTime _windowStart = new(2022, 7, 15, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The docked vehicles that carried the station's TLE in the snapshot.</summary>
    private static readonly int[] _issGroup = [49044, 51660, 52086, 52318, 52795];

    private static readonly int[] _tiangongGroup = [49222, 52509, 52797];

    /// <summary>
    /// The 2,005-object reference set over 6 hours with 20 s steps (1,080 steps: three batches, so runs of candidate
    /// steps cross two batch ends), with a 100 km sphere and with the default volumes; and the sink is never entered
    /// by two threads at once. One object per element set (the set holds docked vehicles), so that both screens search
    /// the same pairs and the intervals can be counted too: a run lost or split at a batch's end would show there.
    /// </summary>
    [TestCase(100.0)]
    [TestCase(null)]
    public void Streaming_screen_gives_the_records_of_the_whole_window_reference(double? sphereKm)
    {
        var set = ScreeningTests.ReferenceSet(ScreeningTests.LoadCatalog());
        set = [.. ElementSetGroups.Of(set).Representatives.Select(i => set[i])];
        var catalog = ScreeningCatalog.Prepare(set, _windowStart, _windowStart.AddHours(6));
        var volume = sphereKm is { } radius ? ScreeningVolume.Sphere(radius) : null;
        const double step = 20.0;
        Assert.That(6 * 3600 / step, Is.GreaterThan(2 * AllVersusAllScreener.StepsPerBatch));

        var expected = AllVersusAllReference.Screen(catalog, volume, stepSeconds: step);
        var sink = new ExclusiveSink();
        var statistics = AllVersusAllScreener.Screen(catalog, sink, volume, stepSeconds: step);

        var failures = new List<string>();
        CompareExactly(expected.Conjunctions, sink.Conjunctions, failures);
        Assert.That(failures, Is.Empty, string.Join(Environment.NewLine, failures.Take(30)));
        Assert.That(sink.Overlaps, Is.Zero, "the sink was entered by two threads at once");
        Assert.That(expected.Conjunctions, Has.Count.GreaterThan(sphereKm is null ? 20 : 5000));
        Assert.That(statistics.Conjunctions, Is.EqualTo(sink.Conjunctions.Count));
        Assert.That(statistics.Encounters, Is.EqualTo(expected.Encounters));
        Assert.That(statistics.SearchIntervals, Is.EqualTo(expected.Statistics.SearchIntervals));
        TestContext.Out.WriteLine($"{sink.Conjunctions.Count} conjunctions, {statistics.Encounters} encounters; {statistics}");
    }

    /// <summary>
    /// The ISS group (five docked vehicles on one element set) and the Tiangong group (three), with the 600 objects
    /// nearest in radius to the ISS, over a day with a 50 km sphere: the reference screens every member against every
    /// other and finds nothing inside a group; the grouped screen runs one per group and gives the same records for
    /// every member.
    /// </summary>
    [Test]
    public void Objects_sharing_an_element_set_are_screened_once_with_the_same_records()
    {
        var all = ScreeningTests.LoadCatalog();
        var iss = all.Single(t => t.CatalogNumber == 25544);
        var full = ScreeningCatalog.Prepare(all, _windowStart, _windowStart.AddDays(1));
        var issRadius = full.PrepareAnother(iss).MinRadiusKm;
        var grouped = _issGroup.Concat(_tiangongGroup).ToHashSet();
        var neighbours = full.Objects
            .Where(o => !grouped.Contains(o.CatalogNumber))
            .OrderBy(o => Math.Abs(o.MinRadiusKm - issRadius))
            .Take(600)
            .Select(o => o.CatalogNumber)
            .ToHashSet();
        var subset = all.Where(t => grouped.Contains(t.CatalogNumber) || neighbours.Contains(t.CatalogNumber)).ToList();
        var groups = ElementSetGroups.Of(subset);
        var found = groups.Members.Where(m => m.Length > 1).Select(m => m.Order().ToArray()).OrderBy(m => m[0]).ToList();
        Assert.That(found, Is.EqualTo(new[] { _issGroup, _tiangongGroup }));

        var catalog = ScreeningCatalog.Prepare(subset, _windowStart, _windowStart.AddDays(1));
        var sphere = ScreeningVolume.Sphere(50.0);
        var expected = AllVersusAllReference.Screen(catalog, sphere);
        var actual = AllVersusAllScreener.Screen(catalog, sphere);

        bool Inside(Conjunction c, int[] group) => group.Contains(c.PrimaryCatalogNumber) && group.Contains(c.SecondaryCatalogNumber);
        Assert.That(expected.Conjunctions.Where(c => Inside(c, _issGroup) || Inside(c, _tiangongGroup)), Is.Empty);
        var failures = new List<string>();
        CompareExactly(expected.Conjunctions, actual.Conjunctions, failures);
        Assert.That(failures, Is.Empty, string.Join(Environment.NewLine, failures.Take(30)));
        Assert.That(actual.Encounters, Is.EqualTo(expected.Encounters));
        foreach (var member in _issGroup)
        {
            // the group meets the catalogue: a test with nothing to describe would prove nothing
            Assert.That(actual.Conjunctions.Count(c => c.PrimaryCatalogNumber == member), Is.GreaterThan(5), $"{member}");
        }
        Assert.That(actual.Statistics.SearchIntervals, Is.LessThan(expected.Statistics.SearchIntervals));
        TestContext.Out.WriteLine($"{actual.Conjunctions.Count} conjunctions; intervals searched {actual.Statistics.SearchIntervals} " +
            $"(reference, every member screened: {expected.Statistics.SearchIntervals})");
    }

    /// <summary>Same (primary, secondary) records, times of closest approach within 1 ms, misses within 1 m.</summary>
    internal static void CompareExactly(IReadOnlyList<Conjunction> expected, IReadOnlyList<Conjunction> actual, List<string> failures)
    {
        static List<Conjunction> Ordered(IEnumerable<Conjunction> conjunctions) =>
            [.. conjunctions.OrderBy(c => c.PrimaryCatalogNumber).ThenBy(c => c.SecondaryCatalogNumber).ThenBy(c => c.TimeOfClosestApproach)];
        var want = Ordered(expected);
        var got = Ordered(actual);
        if (want.Count != got.Count)
        {
            failures.Add($"{got.Count} conjunctions, reference {want.Count}");
        }
        foreach (var (w, g) in want.Zip(got))
        {
            if (w.PrimaryCatalogNumber != g.PrimaryCatalogNumber || w.SecondaryCatalogNumber != g.SecondaryCatalogNumber
                || Math.Abs((w.TimeOfClosestApproach - g.TimeOfClosestApproach).TotalSeconds) > 1e-3
                || Math.Abs(w.MissDistanceKm - g.MissDistanceKm) > 1e-3)
            {
                failures.Add($"{g}, reference {w}");
            }
        }
    }

    /// <summary>Collects, and counts the calls that found another one still inside.</summary>
    private sealed class ExclusiveSink : IConjunctionSink
    {
        private int _inside;
        private int _overlaps;

        public List<Conjunction> Conjunctions { get; } = [];
        public int Overlaps => _overlaps;

        public void Add(Conjunction conjunction)
        {
            if (Interlocked.Increment(ref _inside) != 1)
            {
                Interlocked.Increment(ref _overlaps);
            }
            Conjunctions.Add(conjunction);
            Interlocked.Decrement(ref _inside);
        }
    }
}

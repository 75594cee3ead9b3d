using NotificationExchange.Orbits.Screening;
using NUnit.Framework;

namespace NotificationExchange.Orbits.Tests;

/// <summary>
/// The fine search two intervals at a time (both objects of two pairs in the vector kernel's four lanes, each walk
/// driven from outside) against the one-interval search the previous implementation calls: the same times of
/// closest approach, bit for bit, whatever interval shares the lanes.
/// </summary>
public class EncounterWalkTests
{
    private static readonly DateTime _windowStart = new(2022, 7, 15, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// 4,000 intervals (1 to 61 minutes) of random pairs of near-Earth objects from the reference set over 6 hours, with
    /// a threshold of 6,000 km so that most steps are dense and most minima are refined: the lanes' arguments fall on either side of
    /// the vector sine's and cosine's method switches (all within π/4 or not) in every combination, which is where a
    /// lane's result would follow its neighbours'.
    /// </summary>
    [Test]
    public void Two_intervals_at_a_time_give_the_one_at_a_time_times_bit_for_bit()
    {
        var set = ScreeningTests.ReferenceSet(ScreeningTests.LoadCatalog());
        var catalog = ScreeningCatalog.Prepare(set, _windowStart, _windowStart.AddHours(6));
        var objects = catalog.Objects.Where(o => o.Trajectory.IsLaneable && o.ValidUntilSeconds >= catalog.WindowSeconds).ToArray();
        var random = new Random(20261202);
        var intervals = new List<EncounterInterval>();
        var expected = new List<List<double>>();
        const double threshold = 6000.0;
        for (var n = 0; n < 4000; n++)
        {
            var a = objects[random.Next(objects.Length)];
            var b = objects[random.Next(objects.Length)];
            if (a.CatalogNumber == b.CatalogNumber)
            {
                continue;
            }
            var from = random.NextDouble() * (catalog.WindowSeconds - 3700.0);
            var to = from + 60.0 + random.NextDouble() * 3600.0;
            var acceleration = a.AccelerationBoundKmPerS2 + b.AccelerationBoundKmPerS2;
            var tcas = new List<double>();
            EncounterSearch.Search(a.Trajectory, b.Trajectory, from, to, threshold, acceleration, tcas);
            expected.Add(tcas);
            intervals.Add(new EncounterInterval(expected.Count - 1, a.Trajectory, b.Trajectory, from, to, threshold, acceleration));
        }
        var found = expected.Select(_ => new List<double>()).ToList();

        EncounterSearch.SearchTwoAtATime(intervals, found);

        var mismatches = Enumerable.Range(0, expected.Count)
            .Where(i => !expected[i].Select(BitConverter.DoubleToInt64Bits).SequenceEqual(found[i].Select(BitConverter.DoubleToInt64Bits)))
            .Select(i => $"interval {i}: expected [{string.Join(", ", expected[i].Select(t => t.ToString("R")))}], got [{string.Join(", ", found[i].Select(t => t.ToString("R")))}]")
            .ToList();
        Assert.That(mismatches, Is.Empty, string.Join(Environment.NewLine, mismatches.Take(10)));
        Assert.That(expected.Sum(t => t.Count), Is.GreaterThan(1000), "too few minima refined for the comparison to mean much");
    }
}

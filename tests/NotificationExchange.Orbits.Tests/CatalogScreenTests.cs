using NotificationExchange.Orbits.Screening;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Orbits.Tests;

public class CatalogScreenTests
{
    private static readonly DateTime _windowStart = new(2022, 7, 15, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// From the catalogue file in one call: the whole catalogue against itself over 20 minutes with a 20 km sphere,
    /// and ISS against it over 6 hours, give what the building blocks give when strung together by hand.
    /// </summary>
    [Test]
    public void One_call_from_the_file_gives_what_the_building_blocks_give()
    {
        var path = SharedData.Require("catalog/spacetrack_3le_2022-07-14.txt");
        var screen = CatalogScreen.FromFile(path);
        Assert.That(screen.Trajectories, Has.Count.EqualTo(24_132));
        Assert.That(screen.Rejections, Is.Empty);

        var end = _windowStart.AddMinutes(20);
        var sphere = ScreeningVolume.Sphere(20.0);
        var sink = new ConjunctionCollector();
        var statistics = screen.AllAgainstAll(_windowStart, end, sphere, sink);
        var all = ScreeningTests.LoadCatalog();
        var byHand = AllVersusAllScreener.Screen(ScreeningCatalog.Prepare(all, _windowStart, end), sphere);
        var failures = new List<string>();
        StreamingAllVersusAllTests.CompareExactly(byHand.Conjunctions, sink.Conjunctions, failures);
        Assert.That(failures, Is.Empty, string.Join(Environment.NewLine, failures.Take(30)));
        Assert.That(sink.Conjunctions, Has.Count.GreaterThan(10));
        Assert.That(statistics.Conjunctions, Is.EqualTo(sink.Conjunctions.Count));

        var iss = screen.Object(25544);
        var sixHours = _windowStart.AddHours(6);
        var against = screen.Against(iss, _windowStart, sixHours, ScreeningVolume.Sphere(50.0));
        var expected = ConjunctionScreener.Screen(all.Single(t => t.CatalogNumber == 25544),
            ScreeningCatalog.Prepare(all, _windowStart, sixHours), ScreeningVolume.Sphere(50.0));
        Assert.That(against.Select(c => (c.SecondaryCatalogNumber, c.TimeOfClosestApproach)),
            Is.EqualTo(expected.Select(c => (c.SecondaryCatalogNumber, c.TimeOfClosestApproach))));
        Assert.That(against, Is.Not.Empty);
        Assert.That(screen.Prepared(_windowStart, sixHours), Is.SameAs(screen.Prepared(_windowStart, sixHours)));
    }

    /// <summary>A bad entry is reported with its file line and left out; an unknown number is named.</summary>
    [Test]
    public void Bad_entries_are_reported_by_line_and_unknown_objects_by_number()
    {
        var lines = File.ReadLines(SharedData.Require("catalog/spacetrack_3le_2022-07-14.txt")).Take(9).ToList();
        // the second object's line 1 loses its checksum digit
        lines[4] = lines[4][..^1] + (lines[4][^1] == '0' ? '1' : '0');
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"catalog-screen-{Guid.NewGuid():N}.txt");
        File.WriteAllLines(path, lines);
        try
        {
            var screen = CatalogScreen.FromFile(path);

            Assert.That(screen.Trajectories, Has.Count.EqualTo(2));
            Assert.That(screen.Rejections.Single().FileLine, Is.EqualTo(5));
            var missing = Assert.Throws<KeyNotFoundException>(() => screen.Object(99_999))!;
            Assert.That(missing.Message, Does.Contain("99999").And.Contain("catalogNumber"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

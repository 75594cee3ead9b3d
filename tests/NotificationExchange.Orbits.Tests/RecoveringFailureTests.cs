using NotificationExchange.Orbits.Elements;
using NotificationExchange.Orbits.Propagation;
using NotificationExchange.Orbits.Screening;
using NUnit.Framework;

namespace NotificationExchange.Orbits.Tests;

/// <summary>
/// An element set whose SGP4 fails for part of each revolution and works again: it must end at its first failure in
/// every screen, whether or not the catalogue's samples (6 h apart) land on a failure.
/// </summary>
public class RecoveringFailureTests
{
    /// <summary>COSMOS 1408 DEB (51581), as in the public catalogue snapshot catalog/spacetrack_3le_2022-07-14.txt of
    /// the shared test data. A month after its epoch its mean eccentricity swings out of range (SGP4 error 1) for
    /// 20-40 minutes of every revolution from about 7.9 h after 2022-07-15 00:00, working again in between.</summary>
    private const string Line1 = "1 51581U 82092BNJ 22168.30580898  .02218631  27606-2  86055-2 0  9993";
    private const string Line2 = "2 51581  82.5313 269.3593 0023827 313.1181  46.8097 15.87379306 23087";

    private static readonly DateTime _windowStart = new(2022, 7, 15, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The debris and a twin whose node is 0.1° further east (catalogue number 99999): the same drag terms, so
    /// the same failures, and they pass within a few kilometres near the northern and southern turns of every revolution.</summary>
    private static List<Trajectory> DebrisAndTwin()
    {
        var twinLine1 = WithChecksum(Line1[..2] + "99999" + Line1[7..68]);
        var twinLine2 = WithChecksum(Line2[..2] + "99999" + Line2[7..17] + "269.4593" + Line2[25..68]);
        return [Trajectory.FromTle(TleParser.Parse(Line1, Line2)), Trajectory.FromTle(TleParser.Parse(twinLine1, twinLine2))];
    }

    private static string WithChecksum(string line) => line + TleParser.Checksum(line);

    /// <summary>The first time (to half a second) at which the trajectory fails, scanning the window.</summary>
    private static double FirstFailureSeconds(Trajectory trajectory, double windowSeconds)
    {
        for (var seconds = 0.0; seconds <= windowSeconds; seconds += 0.5)
        {
            if (trajectory.StateAt(_windowStart.AddSeconds(seconds), out _) != Sgp4Error.None)
            {
                return seconds;
            }
        }
        return double.PositiveInfinity;
    }

    /// <summary>12 h: the samples at 0, 6 and 12 h all work. 1 day: the one at 18 h fails, hours after the first failure.</summary>
    [TestCase(12.0)]
    [TestCase(24.0)]
    public void An_orbit_that_fails_and_recovers_ends_at_its_first_failure_in_every_screen(double hours)
    {
        var objects = DebrisAndTwin();
        var catalog = ScreeningCatalog.Prepare(objects, _windowStart, _windowStart.AddHours(hours));
        var firstFailure = FirstFailureSeconds(objects[0], catalog.WindowSeconds);
        var recovered = objects[0].StateAt(_windowStart.AddSeconds(firstFailure + 3600.0), out _) == Sgp4Error.None;
        Assert.That(firstFailure, Is.LessThan(catalog.WindowSeconds), "the fixture must fail inside the window");
        Assert.That(recovered, Is.True, "the fixture must work again after its first failure");

        var debris = catalog.Objects.Single(o => o.CatalogNumber == 51581);
        Assert.That(debris.ValidUntilSeconds, Is.InRange(firstFailure - 1.5, firstFailure));

        var sphere = ScreeningVolume.Sphere(100.0);
        var onePrimary = ConjunctionScreener.Screen(objects[0], catalog, sphere);
        var endsAt = _windowStart.AddSeconds(firstFailure);
        Assert.That(onePrimary, Is.Not.Empty, "the twin meets the debris before its first failure");
        Assert.That(onePrimary.Select(c => c.TimeOfClosestApproach), Is.All.LessThan(endsAt));

        // the all-against-all screen and the brute force follow the debris as far, and find the same conjunctions
        var failures = new List<string>();
        var allVersusAll = AllVersusAllScreener.Screen(catalog, sphere).Conjunctions.Where(c => c.PrimaryCatalogNumber == 51581).ToList();
        ScreeningTests.Compare(onePrimary, allVersusAll, "all against all", failures);
        ScreeningTests.Compare(BruteForceScreener.Screen(objects[0], catalog, sphere), onePrimary, "one primary", failures);
        Assert.That(failures, Is.Empty, string.Join(Environment.NewLine, failures));
    }
}

using NotificationExchange.Orbits.Catalog;
using NotificationExchange.Orbits.Encounters;
using NotificationExchange.Orbits.Propagation;
using NotificationExchange.Orbits.Regimes;
using NotificationExchange.Orbits.Screening;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Orbits.Tests.Encounters;

/// <summary>
/// Pairs built from real catalogue objects (the well-known set of 2022-07-14): companions are the object's own SGP4
/// elements with the mean anomaly, inclination or node moved, propagated by SGP4 like any catalogue object.
/// </summary>
public class ProximityDetectorTests
{
    private const int Iss = 25544;
    private const int Goes16 = 41866;

    private static Sgp4Elements Elements(int catalogNumber) =>
        Sgp4Elements.FromTle(TleCatalog.Load(SharedData.Require("catalog/wellknown_2022-07-14.txt")).Entries
            .Single(e => e.Tle.CatalogNumber == catalogNumber).Tle);

    private static Trajectory Path(Sgp4Elements elements) => new(new Sgp4Propagator(elements));

    /// <summary>The mean-anomaly shift (deg) that puts a companion about <paramref name="km"/> along the track.</summary>
    private static double AlongTrackDeg(Sgp4Elements elements, double km) =>
        km / EarthConstants.SemiMajorAxisKmFromMeanMotion(elements.MeanMotionRevPerDay) * 180.0 / Math.PI;

    /// <summary>Every interval within <paramref name="distanceKm"/> by sampling the range every second (the reference).</summary>
    private static List<(double Start, double End)> Sampled(Trajectory a, Trajectory b, DateTime start, double seconds, double distanceKm)
    {
        var intervals = new List<(double Start, double End)>();
        double? open = null;
        for (var t = 0.0; t <= seconds; t += 1.0)
        {
            Assert.That(a.StateAt(start.AddSeconds(t), out var sa), Is.EqualTo(Sgp4Error.None));
            Assert.That(b.StateAt(start.AddSeconds(t), out var sb), Is.EqualTo(Sgp4Error.None));
            var inside = (sb.PositionKm - sa.PositionKm).Length <= distanceKm;
            if (inside && open is null)
            {
                open = t;
            }
            else if (!inside && open is { } began)
            {
                intervals.Add((began, t - 1.0));
                open = null;
            }
        }
        if (open is { } last)
        {
            intervals.Add((last, seconds));
        }
        return intervals;
    }

    [Test]
    public void A_geo_companion_20_km_away_for_days_is_one_dwell_interval()
    {
        var goes = Elements(Goes16);
        var companion = goes with { CatalogNumber = 99001, MeanAnomalyDeg = goes.MeanAnomalyDeg + AlongTrackDeg(goes, 20.0) };
        var start = goes.Epoch;
        var end = start.AddDays(3);
        var search = new ProximitySearch(Path(goes), Path(companion), start, end, ProximityCriteria.Geo);

        var intervals = search.Scan();

        TestContext.Out.WriteLine($"{intervals.Count} interval(s), {search.Evaluations} state pairs evaluated");
        Assert.That(intervals, Has.Count.EqualTo(1));
        var interval = intervals[0];
        TestContext.Out.WriteLine(interval);
        Assert.Multiple(() =>
        {
            Assert.That(interval.Start, Is.EqualTo(start));
            Assert.That(interval.End, Is.EqualTo(end));
            Assert.That(interval.OpenAtStart && interval.OpenAtEnd, Is.True);
            Assert.That(interval.Flags.HasFlag(ProximityFlags.Dwell), Is.True);
            Assert.That(interval.MinimumRangeKm, Is.InRange(15.0, 25.0));
            Assert.That(interval.MeanRelativeSpeedKmPerS, Is.LessThan(0.005));
            // cheap: a few hundred states for 3 days, not one per second
            Assert.That(search.Evaluations, Is.LessThan(3000));
        });
        // the interval around any time in it is the same one
        var around = ProximityDetector.Around(Path(goes), Path(companion), start.AddHours(40), start, end, ProximityCriteria.Geo);
        Assert.That(around, Is.Not.Null);
        Assert.That((around!.Start, around.End), Is.EqualTo((interval.Start, interval.End)));
    }

    /// <summary>
    /// ISS and a companion on the mirror-image plane (node and perigee turned by 180°): the planes cross at 103° on the
    /// line of nodes and both objects reach it together, twice an orbit, at about 12 km/s. Its along-track position is
    /// tuned so that the first crossing misses by about 1 km (SGP4's J3 terms move the meeting point by kilometres, so
    /// the shift is found, not computed).
    /// </summary>
    [Test]
    public void A_fast_leo_crossing_at_1_km_is_a_conjunction_but_not_flagged()
    {
        var iss = Elements(Iss);
        var start = iss.Epoch;
        var end = start.AddMinutes(40);
        Sgp4Elements Companion(double alongKm) => iss with
        {
            CatalogNumber = 99002,
            RaanDeg = iss.RaanDeg + 180.0,
            ArgOfPerigeeDeg = iss.ArgOfPerigeeDeg + 180.0,
            MeanAnomalyDeg = iss.MeanAnomalyDeg + AlongTrackDeg(iss, alongKm),
        };
        double Miss(double alongKm) =>
            ProximityDetector.Scan(Path(iss), Path(Companion(alongKm)), start, end, new ProximityCriteria(100.0, 0.0, TimeSpan.Zero))
                .Select(i => i.MinimumRangeKm).DefaultIfEmpty(double.PositiveInfinity).Min();
        var coarse = Enumerable.Range(-20, 41).Select(k => (double)k).MinBy(Miss);
        var along = Enumerable.Range(-40, 81).Select(k => coarse + k * 0.05).MinBy(k => Math.Abs(Miss(k) - 1.0));
        var companion = Path(Companion(along));
        var primary = Path(iss);

        var conjunctions = ConjunctionScreener.Screen(primary, ScreeningCatalog.Prepare([companion], start, end), ScreeningVolume.Sphere(5.0));

        Assert.That(conjunctions, Has.Count.EqualTo(1));
        var conjunction = conjunctions[0];
        TestContext.Out.WriteLine($"shift {along:F2} km: {conjunction}");
        Assert.That(conjunction.MissDistanceKm, Is.EqualTo(1.0).Within(0.1));
        Assert.That(conjunction.RelativeSpeedKmPerS, Is.GreaterThan(10.0));

        var interval = ProximityDetector.Around(primary, companion, conjunction, start, end, ProximityCriteria.Leo);
        Assert.That(interval, Is.Not.Null);
        TestContext.Out.WriteLine(interval);
        Assert.Multiple(() =>
        {
            Assert.That(interval!.Flags, Is.EqualTo(ProximityFlags.None));
            Assert.That(interval.IsFlagged, Is.False);
            Assert.That(interval.Duration, Is.LessThan(TimeSpan.FromSeconds(1)));
            Assert.That(interval.MinimumRangeKm, Is.EqualTo(conjunction.MissDistanceKm).Within(0.01));
            Assert.That(interval.TimeOfMinimumRange, Is.EqualTo(conjunction.TimeOfClosestApproach).Within(TimeSpan.FromMilliseconds(10)));
            Assert.That(interval.RelativeSpeedAtMinimumKmPerS, Is.EqualTo(conjunction.RelativeSpeedKmPerS).Within(0.01));
        });
    }

    /// <summary>
    /// ISS and a companion 1 km behind it on a plane tilted 0.3° more: the companion crosses ISS's plane at about 40 m/s
    /// twice an orbit, within 5 km for about 4 minutes each time: flagged by speed, not by dwell. The scan must find
    /// exactly the intervals that sampling every second finds, with the same ends.
    /// </summary>
    [Test]
    public void A_slow_drift_by_in_leo_is_flagged_by_speed_and_matches_sampling_every_second()
    {
        var iss = Elements(Iss);
        var companion = iss with { CatalogNumber = 99003, InclinationDeg = iss.InclinationDeg + 0.3, MeanAnomalyDeg = iss.MeanAnomalyDeg - AlongTrackDeg(iss, 1.0) };
        var start = iss.Epoch;
        const double hours = 4.0;
        var end = start.AddHours(hours);
        var search = new ProximitySearch(Path(iss), Path(companion), start, end, ProximityCriteria.Leo);

        var intervals = search.Scan();
        var reference = Sampled(Path(iss), Path(companion), start, hours * 3600.0, ProximityCriteria.Leo.DistanceKm);

        TestContext.Out.WriteLine($"{search.Evaluations} state pairs evaluated (sampling: {hours * 3600:F0})");
        foreach (var interval in intervals)
        {
            TestContext.Out.WriteLine(interval);
        }
        Assert.That(intervals, Has.Count.EqualTo(reference.Count));
        Assert.That(intervals, Has.Count.GreaterThanOrEqualTo(4));
        for (var i = 0; i < intervals.Count; i++)
        {
            var interval = intervals[i];
            Assert.Multiple(() =>
            {
                Assert.That((interval.Start - start).TotalSeconds, Is.EqualTo(reference[i].Start).Within(1.0));
                Assert.That((interval.End - start).TotalSeconds, Is.EqualTo(reference[i].End).Within(1.0));
                Assert.That(interval.Flags, Is.EqualTo(ProximityFlags.LowRelativeSpeed));
                Assert.That(interval.RelativeSpeedAtMinimumKmPerS, Is.InRange(0.02, 0.06));
                // the 1 km along-track gap grows by about 0.3 km an orbit (J2 rates differ with inclination)
                Assert.That(interval.MinimumRangeKm, Is.LessThan(3.0));
                Assert.That(interval.Duration, Is.InRange(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10)));
            });
        }
        Assert.That(search.Evaluations, Is.LessThan(hours * 3600.0 / 10.0));
    }

    [Test]
    public void Criteria_follow_the_protected_objects_regime()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ProximityCriteria.For(Path(Elements(Iss))), Is.SameAs(ProximityCriteria.Leo));
            Assert.That(ProximityCriteria.For(Path(Elements(Goes16))), Is.SameAs(ProximityCriteria.Geo));
            Assert.That(ProximityCriteria.For(Path(Elements(40730))), Is.SameAs(ProximityCriteria.Meo));
            Assert.That(ProximityCriteria.ForRegime(OrbitalRegime.Heo), Is.SameAs(ProximityCriteria.Heo));
        });
        Assert.That(() => new ProximityCriteria(0.0, 0.1, TimeSpan.Zero), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("distance"));
        Assert.That(() => new ProximityCriteria(5.0, -1.0, TimeSpan.Zero), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("speed"));
        Assert.That(() => new ProximityCriteria(5.0, 0.1, TimeSpan.FromSeconds(-1)), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("dwell"));
    }
}

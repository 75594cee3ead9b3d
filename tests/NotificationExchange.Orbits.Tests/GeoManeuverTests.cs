using NotificationExchange.Orbits.Catalog;
using NotificationExchange.Orbits.Elements;
using NotificationExchange.Orbits.Maneuvers;
using NotificationExchange.Orbits.Propagation;
using NotificationExchange.Orbits.Screening;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Orbits.Tests;

/// <summary>
/// Burns on near-equatorial geostationary objects (inclination at most 0.05°, SDP4), where the fixed-point fit did not
/// converge: SDP4's lunar-solar periodics at the epoch are of the order of the inclination itself, so the map from mean
/// to osculating inclination vector is far from the identity there.
/// </summary>
public class GeoManeuverTests
{
    private static readonly DateTime _ignition = new(2022, 7, 15, 15, 0, 0, DateTimeKind.Utc);

    /// <summary>EUTE 117W B, STPSAT-6, WGS 7, SIRIUS FM-5, HORIZONS 3E, GALAXY 28, LAOSAT 1.</summary>
    private static readonly int[] _geoObjects = [41589, 49817, 40746, 35493, 43633, 28702, 41034];

    private static IReadOnlyList<CatalogEntry> Catalogue() =>
        TleCatalog.Load(SharedData.Require("catalog/spacetrack_3le_2022-07-14.txt")).Entries;

    private static TwoLineElementSet Tle(int catalogNumber) => Catalogue().Single(e => e.Tle.CatalogNumber == catalogNumber).Tle;

    private static IEnumerable<TestCaseData> Burns()
    {
        foreach (var catalogNumber in _geoObjects)
        {
            foreach (var speed in new[] { 0.1, 0.5, 2.0 })
            {
                foreach (var direction in new[] { 0, 1, 2 })
                {
                    foreach (var sign in new[] { 1.0, -1.0 })
                    {
                        yield return new TestCaseData(catalogNumber, direction, sign * speed);
                    }
                }
            }
        }
    }

    [TestCaseSource(nameof(Burns))]
    public void A_burn_on_a_near_equatorial_geo_object_converges_and_gives_the_pre_burn_state_plus_the_delta_v(
        int catalogNumber, int direction, double speedMps)
    {
        var original = Trajectory.FromTle(Tle(catalogNumber));
        Assert.That(original.InitialPropagator.IsDeepSpace, Is.True);
        Assert.That(original.InitialPropagator.Elements.InclinationDeg, Is.LessThanOrEqualTo(0.05));
        var maneuver = new ImpulsiveManeuver(
            _ignition, direction == 0 ? speedMps : 0.0, direction == 1 ? speedMps : 0.0, direction == 2 ? speedMps : 0.0);

        var maneuvered = maneuver.ApplyTo(original);

        Assert.That(original.StateAt(_ignition, out var before), Is.EqualTo(Sgp4Error.None));
        Assert.That(maneuvered.StateAt(_ignition, out var after), Is.EqualTo(Sgp4Error.None));
        var positionError = (after.PositionKm - before.PositionKm).Length;
        var velocityError = (after.VelocityKmPerS - before.VelocityKmPerS - maneuver.DeltaVKmPerS(before)).Length;
        // the fit's own tolerances (1e-7 km, 1e-10 km/s): at 42,164 km that is 2.4e-12 relative, a few hundred ulps of
        // the position, which SDP4's arithmetic resolves (the fit reaches 1e-9 km and below there)
        Assert.That(positionError, Is.LessThan(1e-7), "position at ignition (km)");
        Assert.That(velocityError, Is.LessThan(1e-10), "velocity at ignition minus the delta-v (km/s)");
    }

    [TestCaseSource(nameof(_geoObjects))]
    public void With_zero_delta_v_a_near_equatorial_geo_path_stays_within_40_m_of_sgp4_for_7_days(int catalogNumber)
    {
        var original = Trajectory.FromTle(Tle(catalogNumber));
        var maneuvered = new ImpulsiveManeuver(_ignition, 0.0, 0.0, 0.0).ApplyTo(original);

        var worst = 0.0;
        for (var minutes = 0; minutes <= 7 * 1440; minutes += 10)
        {
            var time = _ignition.AddMinutes(minutes);
            Assert.That(original.StateAt(time, out var expected), Is.EqualTo(Sgp4Error.None));
            Assert.That(maneuvered.StateAt(time, out var actual), Is.EqualTo(Sgp4Error.None));
            worst = Math.Max(worst, (actual.PositionKm - expected.PositionKm).Length);
        }
        TestContext.Out.WriteLine($"{catalogNumber}: largest departure over 7 days {worst * 1000:F1} m");
        Assert.That(worst, Is.LessThan(0.04));
    }

    [Test]
    public void Every_fiftieth_catalogue_object_takes_a_half_metre_per_second_in_track_burn_a_day_after_its_epoch()
    {
        var sample = Catalogue().Where((_, index) => index % 50 == 0).Select(e => e.Tle).ToList();
        var failures = new List<string>();
        var unpropagable = 0;
        foreach (var tle in sample)
        {
            var trajectory = Trajectory.FromTle(tle);
            var ignition = trajectory.InitialPropagator.Elements.Epoch.AddDays(1.0);
            if (trajectory.StateAt(ignition, out _) != Sgp4Error.None)
            {
                unpropagable++; // decayed by then: ApplyTo refuses it for that reason, not the fit
                continue;
            }
            try
            {
                new ImpulsiveManeuver(ignition, 0.0, 0.5, 0.0).ApplyTo(trajectory);
            }
            catch (InvalidOperationException e)
            {
                failures.Add($"{tle.CatalogNumber} {tle.Name}: {e.Message}");
            }
        }
        TestContext.Out.WriteLine($"{sample.Count} sampled, {unpropagable} not propagable at the ignition, {failures.Count} fits failed");
        foreach (var failure in failures)
        {
            TestContext.Out.WriteLine(failure);
        }
        Assert.That(failures, Is.Empty);
    }
}

using NotificationExchange.Orbits.Catalog;
using NotificationExchange.Orbits.Maneuvers;
using NotificationExchange.Orbits.Propagation;
using NotificationExchange.Orbits.Screening;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Orbits.Tests;

public class ManeuverTests
{
    private static readonly DateTime _ignition = new(2022, 7, 15, 6, 30, 0, DateTimeKind.Utc);

    /// <summary>LEO objects of the well-known set: ISS (strong drag), CSS Tianhe, HST, STARLINK-1007, NOAA 19 (sun-synchronous).</summary>
    private static readonly int[] _leoObjects = [25544, 48274, 20580, 44713, 33591];

    private static Trajectory WellKnown(int catalogNumber) =>
        Trajectory.FromTle(TleCatalog.Load(SharedData.Require("catalog/wellknown_2022-07-14.txt")).Entries
            .Single(e => e.Tle.CatalogNumber == catalogNumber).Tle);

    [TestCaseSource(nameof(_leoObjects))]
    public void With_zero_delta_v_the_maneuvered_path_stays_within_1_km_of_sgp4_for_7_days(int catalogNumber)
    {
        var original = WellKnown(catalogNumber);
        var maneuvered = new ImpulsiveManeuver(_ignition, 0.0, 0.0, 0.0).ApplyTo(original);

        var worst = 0.0;
        for (var minutes = 0; minutes <= 7 * 1440; minutes += 5)
        {
            var time = _ignition.AddMinutes(minutes);
            Assert.That(original.StateAt(time, out var expected), Is.EqualTo(Sgp4Error.None));
            Assert.That(maneuvered.StateAt(time, out var actual), Is.EqualTo(Sgp4Error.None));
            worst = Math.Max(worst, (actual.PositionKm - expected.PositionKm).Length);
        }
        TestContext.Out.WriteLine($"largest departure over 7 days: {worst * 1000:F1} m");
        Assert.That(worst, Is.LessThan(1.0), "zero delta-v must stay within 1 km of the original SGP4 trajectory over 7 days");
    }

    [Test]
    public void The_burn_changes_the_velocity_by_the_delta_v_and_raises_the_orbit_as_an_in_track_burn_should()
    {
        var original = WellKnown(20580);
        var maneuver = new ImpulsiveManeuver(_ignition, 0.0, 2.0, 0.0);
        var maneuvered = maneuver.ApplyTo(original);

        original.StateAt(_ignition, out var before);
        maneuvered.StateAt(_ignition, out var after);
        Assert.That((after.PositionKm - before.PositionKm).Length, Is.LessThan(1e-6));
        Assert.That((after.VelocityKmPerS - before.VelocityKmPerS - maneuver.DeltaVKmPerS(before)).Length, Is.LessThan(1e-9));

        // vis-viva: da = 2 a² v dv / mu, about 3.7 km for 2 m/s at HST's altitude
        var a = original.InitialPropagator.SemiMajorAxisKm;
        var expectedRaise = 2.0 * a * a * before.VelocityKmPerS.Length * 0.002 / Sgp4Propagator.MuKm3PerS2;
        var raise = maneuvered.FinalPropagator!.SemiMajorAxisKm - a;
        Assert.That(raise, Is.EqualTo(expectedRaise).Within(0.1 * expectedRaise));
        // half an orbit later the burn shows as a higher apogee opposite the ignition point
        var halfPeriod = TimeSpan.FromMinutes(original.InitialPropagator.PeriodMinutes / 2.0);
        original.StateAt(_ignition + halfPeriod, out var originalOpposite);
        maneuvered.StateAt(_ignition + halfPeriod, out var raisedOpposite);
        Assert.That(raisedOpposite.PositionKm.Length - originalOpposite.PositionKm.Length, Is.EqualTo(2.0 * expectedRaise).Within(0.2 * expectedRaise));
    }
}

using NotificationExchange.Orbits.Propagation;
using NotificationExchange.Orbits.Time;
using NUnit.Framework;

namespace NotificationExchange.Alerts.Tests.Catalogue;

/// <summary>Comparisons of SGP4 elements read from different forms of the same element set.</summary>
internal static class CatalogueAssert
{
    /// <summary>
    /// The same elements: each number to 1e-12 of its size (a TLE and an OMM write the same decimals, parsed by
    /// different code), the epoch to a microsecond (the OMM's precision), and the same SGP4 state a day after the epoch
    /// to within a metre.
    /// </summary>
    public static void SameElements(Sgp4Elements actual, Sgp4Elements expected, string what)
    {
        Assert.Multiple(() =>
        {
            Assert.That(actual.CatalogNumber, Is.EqualTo(expected.CatalogNumber), what);
            Assert.That(Math.Abs((actual.Epoch - expected.Epoch).Ticks), Is.LessThanOrEqualTo(10), $"{what}: epoch {actual.Epoch:o} against {expected.Epoch:o}");
            foreach (var (name, a, b) in new[]
            {
                ("mean motion", actual.MeanMotionRevPerDay, expected.MeanMotionRevPerDay),
                ("eccentricity", actual.Eccentricity, expected.Eccentricity),
                ("inclination", actual.InclinationDeg, expected.InclinationDeg),
                ("RAAN", actual.RaanDeg, expected.RaanDeg),
                ("argument of perigee", actual.ArgOfPerigeeDeg, expected.ArgOfPerigeeDeg),
                ("mean anomaly", actual.MeanAnomalyDeg, expected.MeanAnomalyDeg),
                ("BSTAR", actual.BStar, expected.BStar),
                ("mean motion dot", actual.MeanMotionDot, expected.MeanMotionDot),
                ("mean motion ddot", actual.MeanMotionDdot, expected.MeanMotionDdot),
            })
            {
                Assert.That(a, Is.EqualTo(b).Within(1e-12 * Math.Max(1.0, Math.Abs(b))), $"{what}: {name}");
            }
        });
        var dayAfter = expected.Epoch.AddDays(1);
        var fromActual = new Sgp4Propagator(actual);
        var fromExpected = new Sgp4Propagator(expected);
        Assert.That(fromActual.Propagate(JulianDate.MinutesBetween(actual.EpochJulianDateWhole, actual.EpochJulianDateFraction, dayAfter), out var a1), Is.EqualTo(Sgp4Error.None), what);
        Assert.That(fromExpected.Propagate(JulianDate.MinutesBetween(expected.EpochJulianDateWhole, expected.EpochJulianDateFraction, dayAfter), out var b1), Is.EqualTo(Sgp4Error.None), what);
        Assert.That((a1.PositionKm - b1.PositionKm).Length * 1000.0, Is.LessThan(1.0), $"{what}: metres apart at epoch + 1 day");
    }
}

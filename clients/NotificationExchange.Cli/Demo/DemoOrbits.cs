using Google.Protobuf.WellKnownTypes;
using NotificationExchange.Orbits;
using NotificationExchange.Orbits.Elements;
using NotificationExchange.Orbits.Propagation;
using NotificationExchange.Orbits.Screening;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Demo;

/// <summary>
/// Orbits for nxc demo's objects, with their epoch at the exchange's clock (so that screening propagates them, which it
/// will not do for element sets older than 30 days), as TLEs to register and as trajectories to design encounters
/// against. Circular orbits at a chosen height and inclination; the element sets are invented, not anyone's.
/// </summary>
internal static class DemoOrbits
{
    /// <summary>Circular mean elements at <paramref name="altitudeKm"/>, zero drag.</summary>
    public static Sgp4Elements Circular(int noradCatId, DateTime epoch, double altitudeKm, double inclinationDeg, double raanDeg, double meanAnomalyDeg) =>
        Sgp4Elements.FromMeanElements(noradCatId, epoch, EarthConstants.MeanMotionFromSemiMajorAxisKm(EarthConstants.EquatorialRadiusKm + altitudeKm),
            0.0001, inclinationDeg, raanDeg, 90, meanAnomalyDeg, bStar: 0);

    /// <summary>The elements as a TLE, for RegisterObject.</summary>
    public static Protocol.V1.TwoLineElementSet Tle(Sgp4Elements elements, string cospar)
    {
        var (line1, line2) = TleWriter.Write(elements, cospar);
        return new Protocol.V1.TwoLineElementSet { Line1 = line1, Line2 = line2 };
    }

    public static Trajectory Path(Sgp4Elements elements) => new(new Sgp4Propagator(elements));

    /// <summary>The exchange's mean elements (MeanElements, as notices carry them) as SGP4 elements for a TLE.</summary>
    public static Sgp4Elements FromNotice(int noradCatId, MeanElements elements) =>
        Sgp4Elements.FromMeanElements(noradCatId, elements.Epoch.ToDateTime(), EarthConstants.MeanMotionFromSemiMajorAxisKm(elements.SemiMajorAxisKm), elements.Eccentricity,
            elements.InclinationDeg, elements.RaanDeg, elements.ArgOfPerigeeDeg, elements.MeanAnomalyDeg, bStar: 0);

    public static Timestamp At(DateTime time) => Timestamp.FromDateTime(time);
}

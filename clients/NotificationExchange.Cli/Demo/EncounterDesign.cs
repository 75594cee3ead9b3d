using Google.Protobuf.WellKnownTypes;
using NotificationExchange.Orbits;
using NotificationExchange.Orbits.Geometry;
using NotificationExchange.Orbits.Maneuvers;
using NotificationExchange.Orbits.Propagation;
using NotificationExchange.Orbits.Screening;
using NotificationExchange.Protocol.V1;
using StateVector = NotificationExchange.Orbits.Geometry.StateVector;

namespace NotificationExchange.Cli.Demo;

/// <summary>
/// Maneuvers built to meet an object: the orbit an object has before a burn, such that the burn puts it on a path that
/// crosses the target's at a chosen time, a chosen distance above it. Built backwards with the orbit engine's fit: the
/// wanted state at TCA is fitted to SGP4 elements, propagated back to the ignition, the burn taken off, and fitted again.
/// The exchange then applies the burn forwards, as it does for any filed maneuver. nxc demo
/// and the exchange's tests build their encounters with it.
/// </summary>
public static class EncounterDesign
{
    /// <summary>
    /// Mean elements (epoch at <paramref name="ignition"/>) of an object that, after <paramref name="burn"/> (RTN, m/s)
    /// at the ignition, crosses <paramref name="target"/>'s path at right angles at <paramref name="tca"/>,
    /// <paramref name="radialOffsetKm"/> above it, 2 % faster (an eccentric orbit, so the pair does not meet again a
    /// revolution later).
    /// </summary>
    public static MeanElements BeforeBurnToMeet(Trajectory target, DateTime ignition, DateTime tca, double radialOffsetKm, RtnVector burn)
    {
        target.StateAt(tca, out var at);
        var up = at.PositionKm.Normalized();
        var across = Vector3d.Cross(up, at.VelocityKmPerS).Normalized() * (at.VelocityKmPerS.Length * 1.02);
        var template = target.InitialPropagator.Elements with { BStar = 0, MeanMotionDot = 0, MeanMotionDdot = 0 };
        var after = MeanElementFit.Fit(new StateVector(at.PositionKm + up * radialOffsetKm, across), tca, template);
        new Trajectory(new Sgp4Propagator(after)).StateAt(ignition, out var burnt);
        // The burn's frame is the one before it; the difference from the frame after it (a few 1e-4 rad for m/s burns)
        // is taken out by fitting the burn's reverse once more.
        var maneuver = new ImpulsiveManeuver(ignition, burn.Radial, burn.InTrack, burn.CrossTrack);
        var before = new StateVector(burnt.PositionKm, burnt.VelocityKmPerS - maneuver.DeltaVKmPerS(burnt));
        before = new StateVector(burnt.PositionKm, burnt.VelocityKmPerS - maneuver.DeltaVKmPerS(before));
        var elements = MeanElementFit.Fit(before, ignition, template);
        return new MeanElements
        {
            Epoch = Timestamp.FromDateTime(ignition),
            SemiMajorAxisKm = EarthConstants.SemiMajorAxisKmFromMeanMotion(elements.MeanMotionRevPerDay),
            Eccentricity = elements.Eccentricity,
            InclinationDeg = elements.InclinationDeg,
            RaanDeg = elements.RaanDeg,
            ArgOfPerigeeDeg = elements.ArgOfPerigeeDeg,
            MeanAnomalyDeg = elements.MeanAnomalyDeg,
        };
    }
}

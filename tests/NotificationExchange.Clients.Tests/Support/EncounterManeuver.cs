using Google.Protobuf.WellKnownTypes;
using NotificationExchange.Orbits;
using NotificationExchange.Orbits.Elements;
using NotificationExchange.Orbits.Geometry;
using NotificationExchange.Orbits.Maneuvers;
using NotificationExchange.Orbits.Propagation;
using NotificationExchange.Orbits.Screening;
using NotificationExchange.Protocol.V1;
using StateVector = NotificationExchange.Orbits.Geometry.StateVector;

namespace NotificationExchange.Clients.Tests.Support;

/// <summary>
/// A maneuver notice built to meet ISS: the object's orbit before an in-track burn is such that the burn puts it on a
/// path crossing ISS's at right angles at a chosen time, a chosen distance above it, so that the exchange's screening
/// raises exactly one alert, deterministically. The same construction as the example client's EncounterDesign (which
/// goes away with that client): the wanted state at TCA fitted to SGP4 elements, propagated back to the ignition, the
/// burn taken off, fitted again.
/// </summary>
internal static class EncounterManeuver
{
    public static ManeuverNotice Meeting(uint noradCatId, DateTime ignition, DateTime tca, double radialOffsetKm)
    {
        var burn = new RtnVector { InTrack = 2.0 };
        var target = Trajectory.FromTle(TleParser.Parse(Tles.IssLine1, Tles.IssLine2));
        target.StateAt(tca, out var at);
        var up = at.PositionKm.Normalized();
        var across = Vector3d.Cross(up, at.VelocityKmPerS).Normalized() * (at.VelocityKmPerS.Length * 1.02);
        var template = target.InitialPropagator.Elements with { BStar = 0, MeanMotionDot = 0, MeanMotionDdot = 0 };
        var after = MeanElementFit.Fit(new StateVector(at.PositionKm + up * radialOffsetKm, across), tca, template);
        new Trajectory(new Sgp4Propagator(after)).StateAt(ignition, out var burnt);
        var maneuver = new ImpulsiveManeuver(ignition, burn.Radial, burn.InTrack, burn.CrossTrack);
        var before = new StateVector(burnt.PositionKm, burnt.VelocityKmPerS - maneuver.DeltaVKmPerS(burnt));
        before = new StateVector(burnt.PositionKm, burnt.VelocityKmPerS - maneuver.DeltaVKmPerS(before));
        var elements = MeanElementFit.Fit(before, ignition, template);
        return new ManeuverNotice
        {
            Object = new SpaceObject { NoradCatId = noradCatId, Name = "RIDESHARE-7" },
            ExecutionWindow = new TimeWindow { Start = Timestamp.FromDateTime(ignition), End = Timestamp.FromDateTime(ignition.AddMinutes(1)) },
            Purpose = ManeuverPurpose.OrbitRaising,
            PlannedDeltaV = new DeltaV { MagnitudeMps = burn.InTrack, ComponentsMps = burn },
            CurrentOrbit = new OrbitSpec
            {
                MeanElements = new MeanElements
                {
                    Epoch = Timestamp.FromDateTime(ignition),
                    SemiMajorAxisKm = EarthConstants.SemiMajorAxisKmFromMeanMotion(elements.MeanMotionRevPerDay),
                    Eccentricity = elements.Eccentricity,
                    InclinationDeg = elements.InclinationDeg,
                    RaanDeg = elements.RaanDeg,
                    ArgOfPerigeeDeg = elements.ArgOfPerigeeDeg,
                    MeanAnomalyDeg = elements.MeanAnomalyDeg,
                },
            },
            Contact = new PointOfContact { Name = "Flight dynamics on duty", Email = "fdo@example.org" },
        };
    }
}

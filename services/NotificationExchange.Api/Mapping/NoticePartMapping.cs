using D = NotificationExchange.Domain.Notifications;
using P = NotificationExchange.Protocol.V1;

namespace NotificationExchange.Api.Mapping;

/// <summary>
/// The parts notices and reports share (objects, windows, contacts, delta-v, points, orbits), between the wire and the
/// domain. Nothing is checked here: the domain's validator says what is wrong, by wire name.
/// </summary>
internal static class NoticePartMapping
{
    public static D.SpaceObjectRef ToDomain(this P.SpaceObject obj) =>
        new((int)Math.Min(obj.NoradCatId, int.MaxValue), WireScalars.Text(obj.CosparId), WireScalars.Text(obj.Name));

    public static D.TimeWindow ToDomain(this P.TimeWindow window) => new(WireScalars.Time(window.Start), WireScalars.Time(window.End));

    public static D.PointOfContact ToDomain(this P.PointOfContact contact) =>
        new(WireScalars.Text(contact.Name), WireScalars.Text(contact.Organization), WireScalars.Text(contact.Email), WireScalars.Text(contact.Phone));

    public static D.DeltaV ToDomain(this P.DeltaV deltaV) => new(
        deltaV.MagnitudeMps,
        deltaV.ComponentsMps is null ? null : new D.RtnVector(deltaV.ComponentsMps.Radial, deltaV.ComponentsMps.InTrack, deltaV.ComponentsMps.CrossTrack));

    public static D.GeoPoint ToDomain(this P.GeoPoint point) => new(point.LatitudeDeg, point.LongitudeDeg);

    public static D.OrbitSpec? ToDomain(this P.OrbitSpec orbit) => orbit.ElementsCase switch
    {
        P.OrbitSpec.ElementsOneofCase.Tle => new D.TleOrbit(orbit.Tle.Line1, orbit.Tle.Line2),
        P.OrbitSpec.ElementsOneofCase.MeanElements => new D.MeanElementsOrbit(
            WireScalars.Time(orbit.MeanElements.Epoch),
            orbit.MeanElements.HasSemiMajorAxisKm ? orbit.MeanElements.SemiMajorAxisKm : null,
            orbit.MeanElements.HasEccentricity ? orbit.MeanElements.Eccentricity : null,
            orbit.MeanElements.HasApogeeAltitudeKm ? orbit.MeanElements.ApogeeAltitudeKm : null,
            orbit.MeanElements.HasPerigeeAltitudeKm ? orbit.MeanElements.PerigeeAltitudeKm : null,
            orbit.MeanElements.InclinationDeg,
            orbit.MeanElements.RaanDeg,
            orbit.MeanElements.ArgOfPerigeeDeg,
            orbit.MeanElements.MeanAnomalyDeg),
        _ => null,
    };

    public static P.SpaceObject ToProto(this D.SpaceObjectRef obj) =>
        new() { NoradCatId = (uint)obj.NoradCatId, CosparId = obj.CosparId ?? "", Name = obj.Name ?? "" };

    public static P.TimeWindow ToProto(this D.TimeWindow window) => new()
    {
        Start = WireScalars.ToTimestamp(window.Start),
        End = WireScalars.ToTimestamp(window.End),
    };

    public static P.PointOfContact ToProto(this D.PointOfContact contact) => new()
    {
        Name = contact.Name ?? "",
        Organization = contact.Organization ?? "",
        Email = contact.Email ?? "",
        Phone = contact.Phone ?? "",
    };

    public static P.DeltaV ToProto(this D.DeltaV deltaV) => new()
    {
        MagnitudeMps = deltaV.MagnitudeMps,
        ComponentsMps = deltaV.ComponentsMps is { } c ? new P.RtnVector { Radial = c.Radial, InTrack = c.InTrack, CrossTrack = c.CrossTrack } : null,
    };

    public static P.GeoPoint ToProto(this D.GeoPoint point) => new() { LatitudeDeg = point.LatitudeDeg, LongitudeDeg = point.LongitudeDeg };

    public static P.OrbitSpec ToProto(this D.OrbitSpec orbit)
    {
        switch (orbit)
        {
            case D.TleOrbit tle:
                return new P.OrbitSpec { Tle = new P.TwoLineElementSet { Line1 = tle.Line1, Line2 = tle.Line2 } };
            case D.MeanElementsOrbit elements:
                var proto = new P.MeanElements
                {
                    Epoch = WireScalars.ToTimestamp(elements.Epoch),
                    InclinationDeg = elements.InclinationDeg,
                    RaanDeg = elements.RaanDeg,
                    ArgOfPerigeeDeg = elements.ArgOfPerigeeDeg,
                    MeanAnomalyDeg = elements.MeanAnomalyDeg,
                };
                if (elements.SemiMajorAxisKm is { } a)
                {
                    proto.SemiMajorAxisKm = a;
                }
                if (elements.Eccentricity is { } e)
                {
                    proto.Eccentricity = e;
                }
                if (elements.ApogeeAltitudeKm is { } apogee)
                {
                    proto.ApogeeAltitudeKm = apogee;
                }
                if (elements.PerigeeAltitudeKm is { } perigee)
                {
                    proto.PerigeeAltitudeKm = perigee;
                }
                return new P.OrbitSpec { MeanElements = proto };
            default:
                throw new ArgumentOutOfRangeException(nameof(orbit), orbit.GetType().Name, null);
        }
    }
}

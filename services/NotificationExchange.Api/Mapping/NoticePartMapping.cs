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

    public static D.DeltaV ToDomain(this P.DeltaV deltaV) => new(deltaV.MagnitudeMps, deltaV.ComponentsMps?.ToDomain());

    public static D.RtnVector ToDomain(this P.RtnVector vector) => new(vector.Radial, vector.InTrack, vector.CrossTrack);

    public static D.GeoPoint ToDomain(this P.GeoPoint point) => new(point.LatitudeDeg, point.LongitudeDeg);

    public static D.OrbitSpec? ToDomain(this P.OrbitSpec orbit) => orbit.ElementsCase switch
    {
        P.OrbitSpec.ElementsOneofCase.Tle => new D.TleOrbit(orbit.Tle.Line1, orbit.Tle.Line2),
        P.OrbitSpec.ElementsOneofCase.MeanElements => orbit.MeanElements.ToDomain(),
        _ => null,
    };

    public static D.MeanElementsOrbit ToDomain(this P.MeanElements elements) => new(
        WireScalars.Time(elements.Epoch),
        elements.HasSemiMajorAxisKm ? elements.SemiMajorAxisKm : null,
        elements.HasEccentricity ? elements.Eccentricity : null,
        elements.HasApogeeAltitudeKm ? elements.ApogeeAltitudeKm : null,
        elements.HasPerigeeAltitudeKm ? elements.PerigeeAltitudeKm : null,
        elements.InclinationDeg,
        elements.RaanDeg,
        elements.ArgOfPerigeeDeg,
        elements.MeanAnomalyDeg);

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
        ComponentsMps = deltaV.ComponentsMps?.ToProto(),
    };

    public static P.RtnVector ToProto(this D.RtnVector vector) => new() { Radial = vector.Radial, InTrack = vector.InTrack, CrossTrack = vector.CrossTrack };

    public static P.GeoPoint ToProto(this D.GeoPoint point) => new() { LatitudeDeg = point.LatitudeDeg, LongitudeDeg = point.LongitudeDeg };

    public static P.OrbitSpec ToProto(this D.OrbitSpec orbit) => orbit switch
    {
        D.TleOrbit tle => new P.OrbitSpec { Tle = new P.TwoLineElementSet { Line1 = tle.Line1, Line2 = tle.Line2 } },
        D.MeanElementsOrbit elements => new P.OrbitSpec { MeanElements = elements.ToProto() },
        _ => throw new ArgumentOutOfRangeException(nameof(orbit), orbit.GetType().Name, null),
    };

    public static P.MeanElements ToProto(this D.MeanElementsOrbit elements)
    {
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
        return proto;
    }
}

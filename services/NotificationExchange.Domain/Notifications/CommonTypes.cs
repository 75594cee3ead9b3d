using System.Text.Json.Serialization;

namespace NotificationExchange.Domain.Notifications;

// The notice types are drafts as received: a field the sender left out is null (or 0 for an enum) until the
// validator has accepted the notice. Stored and published notices have passed validation.

public sealed record SpaceObjectRef(int NoradCatId, string? CosparId = null, string? Name = null);

public sealed record TimeWindow(DateTime? Start, DateTime? End)
{
    public bool Overlaps(DateTime from, DateTime to) => Start <= to && End >= from;
}

public sealed record PointOfContact(string? Name, string? Organization = null, string? Email = null, string? Phone = null);

public sealed record RtnVector(double Radial, double InTrack, double CrossTrack)
{
    // Derived, so not part of the stored form (it once was, and overflowed to infinity for huge components).
    [JsonIgnore]
    public double Norm => Math.Sqrt(Radial * Radial + InTrack * InTrack + CrossTrack * CrossTrack);
}

public sealed record DeltaV(double MagnitudeMps, RtnVector? ComponentsMps = null);

public sealed record GeoPoint(double LatitudeDeg, double LongitudeDeg);

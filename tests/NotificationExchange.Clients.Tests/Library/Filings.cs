using Google.Protobuf.WellKnownTypes;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Clients.Tests.Library;

/// <summary>Valid maneuver filings as an operator would make them, one object per catalogue number, so that a test
/// tells its events apart by the object.</summary>
internal static class Filings
{
    /// <summary>A collision-avoidance maneuver of <paramref name="noradCatId"/> in 6 hours; no request id, so that the
    /// library gives it one.</summary>
    public static FileNotificationRequest Maneuver(uint noradCatId) => new()
    {
        Maneuver = new ManeuverNotice
        {
            Object = new SpaceObject { NoradCatId = noradCatId, Name = $"OBJECT {noradCatId}" },
            ExecutionWindow = new TimeWindow
            {
                Start = Timestamp.FromDateTime(DateTime.UtcNow.AddHours(6)),
                End = Timestamp.FromDateTime(DateTime.UtcNow.AddHours(6).AddMinutes(20)),
            },
            Purpose = ManeuverPurpose.CollisionAvoidance,
            PlannedDeltaV = new DeltaV { MagnitudeMps = 0.5, ComponentsMps = new RtnVector { InTrack = 0.5 } },
            Contact = new PointOfContact { Name = "Duty flight dynamics engineer", Email = "fdo@example.org" },
        },
    };
}

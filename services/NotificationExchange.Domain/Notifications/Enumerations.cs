namespace NotificationExchange.Domain.Notifications;

// Numeric values match the wire contract's enums, so that an unknown number stays unknown on both sides.

public enum NotificationKind
{
    Maneuver = 1,
    ProximityOperation = 2,
    Launch = 3,
}

public enum NotificationStatus
{
    Filed = 1,
    Amended = 2,
    Cancelled = 3,
    Completed = 4,
}

public enum NotificationEventType
{
    Filed = 1,
    Amended = 2,
    Cancelled = 3,
    ExecutionReported = 4,

    /// <summary>The exchange released the notification's embargo at its time: the notification's own audience applies.</summary>
    EmbargoReleased = 5,
}

public enum Visibility
{
    Public = 1,
}

public enum ManeuverPurpose
{
    CollisionAvoidance = 1,
    StationKeeping = 2,
    OrbitRaising = 3,
    OrbitLowering = 4,
    InclinationChange = 5,
    Disposal = 6,
    Other = 7,
}

public enum TargetConsent
{
    Cooperative = 1,
    NonCooperative = 2,
}

public enum ApproachPhaseType
{
    FarRangeRendezvous = 1,
    Hold = 2,
    CloseApproach = 3,
    FlyAround = 4,
    DockingOrCapture = 5,
    Departure = 6,
}

public enum ProximityOperationPurpose
{
    Inspection = 1,
    Servicing = 2,
    Docking = 3,
    DebrisRemoval = 4,
    FormationFlying = 5,
    Other = 6,
}

public enum ExecutionOutcome
{
    AsPlanned = 1,
    WithDeviations = 2,
    Failed = 3,
}

public static class NotificationKindExtensions
{
    /// <summary>The wire name of this kind's field in requests: the root of field paths in validation errors.</summary>
    public static string FieldName(this NotificationKind kind) => kind switch
    {
        NotificationKind.Maneuver => "maneuver",
        NotificationKind.ProximityOperation => "proximity_operation",
        NotificationKind.Launch => "launch",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The prefix of the ids the exchange gives notifications of this kind (MNV-42, RPO-43, LCH-44).</summary>
    public static string IdPrefix(this NotificationKind kind) => kind switch
    {
        NotificationKind.Maneuver => "MNV",
        NotificationKind.ProximityOperation => "RPO",
        NotificationKind.Launch => "LCH",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

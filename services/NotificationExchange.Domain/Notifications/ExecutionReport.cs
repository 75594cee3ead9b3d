using System.Text.Json.Serialization;

namespace NotificationExchange.Domain.Notifications;

/// <summary>What actually happened; its details are of the notification's own kind.</summary>
public sealed record ExecutionReport(ExecutionOutcome Outcome, ExecutionDetails? Details, string? Remarks, DateTime? ReportedAt = null);

[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ManeuverExecution), "maneuver")]
[JsonDerivedType(typeof(ProximityOperationExecution), "proximity_operation")]
[JsonDerivedType(typeof(LaunchExecution), "launch")]
public abstract record ExecutionDetails
{
    [JsonIgnore]
    public abstract NotificationKind Kind { get; }

    [JsonIgnore]
    public abstract string FieldName { get; }

    public virtual IEnumerable<int> ConcernedObjects() => [];
}

public sealed record ManeuverExecution(TimeWindow? ActualWindow, DeltaV? AchievedDeltaV, OrbitSpec? AchievedOrbit) : ExecutionDetails
{
    public override NotificationKind Kind => NotificationKind.Maneuver;
    public override string FieldName => "maneuver";
}

public sealed record ProximityOperationExecution(TimeWindow? ActualWindow, double? ActualClosestApproachM) : ExecutionDetails
{
    public override NotificationKind Kind => NotificationKind.ProximityOperation;
    public override string FieldName => "proximity_operation";
}

public sealed record LaunchExecution(DateTime? LiftoffTime, IReadOnlyList<SpaceObjectRef> DeployedObjects) : ExecutionDetails
{
    public override NotificationKind Kind => NotificationKind.Launch;
    public override string FieldName => "launch";
    public override IEnumerable<int> ConcernedObjects() => DeployedObjects.Select(o => o.NoradCatId);
}

public sealed record Cancellation(string Reason, DateTime CancelledAt);

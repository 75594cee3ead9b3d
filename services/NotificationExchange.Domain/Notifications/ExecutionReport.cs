using System.Text.Json.Serialization;

namespace NotificationExchange.Domain.Notifications;

/// <summary>What actually happened; its details are of the notification's own kind.</summary>
public sealed record ExecutionReport(ExecutionOutcome Outcome, ExecutionDetails? Details, string? Remarks, DateTime? ReportedAt = null);

[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ManeuverExecution), "maneuver")]
[JsonDerivedType(typeof(ProximityOperationExecution), "proximity_operation")]
[JsonDerivedType(typeof(LaunchExecution), "launch")]
public abstract record ExecutionDetails([property: JsonIgnore] NotificationKind Kind)
{
    [JsonIgnore]
    public string FieldName => Kind.FieldName();

    public virtual IEnumerable<int> ConcernedObjects() => [];
}

public sealed record ManeuverExecution(TimeWindow? ActualWindow, DeltaV? AchievedDeltaV, OrbitSpec? AchievedOrbit) : ExecutionDetails(NotificationKind.Maneuver);

public sealed record ProximityOperationExecution(TimeWindow? ActualWindow, double? ActualClosestApproachM) : ExecutionDetails(NotificationKind.ProximityOperation);

public sealed record LaunchExecution(DateTime? LiftoffTime, IReadOnlyList<SpaceObjectRef> DeployedObjects) : ExecutionDetails(NotificationKind.Launch)
{
    public override IEnumerable<int> ConcernedObjects() => DeployedObjects.Select(o => o.NoradCatId);
}

public sealed record Cancellation(string Reason, DateTime CancelledAt);

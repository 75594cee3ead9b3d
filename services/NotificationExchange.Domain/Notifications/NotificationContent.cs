using System.Text.Json.Serialization;
using NotificationExchange.Orbits.Regimes;

namespace NotificationExchange.Domain.Notifications;

/// <summary>What an operator tells the others: one of the three kinds of notice.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ManeuverNotice), "maneuver")]
[JsonDerivedType(typeof(ProximityOperationNotice), "proximity_operation")]
[JsonDerivedType(typeof(LaunchNotice), "launch")]
public abstract record NotificationContent([property: JsonIgnore] NotificationKind Kind)
{
    [JsonIgnore]
    public string FieldName => Kind.FieldName();

    /// <summary>The window in which the activity happens (execution, operations or launch window).</summary>
    public abstract TimeWindow? ActivityWindow();

    // Kind is fixed by each derived record; it is not part of the stored form (the type discriminator is).

    /// <summary>Catalogue numbers of the objects the notice concerns.</summary>
    public abstract IEnumerable<int> ConcernedObjects();

    /// <summary>Orbital regimes of the orbit data in the notice.</summary>
    public abstract IEnumerable<OrbitalRegime> Regimes();
}

public sealed record ManeuverNotice() : NotificationContent(NotificationKind.Maneuver)
{
    public SpaceObjectRef? Object { get; init; }
    public TimeWindow? ExecutionWindow { get; init; }
    public ManeuverPurpose Purpose { get; init; }
    public DeltaV? PlannedDeltaV { get; init; }
    public OrbitSpec? CurrentOrbit { get; init; }
    public OrbitSpec? ExpectedOrbit { get; init; }
    public string? Remarks { get; init; }
    public PointOfContact? Contact { get; init; }

    public override TimeWindow? ActivityWindow() => ExecutionWindow;

    public override IEnumerable<int> ConcernedObjects() => Object is null ? [] : [Object.NoradCatId];

    public override IEnumerable<OrbitalRegime> Regimes() =>
        new[] { CurrentOrbit, ExpectedOrbit }.OfType<OrbitSpec>().Select(o => o.Regime()).Distinct();
}

public sealed record ApproachPhase(ApproachPhaseType Type, double RangeM, TimeWindow? Window = null, string? Description = null);

public sealed record ProximityOperationNotice() : NotificationContent(NotificationKind.ProximityOperation)
{
    public SpaceObjectRef? Chaser { get; init; }
    public SpaceObjectRef? Target { get; init; }
    public string? TargetOperator { get; init; }
    public TargetConsent Consent { get; init; }
    public string? ConsentReference { get; init; }
    public TimeWindow? OperationsWindow { get; init; }
    public double PlannedClosestApproachM { get; init; }
    public double? KeepOutRadiusM { get; init; }
    public IReadOnlyList<ApproachPhase> Phases { get; init; } = [];
    public string? AbortPlan { get; init; }
    public ProximityOperationPurpose Purpose { get; init; }
    public string? PurposeDescription { get; init; }
    public OrbitSpec? ChaserOrbit { get; init; }
    public PointOfContact? Contact { get; init; }

    // A snapshot stored before this list existed reads back as none: the generated deserializer sets every init-only
    // property, an absent one to null, past any initializer.
    public IReadOnlyList<PlannedBurn> PlannedManeuvers { get; init => field = value ?? []; } = [];

    public override TimeWindow? ActivityWindow() => OperationsWindow;

    public override IEnumerable<int> ConcernedObjects() =>
        new[] { Chaser, Target }.OfType<SpaceObjectRef>().Select(o => o.NoradCatId).Distinct();

    public override IEnumerable<OrbitalRegime> Regimes() => ChaserOrbit is null ? [] : [ChaserOrbit.Regime()];
}

public sealed record LaunchSite(string? Name, GeoPoint? Location);

/// <summary>A payload's target orbit; the insertion orbit, when given, is the same orbit as mean elements with an epoch.</summary>
public sealed record PayloadOrbit(
    string? PayloadName, double PerigeeAltitudeKm, double ApogeeAltitudeKm, double InclinationDeg, MeanElementsOrbit? InsertionOrbit = null);

/// <summary>A latitude/longitude box; min longitude above max longitude means it crosses the antimeridian.</summary>
public sealed record LatLonBox(double MinLatitudeDeg, double MaxLatitudeDeg, double MinLongitudeDeg, double MaxLongitudeDeg);

/// <summary>Where something may fall and when: a polygon or a box.</summary>
public sealed record HazardArea(
    string? DiscardedItem, IReadOnlyList<GeoPoint>? Polygon, LatLonBox? Box, TimeWindow? Window);

public sealed record LaunchNotice() : NotificationContent(NotificationKind.Launch)
{
    public string? Vehicle { get; init; }
    public LaunchSite? Site { get; init; }
    public TimeWindow? LaunchWindow { get; init; }
    public double LaunchAzimuthDeg { get; init; }
    public IReadOnlyList<PayloadOrbit> PayloadOrbits { get; init; } = [];
    public int PayloadCount { get; init; }
    public IReadOnlyList<HazardArea> HazardAreas { get; init; } = [];
    public string? HcocNotificationReference { get; init; }
    public string? Remarks { get; init; }
    public PointOfContact? Contact { get; init; }

    // A snapshot stored before this list existed reads back as none: the generated deserializer sets every init-only
    // property, an absent one to null, past any initializer.
    public IReadOnlyList<StageOrbit> StageOrbits { get; init => field = value ?? []; } = [];

    public override TimeWindow? ActivityWindow() => LaunchWindow;

    // A launch concerns no catalogued object until its execution report names the deployed ones.
    public override IEnumerable<int> ConcernedObjects() => [];

    // The payloads' insertion orbits agree with their target orbits (validation), so they add no regime; stages left
    // in orbit do (a stage left in a transfer orbit crosses regimes its payload does not).
    public override IEnumerable<OrbitalRegime> Regimes() =>
        PayloadOrbits.Select(p => OrbitalRegimeClassifier.ClassifyByAltitudes(p.PerigeeAltitudeKm, p.ApogeeAltitudeKm, p.InclinationDeg))
            .Concat(StageOrbits.Select(s => s.InsertionOrbit).OfType<MeanElementsOrbit>().Select(o => o.Regime()))
            .Distinct();
}

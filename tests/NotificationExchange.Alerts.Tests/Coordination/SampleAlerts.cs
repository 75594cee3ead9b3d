using NotificationExchange.Domain.Alerts;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Orbits.Regimes;

namespace NotificationExchange.Alerts.Tests.Coordination;

/// <summary>Alerts as the screening would raise them, for the coordination and CDM tests.</summary>
internal static class SampleAlerts
{
    public static readonly DateTime RaisedAt = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime Tca = RaisedAt.AddHours(20);

    public static Alert Between(string? primaryOperator, string? secondaryOperator, bool shareStates = true) => new(
        "ALR-17",
        3,
        AlertState.Open,
        Object(new SpaceObjectRef(25544, "1998-067A", "ISS (ZARYA)"), primaryOperator, true,
            shareStates ? new StateAtTca(-4520.6123, 3310.4471, 3987.2290, -4.1234567, -5.8765432, 2.3456789) : null),
        Object(new SpaceObjectRef(48274, "2021-035A", "CSS (TIANHE)"), secondaryOperator, false,
            shareStates ? new StateAtTca(-4520.4011, 3310.6013, 3987.1002, 3.0011223, -6.1122334, -3.4455667) : null),
        Tca,
        312.5,
        new RtnVector(-120.25, 280.5, 61.125),
        10432.75,
        new VolumeInfo("ELLIPSOID", 2, 25, 25),
        "MNV-4",
        1,
        primaryOperator,
        new CollisionEstimate(ProbabilityKind.MaximumForHardBodyRadius, 3.25e-5, "ALFANO-2005", 15),
        null,
        IntentConflict.None,
        OrbitalRegime.Leo,
        RaisedAt,
        RaisedAt.AddHours(1));

    private static AlertObject Object(SpaceObjectRef obj, string? operatorId, bool maneuverable, StateAtTca? state) => new(
        obj,
        operatorId,
        operatorId is null ? null : maneuverable,
        7.5,
        operatorId is null ? OrbitSource.Catalogue : OrbitSource.Registration,
        RaisedAt.AddHours(-6),
        state,
        operatorId is null ? null : new AlertResponse(AcknowledgementDeadline.For(RaisedAt, Tca)));

    public static Alert WithIntents(this Alert alert, ManeuverIntent? primary, ManeuverIntent? secondary) => alert with
    {
        Primary = alert.Primary with { Response = alert.Primary.Response! with { Intent = primary, AcknowledgedAt = primary is null ? null : RaisedAt.AddHours(1) } },
        Secondary = alert.Secondary with { Response = alert.Secondary.Response! with { Intent = secondary, AcknowledgedAt = secondary is null ? null : RaisedAt.AddHours(1) } },
    };
}

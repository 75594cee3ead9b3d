using Microsoft.Extensions.DependencyInjection;
using NotificationExchange.Domain.Alerts;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Orbits.Regimes;

namespace NotificationExchange.Exchange.Tests.Support;

/// <summary>
/// Alerts written into a host's log as the screening writes them (through its <see cref="ILogWriter"/>, rendered for
/// readers before the commit), so that the coordination, streams and RPCs can be tested end to end on their own.
/// </summary>
internal static class Alerting
{
    /// <summary>A RAISED alert between 25544 (primary) and 48274 (secondary); ids are ALR- and the raising sequence.</summary>
    public static Task<Alert> RaiseAsync(
        ExchangeHost host,
        string? primaryOperator,
        string? secondaryOperator,
        DateTime raisedAt,
        DateTime tca,
        string? filer = null,
        double missDistanceM = 312.5,
        double probability = 3.25e-5,
        OrbitalRegime regime = OrbitalRegime.Leo,
        bool unannounced = false,
        bool shareStates = true) =>
        host.Services.GetRequiredService<ILogWriter>().WriteAsync(session =>
        {
            var alert = new Alert(
                AlertIds.ForSequence(session.NextSequence),
                1,
                AlertState.Open,
                Object(new SpaceObjectRef(25544, "1998-067A", "ISS (ZARYA)"), primaryOperator, raisedAt, tca,
                    shareStates ? new StateAtTca(-4520.6123, 3310.4471, 3987.2290, -4.1234567, -5.8765432, 2.3456789) : null),
                Object(new SpaceObjectRef(48274, "2021-035A", "CSS (TIANHE)"), secondaryOperator, raisedAt, tca,
                    shareStates ? new StateAtTca(-4520.4011, 3310.6013, 3987.1002, 3.0011223, -6.1122334, -3.4455667) : null),
                tca,
                missDistanceM,
                new RtnVector(-120.25, 280.5, 61.125),
                10432.75,
                new VolumeInfo("ELLIPSOID", 2, 25, 25),
                filer is null ? null : "MNV-1",
                filer is null ? null : 1,
                filer,
                new CollisionEstimate(ProbabilityKind.MaximumForHardBodyRadius, probability, "ALFANO-2005", 15),
                unannounced ? new UnannouncedApproach(raisedAt, tca, 50, missDistanceM / 1000, 0.4, "stays within 50 km for 26 h (GEO criteria: 2 h)") : null,
                IntentConflict.None,
                regime,
                raisedAt,
                raisedAt);
            Append(host, session, AlertEventType.Raised, raisedAt, alert);
            return alert;
        }, CancellationToken.None);

    /// <summary>The screening's WITHDRAWN: the alert's next version, no longer open.</summary>
    public static Task<Alert> WithdrawAsync(ExchangeHost host, string alertId, DateTime at) =>
        host.Services.GetRequiredService<ILogWriter>().WriteAsync(session =>
        {
            var current = session.GetAlert(alertId)!;
            var withdrawn = current with { Version = current.Version + 1, State = AlertState.Withdrawn, UpdatedAt = at };
            Append(host, session, AlertEventType.Withdrawn, at, withdrawn);
            return withdrawn;
        }, CancellationToken.None);

    /// <summary>The screening's UPDATED after the primary object changed hands: its next version names the new operator.</summary>
    public static Task<Alert> HandOverPrimaryAsync(ExchangeHost host, string alertId, string newOperator, DateTime at) =>
        host.Services.GetRequiredService<ILogWriter>().WriteAsync(session =>
        {
            var current = session.GetAlert(alertId)!;
            var updated = current with { Version = current.Version + 1, Primary = current.Primary with { OperatorId = newOperator }, UpdatedAt = at };
            Append(host, session, AlertEventType.Updated, at, updated);
            return updated;
        }, CancellationToken.None);

    private static void Append(ExchangeHost host, ILogWriteSession session, AlertEventType type, DateTime at, Alert alert)
    {
        var recorded = new AlertRecorded(session.NextSequence, type, at, new AlertChange(alert, null));
        host.Services.GetRequiredService<IEventRenderer>().RenderForReaders(recorded, "alert");
        session.Append(recorded);
    }

    private static AlertObject Object(SpaceObjectRef obj, string? operatorId, DateTime raisedAt, DateTime tca, StateAtTca? state) => new(
        obj,
        operatorId,
        operatorId is null ? null : true,
        7.5,
        operatorId is null ? OrbitSource.Catalogue : OrbitSource.Registration,
        raisedAt.AddHours(-6),
        state,
        operatorId is null ? null : new AlertResponse(AcknowledgementDeadline.For(raisedAt, tca)));
}

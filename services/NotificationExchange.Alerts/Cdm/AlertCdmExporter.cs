using NotificationExchange.Alerts.Screening;
using NotificationExchange.Ccsds;
using NotificationExchange.Domain.Alerts;
using NotificationExchange.Domain.Operators;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Orbits.Propagation;

namespace NotificationExchange.Alerts.Cdm;

/// <summary>
/// ExportAlertCdm: the alert's latest version as a CDM (<see cref="AlertCdm"/>) for one of its parties (NOT_FOUND to
/// anyone else), each object's operator named as the directory has it now. An object the asking operator operates is
/// given its state at TCA from its own registration when its policy kept the state out of the alert: the policy keeps
/// an operator's data from the other party, never from the operator itself.
/// </summary>
public sealed class AlertCdmExporter(IAlertStore store, IOperatorDirectory directory, ScreeningUniverse universe, TimeProvider clock)
{
    public async Task<ExportedAlertCdm> ExportAsync(string operatorId, string alertId, CcsdsSyntax syntax, CancellationToken cancellationToken)
    {
        var alert = AlertAccess.Admitted(await store.GetAlertAsync(alertId, cancellationToken), operatorId, alertId).Alert;
        var profiles = new Dictionary<string, OrganizationProfile?>();
        foreach (var id in new[] { alert.Primary.OperatorId, alert.Secondary.OperatorId }.OfType<string>().Distinct())
        {
            profiles[id] = (await directory.GetAsync(id, cancellationToken))?.Profile;
        }
        alert = alert with
        {
            Primary = await WithOwnStateAsync(alert.Primary, alert.Tca, operatorId, cancellationToken),
            Secondary = await WithOwnStateAsync(alert.Secondary, alert.Tca, operatorId, cancellationToken),
        };
        return AlertCdm.Write(alert, operatorId, profiles, syntax, clock.GetUtcNow().UtcDateTime);
    }

    private async Task<AlertObject> WithOwnStateAsync(AlertObject side, DateTime tca, string operatorId, CancellationToken cancellationToken)
    {
        if (side.StateAtTca is not null || side.OperatorId != operatorId || side.Source != OrbitSource.Registration
            || await store.GetObjectAsync(side.Object.NoradCatId, cancellationToken) is not { } registered || registered.OperatorId != operatorId
            || universe.FromRegistration(registered) is not { } own
            || own.Trajectory.StateAt(tca, out var state) != Sgp4Error.None)
        {
            return side;
        }
        return side with
        {
            StateAtTca = new StateAtTca(state.PositionKm.X, state.PositionKm.Y, state.PositionKm.Z, state.VelocityKmPerS.X, state.VelocityKmPerS.Y, state.VelocityKmPerS.Z),
        };
    }
}

using NotificationExchange.Ccsds;
using NotificationExchange.Domain.Alerts;
using NotificationExchange.Domain.Operators;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Alerts.Cdm;

/// <summary>
/// ExportAlertCdm: the alert's latest version as a CDM (<see cref="AlertCdm"/>) for one of its parties (NOT_FOUND to
/// anyone else), each object's operator named as the directory has it now.
/// </summary>
public sealed class AlertCdmExporter(IAlertStore store, IOperatorDirectory directory, TimeProvider clock)
{
    public async Task<ExportedAlertCdm> ExportAsync(string operatorId, string alertId, CcsdsSyntax syntax, CancellationToken cancellationToken)
    {
        var alert = AlertAccess.Admitted(await store.GetAlertAsync(alertId, cancellationToken), operatorId, alertId).Alert;
        var profiles = new Dictionary<string, OrganizationProfile?>();
        foreach (var id in new[] { alert.Primary.OperatorId, alert.Secondary.OperatorId }.OfType<string>().Distinct())
        {
            profiles[id] = (await directory.GetAsync(id, cancellationToken))?.Profile;
        }
        return AlertCdm.Write(alert, operatorId, profiles, syntax, clock.GetUtcNow().UtcDateTime);
    }
}

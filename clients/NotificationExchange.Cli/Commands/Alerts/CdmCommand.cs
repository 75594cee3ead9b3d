using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Alerts;

/// <summary>nxc alerts cdm: the alert as a CCSDS Conjunction Data Message on stdout, as the caller may see it (the
/// exchange refuses when either object's state is not shared with the caller).</summary>
internal static class CdmCommand
{
    public static Command Build(VerbContext context)
    {
        var id = AlertsCommand.IdArgument();
        var xml = new Option<bool>("--xml") { Description = "CDM in XML instead of KVN" };
        return new Command("cdm", "The alert as a CCSDS Conjunction Data Message (KVN, or XML), on stdout") { id, xml }.Runs(context, async (session, cancellationToken) =>
        {
            var cdm = await session.Client.Alerts.ExportAlertCdmAsync(new ExportAlertCdmRequest
            {
                AlertId = session.Parse.GetValue(id)!,
                Format = session.Parse.GetValue(xml) ? CdmFormat.Xml : CdmFormat.Kvn,
            }, cancellationToken);
            session.Print.File(cdm, cdm.Content);
            return ExitCodes.Ok;
        });
    }
}

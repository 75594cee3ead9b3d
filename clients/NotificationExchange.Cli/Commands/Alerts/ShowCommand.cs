using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Cli.Output;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Alerts;

/// <summary>nxc alerts show: one alert, both sides with their operators' answers and contacts, and every version.</summary>
internal static class ShowCommand
{
    public static Command Build(VerbContext context)
    {
        var id = AlertsCommand.IdArgument();
        return new Command("show", "One alert: both objects, their operators' answers, who to call, and every version") { id }.Runs(context, async (session, cancellationToken) =>
        {
            var found = await session.Client.Alerts.GetAlertAsync(new GetAlertRequest { AlertId = session.Parse.GetValue(id)! }, cancellationToken);
            if (session.Print.Json)
            {
                session.Print.Message(found);
                return ExitCodes.Ok;
            }
            var a = found.Alert;
            session.Print.Line(AlertText.Summary(a));
            foreach (var (role, side) in new[] { ("primary", a.Primary), ("secondary", a.Secondary) })
            {
                session.Print.Line(AlertText.Side(role, side));
                foreach (var contact in side.Contacts)
                {
                    session.Print.Line($"    {Words.Contact(contact)}");
                }
            }
            var rtn = a.RelativePositionM;
            if (rtn is not null)
            {
                session.Print.Line($"  relative position (RTN) {Words.Number(rtn.Radial, "0")} / {Words.Number(rtn.InTrack, "0")} / {Words.Number(rtn.CrossTrack, "0")} m,"
                    + $" raised {Words.Time(a.RaisedAt)}, updated {Words.Time(a.UpdatedAt)}");
            }
            foreach (var change in found.History)
            {
                session.Print.Line(AlertText.Event(change));
            }
            return ExitCodes.Ok;
        });
    }
}

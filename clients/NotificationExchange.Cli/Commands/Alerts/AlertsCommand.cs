using System.CommandLine;
using NotificationExchange.Cli.Cli;

namespace NotificationExchange.Cli.Commands.Alerts;

/// <summary>nxc alerts: proximity alerts on the caller's objects and filings (AlertService).</summary>
internal static class AlertsCommand
{
    public static Command Build(VerbContext context) => new("alerts", "Proximity alerts on your objects and filings: list, show, acknowledge, export as CDM")
    {
        ListCommand.Build(context),
        ShowCommand.Build(context),
        AckCommand.Build(context),
        CdmCommand.Build(context),
    };

    /// <summary>The ID argument of the verbs about one alert.</summary>
    public static Argument<string> IdArgument() => new("ID") { Description = "The alert's id, e.g. ALR-17" };
}

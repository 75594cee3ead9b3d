namespace NotificationExchange.Cli.Commands.Alerts;

/// <summary>The alert states as words on the command line (list filters).</summary>
internal enum AlertStateChoice
{
    Open,
    Withdrawn,
    Closed,
}

namespace NotificationExchange.Cli.Commands.Directory;

/// <summary>The organisation kinds as words on the command line.</summary>
internal enum OrganizationKindChoice
{
    Operator,
    Agency,
}

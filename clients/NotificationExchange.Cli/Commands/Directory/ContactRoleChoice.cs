namespace NotificationExchange.Cli.Commands.Directory;

/// <summary>The contact roles as words on the command line.</summary>
internal enum ContactRoleChoice
{
    Primary,
    Backup,

    /// <summary>The operations desk staffed around the clock (24/7).</summary>
    Ops,
}

namespace NotificationExchange.Cli.Commands.Filing;

/// <summary>The three kinds of notice, as nxc names them on its command line (file maneuver|rpo|launch).</summary>
internal enum NoticeKind
{
    Maneuver,
    Rpo,
    Launch,
}

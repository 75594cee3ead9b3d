using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Filing;

/// <summary>How a <see cref="NoticeKind"/> is called and told apart in the protos.</summary>
internal static class NoticeKinds
{
    public static readonly NoticeKind[] All = [NoticeKind.Maneuver, NoticeKind.Rpo, NoticeKind.Launch];

    /// <summary>"maneuver", "rpo", "launch": the verb's word.</summary>
    public static string Word(this NoticeKind kind) => kind switch
    {
        NoticeKind.Maneuver => "maneuver",
        NoticeKind.Rpo => "rpo",
        _ => "launch",
    };

    /// <summary>"a maneuver", "a proximity operation", "a launch".</summary>
    public static string Described(this NoticeKind kind) => kind switch
    {
        NoticeKind.Maneuver => "a maneuver",
        NoticeKind.Rpo => "a proximity operation",
        _ => "a launch",
    };

    public static NoticeKind? Of(NotificationKind kind) => kind switch
    {
        NotificationKind.Maneuver => NoticeKind.Maneuver,
        NotificationKind.ProximityOperation => NoticeKind.Rpo,
        NotificationKind.Launch => NoticeKind.Launch,
        _ => null,
    };
}

namespace NotificationExchange.Cli.Demo;

/// <summary>What nxc demo made, for `--output json`: the organisations with their keys, the objects, the notifications,
/// the alert (null when none arrived in time), the consultation and its transcript's digest.</summary>
internal sealed record DemoSummary(
    DemoSummary.Organisation[] Organisations, uint[] Objects, string[] Notifications, string? AlertId, string ConsultationId, string TranscriptSha256)
{
    public sealed record Organisation(string Id, string Name, string ApiKey);
}

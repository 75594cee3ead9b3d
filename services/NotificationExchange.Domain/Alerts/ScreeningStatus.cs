namespace NotificationExchange.Domain.Alerts;

/// <summary>
/// Whether and how one version of a notification was screened. A notice that does not say where its object will be is
/// accepted all the same; this says why it was not screened, so that nothing is skipped silently.
/// </summary>
public sealed record ScreeningStatus(
    ScreeningState State,
    IReadOnlyList<string> Reasons,
    DateTime? ScreenedAt = null,
    DateTime? SpanStart = null,
    DateTime? SpanEnd = null,
    int ObjectsScreened = 0,
    IReadOnlyList<string>? AlertIds = null)
{
    public static ScreeningStatus Pending { get; } = new(ScreeningState.Pending, []);
}

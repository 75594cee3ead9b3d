namespace NotificationExchange.Filing.Requests;

/// <remarks><see cref="Reason"/> is the text as sent; an empty one is none.</remarks>
public sealed record AmendNotificationDraft(
    string OperatorId,
    string RequestId,
    string? NotificationId,
    int? ExpectedVersion,
    NoticeDraft Notice,
    IReadOnlyList<string> RelatedNotificationIds,
    string? Reason) : FilingDraft(OperatorId, RequestId)
{
    /// <summary>The audience asked for; null when the request sets none.</summary>
    public AudienceDraft? Audience { get; init; }

    /// <summary>The embargo asked for; null when the request sets none.</summary>
    public EmbargoDraft? Embargo { get; init; }
}

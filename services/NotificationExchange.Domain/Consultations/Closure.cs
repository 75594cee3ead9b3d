namespace NotificationExchange.Domain.Consultations;

/// <summary>
/// A proposed (then agreed) outcome. <see cref="ConfirmedBy"/> starts with the proposer; the consultation closes when
/// every party that took part has confirmed, and then carries the transcript's digest and the closing time.
/// </summary>
public sealed record Closure(
    string ProposedBy,
    DateTime ProposedAt,
    string OutcomeSummary,
    IReadOnlyList<AgreedAction> Actions,
    IReadOnlyList<string> ConfirmedBy,
    string? TranscriptSha256 = null,
    DateTime? ClosedAt = null);

using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Domain.Consultations;

/// <summary>One organisation a consultation was requested of, and how it has answered.</summary>
public sealed record Counterpart(
    string OrganizationId,
    CounterpartState State,
    DateTime? AcknowledgedAt,
    DateTime? RespondedAt,
    string? DeclineReason,
    IReadOnlyList<TimeWindow> ProposedTimes,
    DateTime? EscalatedAt)
{
    public static Counterpart Awaiting(string organizationId) =>
        new(organizationId, CounterpartState.AwaitingAcknowledgement, null, null, null, [], null);

    /// <summary>Whether it still owes an acknowledgement (and so may be escalated once the deadline passes).</summary>
    public bool AwaitsAcknowledgement => State == CounterpartState.AwaitingAcknowledgement;
}

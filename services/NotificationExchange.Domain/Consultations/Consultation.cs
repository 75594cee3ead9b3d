using System.Text.Json.Serialization;
using NotificationExchange.Domain.Audiences;
using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Domain.Consultations;

/// <summary>
/// A consultation at one version, as the log stores it (the whole of it in every event, so that history needs no
/// reconstruction). Its parties are the requester and the counterparts, fixed at the request: they are its audience.
/// The conversation (messages, receipts) is not part of it; it has its own per-consultation sequence.
/// </summary>
public sealed record Consultation
{
    /// <summary>CON- and the sequence of the request (CON-57).</summary>
    public required string Id { get; init; }

    public required int Version { get; init; }

    /// <summary>The log sequence of this version.</summary>
    public required long Sequence { get; init; }

    public required ConsultationState State { get; init; }

    public required string Requester { get; init; }

    public required IReadOnlyList<Counterpart> Counterparts { get; init; }

    public required ConsultationAbout About { get; init; }

    public required string Subject { get; init; }

    public required string Body { get; init; }

    public required ConsultationUrgency Urgency { get; init; }

    public required DateTime AcknowledgeBy { get; init; }

    public required IReadOnlyList<TimeWindow> ProposedTimes { get; init; }

    public required DateTime CreatedAt { get; init; }

    public required DateTime UpdatedAt { get; init; }

    public string? DirectLineId { get; init; }

    public Closure? Closure { get; init; }

    public string? WithdrawReason { get; init; }

    /// <summary>The requester first, then the counterparts in the order requested.</summary>
    [JsonIgnore]
    public IEnumerable<string> Parties => Counterparts.Select(c => c.OrganizationId).Prepend(Requester);

    [JsonIgnore]
    public EventAudience Audience => EventAudience.Of(Parties);

    [JsonIgnore]
    public bool IsFinal => State is ConsultationState.Closed or ConsultationState.Withdrawn or ConsultationState.Declined;

    /// <summary>The parties whose confirmation closes it: the requester and every counterpart that accepted.</summary>
    [JsonIgnore]
    public IEnumerable<string> Participants =>
        Counterparts.Where(c => c.State == CounterpartState.Accepted).Select(c => c.OrganizationId).Prepend(Requester);

    public Counterpart? CounterpartOf(string organizationId) => Counterparts.FirstOrDefault(c => c.OrganizationId == organizationId);

    /// <summary>Whether a deadline is still pending: the consultation is not final and someone has not acknowledged nor been escalated.</summary>
    [JsonIgnore]
    public DateTime? PendingDeadline =>
        !IsFinal && Counterparts.Any(c => c.AwaitsAcknowledgement && c.EscalatedAt is null) ? AcknowledgeBy : null;
}

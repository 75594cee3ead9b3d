using NotificationExchange.Domain.Operators;

namespace NotificationExchange.Domain.Consultations;

/// <summary>
/// What one event of a consultation records: the consultation at its new version, who made the change (null for the
/// exchange's own: an escalation), the contact points the change names (the requester's on a request; the escalated
/// counterpart's backup and 24/7 desks on an escalation), and the organisation escalated or the reason given.
/// </summary>
public sealed record ConsultationChange(
    Consultation Consultation,
    string? Actor,
    IReadOnlyList<ContactPoint> Contacts,
    string? EscalatedOrganization = null,
    string? Reason = null);

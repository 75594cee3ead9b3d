using NotificationExchange.Domain.Operators;

namespace NotificationExchange.Domain.Alerts;

/// <summary>
/// What one event of an alert records: the alert as the change left it, the organisation whose call made it (null for
/// the exchange's own), and on an escalation the operator that did not acknowledge and whom to call instead.
/// </summary>
public sealed record AlertChange(Alert Alert, string? Actor, string? EscalatedOperator = null, IReadOnlyList<ContactPoint>? Contacts = null);

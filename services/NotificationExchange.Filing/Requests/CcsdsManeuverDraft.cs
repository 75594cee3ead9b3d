using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Filing.Requests;

/// <summary>An OPM or OCM (KVN or XML, as the operator wrote it) and the fields it does not carry.</summary>
public sealed record CcsdsManeuverDraft(string? Message, ManeuverNotice? Supplement);

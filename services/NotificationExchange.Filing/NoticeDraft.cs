using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Filing;

/// <summary>
/// A notice as a request brings it: the content itself, or a CCSDS message to take it from; and, for a maneuver, its
/// planned ephemeris as an OEM.
/// </summary>
public sealed record NoticeDraft(NotificationContent? Content, CcsdsManeuverDraft? Ccsds = null, string? PlannedEphemerisOem = null);

/// <summary>An OPM or OCM (KVN or XML, as the operator wrote it) and the fields it does not carry.</summary>
public sealed record CcsdsManeuverDraft(string? Message, ManeuverNotice? Supplement);

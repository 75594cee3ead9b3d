using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Filing.Requests;

/// <summary>
/// A notice as a request brings it: the content itself, or a CCSDS message to take it from; and, for a maneuver, its
/// planned ephemeris as an OEM.
/// </summary>
public sealed record NoticeDraft(NotificationContent? Content, CcsdsManeuverDraft? Ccsds = null, string? PlannedEphemerisOem = null);

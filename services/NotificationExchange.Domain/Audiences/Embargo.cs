namespace NotificationExchange.Domain.Audiences;

/// <summary>
/// Keeps a notification to a narrower audience until a time; the exchange releases it then (an EMBARGO_RELEASED
/// version), and the notification's own audience applies from that version on.
/// </summary>
public sealed record Embargo(NotificationAudience Audience, DateTime Until);

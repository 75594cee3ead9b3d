namespace NotificationExchange.Filing.Requests;

/// <summary>An embargo as the wire carried it; absent parts are null.</summary>
public sealed record EmbargoDraft(AudienceDraft? Audience, DateTime? Until);

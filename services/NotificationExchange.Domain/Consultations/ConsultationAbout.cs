namespace NotificationExchange.Domain.Consultations;

/// <summary>What a consultation is about: exactly one of a notification, a free topic or a proximity alert.</summary>
public sealed record ConsultationAbout(string? NotificationId = null, string? Topic = null, string? AlertId = null);

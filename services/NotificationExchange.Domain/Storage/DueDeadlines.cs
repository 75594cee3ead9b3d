namespace NotificationExchange.Domain.Storage;

/// <summary>Consultations whose deadline has come, earliest first, and the next pending deadline after them (null when none).</summary>
public sealed record DueDeadlines(IReadOnlyList<string> ConsultationIds, DateTime? NextDeadline);

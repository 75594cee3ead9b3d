namespace NotificationExchange.Domain.Operators;

/// <summary>A contact point of an organisation: who answers in this role, how to reach them and when (null: not stated).</summary>
public sealed record ContactPoint(ContactRole Role, string? Name, string? Email, string? Phone, StaffedHours? Hours = null);

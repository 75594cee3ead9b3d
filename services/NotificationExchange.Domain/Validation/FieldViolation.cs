namespace NotificationExchange.Domain.Validation;

/// <summary>One bad field: its path in the request (wire names, for example maneuver.execution_window.end) and what is wrong.</summary>
public sealed record FieldViolation(string Field, string Description);

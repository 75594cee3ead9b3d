namespace NotificationExchange.Client.Errors;

/// <summary>One bad field of a refused request: its wire path (e.g. "maneuver.object.norad_cat_id") and what was wrong.</summary>
public sealed record FieldViolation(string Field, string Description);

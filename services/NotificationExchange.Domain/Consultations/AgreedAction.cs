namespace NotificationExchange.Domain.Consultations;

/// <summary>Something a party agreed to do in a consultation's outcome ("esa-ops WILL maneuver SENTINEL-1A by 12:00Z").</summary>
public sealed record AgreedAction(string OrganizationId, string Action, DateTime? DueBy);

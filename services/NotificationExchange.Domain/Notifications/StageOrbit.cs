namespace NotificationExchange.Domain.Notifications;

/// <summary>A stage (or other discarded object) a launch leaves in orbit, and the orbit it is left in.</summary>
public sealed record StageOrbit(string? Name, MeanElementsOrbit? InsertionOrbit);

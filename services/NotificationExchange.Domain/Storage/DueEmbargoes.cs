namespace NotificationExchange.Domain.Storage;

/// <summary>Notifications whose embargo has ended, soonest first, and the next embargo's end after them (null when none).</summary>
public sealed record DueEmbargoes(IReadOnlyList<string> NotificationIds, DateTime? NextEnd);

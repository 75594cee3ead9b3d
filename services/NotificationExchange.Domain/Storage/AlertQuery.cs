using NotificationExchange.Domain.Alerts;

namespace NotificationExchange.Domain.Storage;

/// <summary>
/// A party's alerts by time of closest approach, then id; an empty list of states matches any. The page starts after
/// (<see cref="AfterTca"/>, <see cref="AfterId"/>) when they are set.
/// </summary>
public sealed record AlertQuery(
    string PartyId, IReadOnlyList<AlertState> States, int? NoradCatId, bool UnannouncedOnly, int PageSize, DateTime? AfterTca, string? AfterId);

namespace NotificationExchange.Domain.Registry;

/// <summary>What one load of the reference catalogue did, as reported to the administrator and kept.</summary>
public sealed record CatalogueLoad(
    long Id,
    string Source,
    string Format,
    int Total,
    IReadOnlyList<int> Added,
    IReadOnlyList<int> Changed,
    IReadOnlyList<int> Dropped,
    int Unchanged,
    IReadOnlyList<CatalogueLoadRejection> Rejected,
    DateTime LoadedAt);

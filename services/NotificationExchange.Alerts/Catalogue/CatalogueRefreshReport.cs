namespace NotificationExchange.Alerts.Catalogue;

/// <summary>
/// What a refresh of the catalogue changes (<see cref="CatalogueRefresh.Compare"/>): the catalogue numbers added,
/// changed (another element set: another epoch or any element) and dropped (absent from the new file), each in
/// ascending order, how many stay as they are, and the new file's rejected entries with their line or index and reason.
/// </summary>
public sealed record CatalogueRefreshReport(
    IReadOnlyList<int> Added,
    IReadOnlyList<int> Changed,
    int UnchangedCount,
    IReadOnlyList<int> Dropped,
    IReadOnlyList<CatalogueRejection> Rejected)
{
    public int AddedCount => Added.Count;

    public int ChangedCount => Changed.Count;

    public int DroppedCount => Dropped.Count;

    public int RejectedCount => Rejected.Count;
}

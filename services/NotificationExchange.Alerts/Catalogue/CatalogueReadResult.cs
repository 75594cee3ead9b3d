namespace NotificationExchange.Alerts.Catalogue;

/// <summary>
/// A catalogue file read: its form, the objects taken (one per catalogue number, in file order) and the entries turned
/// down, in file order.
/// </summary>
public sealed record CatalogueReadResult(CatalogueFormat Format, IReadOnlyList<CatalogueObject> Objects, IReadOnlyList<CatalogueRejection> Rejections);

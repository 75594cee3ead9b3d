namespace NotificationExchange.Alerts.Catalogue;

/// <summary>Compares the catalogue held with a newly read file of it, by catalogue number.</summary>
public static class CatalogueRefresh
{
    /// <summary>
    /// An object is changed when its SGP4 elements differ in any field (epoch, any element, drag terms); name, COSPAR id
    /// and type are not compared. Throws <see cref="ArgumentException"/> when <paramref name="current"/> holds a
    /// catalogue number twice (the catalogue holds one element set per number).
    /// </summary>
    public static CatalogueRefreshReport Compare(IReadOnlyCollection<CatalogueObject> current, CatalogueReadResult next)
    {
        var held = new Dictionary<int, CatalogueObject>(current.Count);
        foreach (var catalogued in current)
        {
            if (!held.TryAdd(catalogued.NoradCatId, catalogued))
            {
                throw new ArgumentException($"the current catalogue holds catalogue number {catalogued.NoradCatId} more than once", nameof(current));
            }
        }
        var added = new List<int>();
        var changed = new List<int>();
        var unchanged = 0;
        var present = new HashSet<int>(next.Objects.Count);
        foreach (var incoming in next.Objects)
        {
            present.Add(incoming.NoradCatId);
            if (!held.TryGetValue(incoming.NoradCatId, out var before))
            {
                added.Add(incoming.NoradCatId);
            }
            else if (before.Elements != incoming.Elements)
            {
                changed.Add(incoming.NoradCatId);
            }
            else
            {
                unchanged++;
            }
        }
        var dropped = held.Keys.Where(number => !present.Contains(number)).Order().ToList();
        added.Sort();
        changed.Sort();
        return new CatalogueRefreshReport(added, changed, unchanged, dropped, next.Rejections);
    }
}

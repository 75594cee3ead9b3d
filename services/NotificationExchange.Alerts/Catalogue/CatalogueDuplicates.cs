using System.Globalization;

namespace NotificationExchange.Alerts.Catalogue;

/// <summary>
/// One element set per catalogue number: of several in one file the newest epoch is kept (of equal epochs, the one
/// later in the file, as a file's later word), and each other is turned down naming the one kept.
/// </summary>
internal static class CatalogueDuplicates
{
    public static List<CatalogueObject> KeepNewest(List<CatalogueObject> objects, List<CatalogueRejection> rejections)
    {
        var kept = new Dictionary<int, CatalogueObject>(objects.Count);
        foreach (var candidate in objects)
        {
            if (!kept.TryGetValue(candidate.NoradCatId, out var previous))
            {
                kept[candidate.NoradCatId] = candidate;
                continue;
            }
            var candidateIsNewer = candidate.Epoch >= previous.Epoch;
            var (winner, loser) = candidateIsNewer ? (candidate, previous) : (previous, candidate);
            kept[candidate.NoradCatId] = winner;
            var comparison = loser.Epoch == winner.Epoch ? "the same epoch" : "an older epoch";
            rejections.Add(new CatalogueRejection(loser.Source ?? default,
                string.Create(CultureInfo.InvariantCulture,
                    $"catalogue number {candidate.NoradCatId} is given more than once: this element set has {comparison} ({Format(loser.Epoch)}) than the one kept at {winner.Source} ({Format(winner.Epoch)})"),
                candidate.NoradCatId));
        }
        return [.. objects.Where(candidate => ReferenceEquals(kept[candidate.NoradCatId], candidate))];
    }

    private static string Format(DateTime epoch) => epoch.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}

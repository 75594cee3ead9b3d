using NotificationExchange.Orbits.Catalog;
using NotificationExchange.Orbits.Elements;
using NotificationExchange.Orbits.Propagation;

namespace NotificationExchange.Alerts.Catalogue;

/// <summary>TLE and 3LE catalogue files, read by the orbit engine's <see cref="TleCatalog"/> (strict, checksums verified).</summary>
internal static class TleCatalogueReader
{
    public static void Read(string text, List<CatalogueObject> objects, List<CatalogueRejection> rejections)
    {
        var loaded = TleCatalog.Parse(text);
        rejections.AddRange(loaded.Rejections.Select(rejection => new CatalogueRejection(new CatalogueLocation(rejection.FileLine, null), rejection.Reason)));
        objects.AddRange(loaded.Entries.Select(entry => FromTle(entry.Tle, new CatalogueLocation(entry.FileLine, null))));
    }

    public static CatalogueObject FromTle(TwoLineElementSet tle, CatalogueLocation? source)
    {
        var name = string.IsNullOrWhiteSpace(tle.Name) ? null : tle.Name.Trim();
        return new CatalogueObject(tle.CatalogNumber, name, tle.InternationalDesignator, CatalogueObjectTypes.FromName(name),
            Sgp4Elements.FromTle(tle), tle.Line1 + "\n" + tle.Line2, source);
    }
}

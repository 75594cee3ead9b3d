namespace NotificationExchange.Alerts.Catalogue;

/// <summary>
/// An entry of a catalogue file that was not taken: where it is, why, and its catalogue number when that could be read
/// (a duplicate, an entry whose elements SGP4 cannot use).
/// </summary>
public sealed record CatalogueRejection(CatalogueLocation Location, string Reason, int? NoradCatId = null)
{
    public override string ToString() => $"{Location}: {Reason}";
}

using NotificationExchange.Orbits.Propagation;

namespace NotificationExchange.Alerts.Catalogue;

/// <summary>
/// An object of the reference catalogue (debris, rocket bodies, payloads not registered with the exchange): who it is,
/// its SGP4 elements, and the element set they were read from, which is what the store keeps.
/// </summary>
/// <param name="NoradCatId">The NORAD catalogue number (1 to 339999, Alpha-5 decoded).</param>
/// <param name="Name">The name the file gives (3LE line 0, OBJECT_NAME); null for a two-line set.</param>
/// <param name="CosparId">The international designator as YYYY-NNNP{PP}; null when the file leaves it blank or UNKNOWN.</param>
/// <param name="ObjectType">
/// What the file says the object is (OBJECT_TYPE of a GP record, USER_DEFINED_OBJECT_TYPE of a KVN or XML OMM), else
/// what its name says (a name ending in " DEB" is debris, in " R/B" a rocket body); null when neither says.
/// </param>
/// <param name="Elements">The SGP4 mean elements.</param>
/// <param name="ElementSet">
/// The element set as text: a TLE's two lines (joined by a line feed), or an OMM written by the CCSDS library's
/// <c>OmmWriter</c> in KVN (header, metadata, mean elements and TLE parameters; no comments, covariance, spacecraft or
/// user-defined parameters). <see cref="FromStored"/> rebuilds the object from it.
/// </param>
/// <param name="Source">Where the file gave it; null for an object rebuilt from the store.</param>
public sealed record CatalogueObject(
    int NoradCatId,
    string? Name,
    string? CosparId,
    CatalogueObjectType? ObjectType,
    Sgp4Elements Elements,
    string ElementSet,
    CatalogueLocation? Source)
{
    /// <summary>The epoch of the elements (UTC).</summary>
    public DateTime Epoch => Elements.Epoch;

    /// <summary>
    /// The object as the store keeps it: the element set's text (<see cref="ElementSet"/>) with the columns kept beside
    /// it. The elements are read again from the text; what a column gives wins over what the text says (a TLE has no
    /// name). Throws <see cref="FormatException"/> when the text is no element set or is of another catalogue number.
    /// </summary>
    public static CatalogueObject FromStored(int noradCatId, string? name, string? cosparId, CatalogueObjectType? objectType, string elementSet)
    {
        var read = CatalogueFile.ReadElementSet(elementSet);
        if (read.NoradCatId != noradCatId)
        {
            throw new FormatException($"the stored element set is of catalogue number {read.NoradCatId}, not {noradCatId}");
        }
        return read with
        {
            Name = name ?? read.Name,
            CosparId = cosparId ?? read.CosparId,
            ObjectType = objectType ?? read.ObjectType,
            Source = null,
        };
    }
}

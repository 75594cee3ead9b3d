namespace NotificationExchange.Alerts.Catalogue;

/// <summary>Object types as catalogue files write them.</summary>
internal static class CatalogueObjectTypes
{
    /// <summary>
    /// An OBJECT_TYPE value (PAYLOAD, ROCKET BODY, DEBRIS, UNKNOWN; Space-Track's TBA is unknown too, case and blanks
    /// aside); null for an empty value or any other, which says nothing the catalogue can use.
    /// </summary>
    public static CatalogueObjectType? Parse(string? value)
    {
        var normalised = string.Join(' ', (value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
        return normalised switch
        {
            "PAYLOAD" => CatalogueObjectType.Payload,
            "ROCKET BODY" or "R/B" => CatalogueObjectType.RocketBody,
            "DEBRIS" or "DEB" => CatalogueObjectType.Debris,
            "UNKNOWN" or "TBA" => CatalogueObjectType.Unknown,
            _ => null,
        };
    }

    /// <summary>What the catalogue's naming says: names of debris end in " DEB", of rocket bodies in " R/B".</summary>
    public static CatalogueObjectType? FromName(string? name)
    {
        var trimmed = name?.TrimEnd() ?? "";
        return trimmed.EndsWith(" DEB", StringComparison.OrdinalIgnoreCase) ? CatalogueObjectType.Debris
            : trimmed.EndsWith(" R/B", StringComparison.OrdinalIgnoreCase) ? CatalogueObjectType.RocketBody
            : null;
    }
}

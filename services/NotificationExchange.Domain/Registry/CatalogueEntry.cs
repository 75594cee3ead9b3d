namespace NotificationExchange.Domain.Registry;

/// <summary>
/// One object of the reference catalogue as stored: its element set kept as text (two TLE lines, or a KVN OMM), read
/// back into SGP4 elements by whoever screens; <paramref name="Epoch"/> is the element set's, for age checks without
/// parsing.
/// </summary>
public sealed record CatalogueEntry(int NoradCatId, string? Name, string? CosparId, string? ObjectType, string ElementSet, DateTime Epoch);

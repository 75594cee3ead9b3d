namespace NotificationExchange.Domain.Registry;

/// <summary>An entry of a catalogue file that was not loaded: its line (or entry index), its number when known, why.</summary>
public sealed record CatalogueLoadRejection(int Line, int? NoradCatId, string Reason);

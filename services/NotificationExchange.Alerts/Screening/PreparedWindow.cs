using NotificationExchange.Orbits.Screening;

namespace NotificationExchange.Alerts.Screening;

/// <summary>
/// A screening window prepared from one set of objects: <see cref="Screened"/> of them in the catalogue,
/// <see cref="Stale"/> left out because their element sets are older than <see cref="MaxAge"/> at its end.
/// </summary>
public sealed record PreparedWindow(
    IReadOnlyDictionary<int, ScreenedObject> Objects, DateTime Start, DateTime End, TimeSpan MaxAge, ScreeningCatalog Catalog, int Screened, int Stale);

using NotificationExchange.Orbits.Screening;

namespace NotificationExchange.Alerts.Screening;

/// <summary>A screening window prepared from one set of objects (the universe's instance it was prepared from).</summary>
public sealed record PreparedWindow(IReadOnlyDictionary<int, ScreenedObject> Objects, DateTime Start, DateTime End, ScreeningCatalog Catalog);

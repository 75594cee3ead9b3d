using NotificationExchange.Domain.Registry;

namespace NotificationExchange.Alerts.CatalogueLoading;

/// <summary>
/// The catalogue's size, the registry's, the last load (null when none) and the exchange's clock: <see cref="Simulated"/>
/// is true only when that clock is a simulation's; when standing screening last ran, and how often it runs.
/// </summary>
public sealed record CatalogueStatusView(
    int Objects, int RegisteredObjects, CatalogueLoad? LastLoad, DateTime Now, bool Simulated, DateTime? LastStandingScreen, double StandingIntervalMinutes);

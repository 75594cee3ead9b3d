using NotificationExchange.Domain.Registry;

namespace NotificationExchange.Alerts.CatalogueLoading;

/// <summary>
/// Told after a catalogue load that added, changed or dropped something is committed (standing screening follows a
/// refresh). Registered as a service; every registration is told, in turn, on the loader's path: a listener that has
/// long work to do queues it. A listener's failure is logged and fails neither the load nor the other listeners.
/// </summary>
public interface ICatalogueChanged
{
    Task CatalogueChangedAsync(CatalogueLoad load, CancellationToken cancellationToken);
}

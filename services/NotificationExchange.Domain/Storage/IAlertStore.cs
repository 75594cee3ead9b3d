using NotificationExchange.Domain.Alerts;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Registry;

namespace NotificationExchange.Domain.Storage;

/// <summary>
/// Proximity alerts, the object registry and the reference catalogue, read side. Changes go through the log writer
/// (<see cref="ILogWriteSession"/>), in the same transaction as the events they cause. These reads know nothing of who
/// asks: callers show an alert only to its parties (<see cref="Alert.Audience"/>).
/// </summary>
public interface IAlertStore
{
    /// <summary>The latest entry of an alert (an <see cref="UnreadableAlertEvent"/> when it cannot be read back); null when there is none.</summary>
    Task<LogEntry?> GetAlertAsync(string alertId, CancellationToken cancellationToken);

    /// <summary>Every event of an alert, oldest first.</summary>
    Task<IReadOnlyList<LogEntry>> GetAlertHistoryAsync(string alertId, CancellationToken cancellationToken);

    Task<AlertPage> ListAlertsAsync(AlertQuery query, CancellationToken cancellationToken);

    /// <summary>Open alerts with something due at <paramref name="now"/> (an acknowledgement deadline, or the TCA), soonest first.</summary>
    Task<IReadOnlyList<Alert>> DueAlertsAsync(DateTime now, int maxCount, CancellationToken cancellationToken);

    /// <summary>When the next open alert falls due after <paramref name="after"/>; null when none will.</summary>
    Task<DateTime?> NextAlertDueAsync(DateTime after, CancellationToken cancellationToken);

    Task<RegisteredObject?> GetObjectAsync(int noradCatId, CancellationToken cancellationToken);

    /// <summary>Registered objects by catalogue number after <paramref name="afterNoradCatId"/>; one organisation's, or all.</summary>
    Task<IReadOnlyList<RegisteredObject>> ListObjectsAsync(string? operatorId, int afterNoradCatId, int maxCount, CancellationToken cancellationToken);

    Task<IReadOnlyList<ObjectClaim>> ListClaimsAsync(bool includeResolved, CancellationToken cancellationToken);

    Task<IReadOnlyList<CatalogueEntry>> GetCatalogueAsync(CancellationToken cancellationToken);

    Task<CatalogueLoad?> GetLastCatalogueLoadAsync(CancellationToken cancellationToken);

    /// <summary>One load's report (the one a remembered request made); null when there is none.</summary>
    Task<CatalogueLoad?> GetCatalogueLoadAsync(long loadId, CancellationToken cancellationToken);

    /// <summary>How one version of a notification was screened; null when it has no screening record yet.</summary>
    Task<ScreeningStatus?> GetScreeningAsync(string notificationId, int version, CancellationToken cancellationToken);

    /// <summary>A work cursor's position (0 when it never moved) and when it last moved.</summary>
    Task<(long Position, DateTime? MovedAt)> GetCursorAsync(string name, CancellationToken cancellationToken);
}

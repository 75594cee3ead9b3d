using System.Text.Json;
using Npgsql;
using NotificationExchange.Domain.Alerts;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Registry;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Storage.Postgres;

/// <summary>
/// Alerts: their changes are rows of <c>events</c> (subject 3, the alert's id and version in notification_id and
/// version, its parties as the audience), and <c>alerts</c> indexes each alert as its latest change left it. Also the
/// registry, the reference catalogue, screenings and work cursors (migration 8).
/// </summary>
public sealed partial class PostgresExchangeStore : IAlertStore
{
    /// <summary>The <c>events.subject</c> of an alert's row.</summary>
    internal const int SubjectAlert = 3;

    public async Task<LogEntry?> GetAlertAsync(string alertId, CancellationToken cancellationToken) =>
        (await ReadAsync(SelectEvent + " WHERE notification_id = @id AND subject = 3 ORDER BY version DESC LIMIT 1;",
            [("@id", alertId)], ReadEntry, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<LogEntry>> GetAlertHistoryAsync(string alertId, CancellationToken cancellationToken) =>
        ReadAsync(SelectEvent + " WHERE notification_id = @id AND subject = 3 ORDER BY version;", [("@id", alertId)], ReadEntry, cancellationToken);

    public async Task<AlertPage> ListAlertsAsync(AlertQuery query, CancellationToken cancellationToken)
    {
        var conditions = new List<string> { "a.id IN (SELECT alert_id FROM alert_parties WHERE organization_id = @party)" };
        var parameters = new List<(string, object)> { ("@party", query.PartyId), ("@limit", query.PageSize + 1) };
        if (query.States.Count > 0)
        {
            conditions.Add($"a.state IN ({string.Join(", ", query.States.Select(s => (int)s))})");
        }
        if (query.NoradCatId is { } norad)
        {
            conditions.Add("(a.object_low = @norad OR a.object_high = @norad)");
            parameters.Add(("@norad", norad));
        }
        if (query.UnannouncedOnly)
        {
            conditions.Add("a.unannounced = 1");
        }
        if (query.AfterTca is { } afterTca && query.AfterId is { } afterId)
        {
            conditions.Add("(a.tca > @after_tca OR (a.tca = @after_tca AND a.id > @after_id))");
            parameters.Add(("@after_tca", PostgresTime.ToTicks(afterTca)));
            parameters.Add(("@after_id", afterId));
        }
        var sql = $"""
            SELECT e.sequence, e.event_type, e.recorded_at, e.snapshot, e.match_keys, e.notification_id, e.version, e.subject, e.audience
            FROM alerts a JOIN events e ON e.sequence = a.latest_sequence
            WHERE {string.Join(" AND ", conditions)} ORDER BY a.tca, a.id LIMIT @limit;
            """;
        var entries = await ReadAsync(sql, parameters, ReadEntry, cancellationToken);
        var alerts = entries.OfType<AlertRecorded>().Select(e => e.Alert).ToList();
        var hasMore = entries.Count > query.PageSize;
        return new AlertPage(hasMore ? alerts.Take(query.PageSize).ToList() : alerts, hasMore);
    }

    public async Task<IReadOnlyList<Alert>> DueAlertsAsync(DateTime now, int maxCount, CancellationToken cancellationToken)
    {
        var entries = await ReadAsync(SelectEvent
            + " WHERE sequence IN (SELECT latest_sequence FROM alerts WHERE next_due <= @now ORDER BY next_due LIMIT @limit) ORDER BY sequence;",
            [("@now", PostgresTime.ToTicks(now)), ("@limit", maxCount)], ReadEntry, cancellationToken);
        return entries.OfType<AlertRecorded>().Select(e => e.Alert).OrderBy(a => a.NextDue()).ToList();
    }

    public async Task<DateTime?> NextAlertDueAsync(DateTime after, CancellationToken cancellationToken) =>
        (await ReadAsync("SELECT MIN(next_due) FROM alerts WHERE next_due > @after;", [("@after", PostgresTime.ToTicks(after))],
            reader => reader.IsDBNull(0) ? (DateTime?)null : PostgresTime.FromTicks(reader.GetInt64(0)), cancellationToken)).SingleOrDefault();

    public async Task<RegisteredObject?> GetObjectAsync(int noradCatId, CancellationToken cancellationToken) =>
        (await ReadAsync("SELECT snapshot FROM registered_objects WHERE norad_cat_id = @norad;", [("@norad", noradCatId)],
            reader => NotificationJson.DeserializeAny<RegisteredObject>(reader.GetString(0)), cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<RegisteredObject>> ListObjectsAsync(string? operatorId, int afterNoradCatId, int maxCount, CancellationToken cancellationToken) =>
        ReadAsync(
            "SELECT snapshot FROM registered_objects WHERE norad_cat_id > @after"
            + (operatorId is null ? "" : " AND operator_id = @operator") + " ORDER BY norad_cat_id LIMIT @limit;",
            [("@after", afterNoradCatId), ("@limit", maxCount), .. operatorId is null ? Array.Empty<(string, object)>() : [("@operator", operatorId)]],
            reader => NotificationJson.DeserializeAny<RegisteredObject>(reader.GetString(0)), cancellationToken);

    public Task<IReadOnlyList<ObjectClaim>> ListClaimsAsync(bool includeResolved, CancellationToken cancellationToken) =>
        ReadAsync("SELECT snapshot FROM object_claims" + (includeResolved ? "" : $" WHERE state = {(int)ObjectClaimState.Pending}") + " ORDER BY claimed_at, id;",
            [], reader => NotificationJson.DeserializeAny<ObjectClaim>(reader.GetString(0)), cancellationToken);

    public Task<IReadOnlyList<CatalogueEntry>> GetCatalogueAsync(CancellationToken cancellationToken) =>
        ReadAsync("SELECT norad_cat_id, name, cospar_id, object_type, element_set, epoch FROM catalogue_objects ORDER BY norad_cat_id;", [],
            reader => new CatalogueEntry(
                reader.GetInt32(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4),
                PostgresTime.FromTicks(reader.GetInt64(5))), cancellationToken);

    public async Task<CatalogueLoad?> GetLastCatalogueLoadAsync(CancellationToken cancellationToken) =>
        (await ReadAsync("SELECT report FROM catalogue_loads ORDER BY id DESC LIMIT 1;", [],
            reader => NotificationJson.DeserializeAny<CatalogueLoad>(reader.GetString(0)), cancellationToken)).SingleOrDefault();

    public async Task<CatalogueLoad?> GetCatalogueLoadAsync(long loadId, CancellationToken cancellationToken) =>
        (await ReadAsync("SELECT report FROM catalogue_loads WHERE id = @id;", [("@id", loadId)],
            reader => NotificationJson.DeserializeAny<CatalogueLoad>(reader.GetString(0)), cancellationToken)).SingleOrDefault();

    public async Task<ScreeningStatus?> GetScreeningAsync(string notificationId, int version, CancellationToken cancellationToken) =>
        (await ReadAsync("SELECT status FROM screenings WHERE notification_id = @id AND version = @version;", [("@id", notificationId), ("@version", version)],
            reader => NotificationJson.DeserializeAny<ScreeningStatus>(reader.GetString(0)), cancellationToken)).SingleOrDefault();

    public async Task<(long Position, DateTime? MovedAt)> GetCursorAsync(string name, CancellationToken cancellationToken) =>
        (await ReadAsync("SELECT position, moved_at FROM work_cursors WHERE name = @name;", [("@name", name)],
            reader => (reader.GetInt64(0), reader.IsDBNull(1) ? (DateTime?)null : PostgresTime.FromTicks(reader.GetInt64(1))), cancellationToken))
            .DefaultIfEmpty((0L, null)).Single();

    /// <summary>An alert's latest readable state, for the writer; DATA_LOSS when it cannot be read back.</summary>
    internal static Alert ReadAlert(NpgsqlDataReader reader) => ReadEntry(reader) switch
    {
        AlertRecorded recorded => recorded.Alert,
        { IsReadable: false } unreadable => throw Domain.Validation.ExchangeRuleException.Unreadable(unreadable),
        var other => throw new InvalidOperationException($"unexpected log entry {other.GetType().Name}"),
    };

    /// <summary>An alert's row as stored, or an <see cref="UnreadableAlertEvent"/>; never throws for what the row holds.</summary>
    private static LogEntry ReadAlertEntry(NpgsqlDataReader reader)
    {
        var sequence = reader.GetInt64(0);
        var type = (AlertEventType)reader.GetInt32(1);
        var recordedAt = PostgresTime.FromTicks(reader.GetInt64(2));
        var alertId = reader.GetString(5);
        var version = reader.GetInt32(6);
        var audience = ReadAudience(reader);
        try
        {
            var change = NotificationJson.DeserializeAny<AlertChange>(reader.GetString(3));
            var alert = change.Alert;
            if (alert.Id != alertId || alert.Version != version)
            {
                return new UnreadableAlertEvent(sequence, type, recordedAt, alertId, version, audience, $"its snapshot is of {alert.Id} version {alert.Version}");
            }
            // The audience column is what every read path checks before the snapshot; both must say the same.
            return alert.Audience.Parties!.SequenceEqual(audience.Parties ?? [])
                ? new AlertRecorded(sequence, type, recordedAt, change)
                : new UnreadableAlertEvent(sequence, type, recordedAt, alertId, version, audience, "its snapshot names other parties than its audience");
        }
        catch (JsonException e)
        {
            return new UnreadableAlertEvent(sequence, type, recordedAt, alertId, version, audience, e.Message);
        }
    }
}

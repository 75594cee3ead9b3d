using System.Text;
using System.Text.Json;
using Npgsql;
using NotificationExchange.Domain.Audiences;
using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Storage.Postgres;

/// <summary>The consultations' part of the log: their rows in <c>events</c>, and their index.</summary>
public sealed partial class PostgresExchangeStore
{
    /// <summary>The <c>events.subject</c> of a consultation's row (a notification's is 0).</summary>
    internal const int SubjectConsultation = 1;

    public async Task<LogEntry?> GetConsultationAsync(string consultationId, CancellationToken cancellationToken) =>
        (await ReadAsync(SelectEvent + " WHERE notification_id = @id AND subject = 1 ORDER BY version DESC LIMIT 1;",
            [("@id", consultationId)], ReadEntry, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<LogEntry>> GetConsultationHistoryAsync(string consultationId, CancellationToken cancellationToken) =>
        ReadEntriesAsync(SelectEvent + " WHERE notification_id = @id AND subject = 1 ORDER BY version;", [("@id", consultationId)], cancellationToken);

    public async Task<ConsultationPage> ListConsultationsAsync(ConsultationQuery query, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder("""
            SELECT e.snapshot, p.first_sequence, c.id, e.sequence FROM consultation_parties p
            JOIN consultations c ON c.id = p.consultation_id
            JOIN events e ON e.sequence = c.latest_sequence
            WHERE p.organization_id = @party
            """);
        var parameters = new List<(string, object)> { ("@party", query.PartyId) };
        if (query.States.Count > 0)
        {
            sql.Append($" AND c.state IN ({string.Join(", ", query.States.Select(s => (int)s))})");
        }
        if (query.BeforeFirstSequence is { } before)
        {
            sql.Append(" AND p.first_sequence < @before");
            parameters.Add(("@before", before));
        }
        sql.Append(" ORDER BY p.first_sequence DESC LIMIT @limit;");
        parameters.Add(("@limit", query.PageSize + 1));
        var rows = await ReadAsync(sql.ToString(), parameters, reader => (Snapshot: reader.GetString(0), FirstSequence: reader.GetInt64(1), Id: reader.GetString(2), Sequence: reader.GetInt64(3)), cancellationToken);
        var consultations = new List<Consultation>();
        foreach (var row in rows.Take(query.PageSize))
        {
            try
            {
                consultations.Add(NotificationJson.DeserializeConsultationChange(row.Snapshot).Consultation);
            }
            catch (JsonException e)
            {
                ReportUnreadable(row.Sequence, $"the latest snapshot of {row.Id} cannot be read back ({e.Message}); listings leave it out");
            }
        }
        return new ConsultationPage(consultations, rows.Count > query.PageSize ? rows[query.PageSize - 1].FirstSequence : null);
    }

    public async Task<DueDeadlines> GetDueDeadlinesAsync(DateTime dueBy, int maxCount, CancellationToken cancellationToken)
    {
        var (due, next) = await ReadDueAsync("consultations", "pending_deadline", dueBy, maxCount, cancellationToken);
        return new DueDeadlines(due, next);
    }

    /// <summary>
    /// The ids of a table's rows whose time column has come by <paramref name="dueBy"/> (at most <paramref name="maxCount"/>,
    /// soonest first), and the next time after it (null when none). The names are the store's own, never a caller's.
    /// </summary>
    private async Task<(IReadOnlyList<string> Due, DateTime? Next)> ReadDueAsync(string table, string column, DateTime dueBy, int maxCount, CancellationToken cancellationToken)
    {
        var due = await ReadAsync(
            $"SELECT id FROM {table} WHERE {column} <= @due ORDER BY {column}, id LIMIT @limit;",
            [("@due", PostgresTime.ToTicks(dueBy)), ("@limit", maxCount)], reader => reader.GetString(0), cancellationToken);
        var next = await ReadAsync(
            $"SELECT MIN({column}) FROM {table} WHERE {column} > @due;",
            [("@due", PostgresTime.ToTicks(dueBy))], reader => reader.IsDBNull(0) ? (DateTime?)null : PostgresTime.FromTicks(reader.GetInt64(0)), cancellationToken);
        return (due, next.SingleOrDefault());
    }

    /// <summary>A consultation's row as stored, or an <see cref="UnreadableConsultationEvent"/>; never throws for what the row holds.</summary>
    private static LogEntry ReadConsultationEntry(NpgsqlDataReader reader)
    {
        var sequence = reader.GetInt64(0);
        var type = (ConsultationEventType)reader.GetInt32(1);
        var recordedAt = PostgresTime.FromTicks(reader.GetInt64(2));
        var consultationId = reader.GetString(5);
        var version = reader.GetInt32(6);
        var audience = ReadAudience(reader);
        try
        {
            var change = NotificationJson.DeserializeConsultationChange(reader.GetString(3));
            var consultation = change.Consultation;
            if (consultation.Id != consultationId || consultation.Version != version || consultation.Sequence != sequence)
            {
                return new UnreadableConsultationEvent(sequence, type, recordedAt, consultationId, version, audience,
                    $"its snapshot is of {consultation.Id} version {consultation.Version} at sequence {consultation.Sequence}");
            }
            // The audience column is what every read path checks before the snapshot; both must say the same.
            return consultation.Audience.Parties!.SequenceEqual(audience.Parties ?? [])
                ? new ConsultationRecorded(sequence, type, recordedAt, change)
                : new UnreadableConsultationEvent(sequence, type, recordedAt, consultationId, version, audience, "its snapshot names other parties than its audience");
        }
        catch (JsonException e)
        {
            return new UnreadableConsultationEvent(sequence, type, recordedAt, consultationId, version, audience, e.Message);
        }
    }

    /// <summary>The audience of a consultation's or a direct line's row; one that cannot be read admits nobody.</summary>
    private static EventAudience ReadAudience(NpgsqlDataReader reader)
    {
        if (reader.IsDBNull(8))
        {
            // Only notifications' rows are public; a restricted row without its parties (damage: the writer always
            // stores them) admits nobody, rather than everybody.
            return EventAudience.Of([]);
        }
        try
        {
            return EventAudience.Of(NotificationJson.DeserializeParties(reader.GetString(8)));
        }
        catch (JsonException)
        {
            return EventAudience.Of([]);
        }
    }

    /// <summary>The latest version of a consultation as stored; DATA_LOSS when it cannot be read back.</summary>
    internal static ConsultationRecorded ReadConsultation(NpgsqlDataReader reader) => ReadEntry(reader) switch
    {
        ConsultationRecorded recorded => recorded,
        { IsReadable: false } unreadable => throw Domain.Validation.ExchangeRuleException.Unreadable(unreadable),
        var other => throw new InvalidOperationException($"unexpected log entry {other.GetType().Name}"),
    };

    // events.audience of a REGISTERED entry (a JSON string, where parties are a JSON array and public is NULL).
    private const string RegisteredAudienceValue = "\"registered\"";

    internal static object AudienceValue(EventAudience audience) =>
        audience.Parties is { } parties ? NotificationJson.SerializeParties(parties) : audience.IsRegistered ? RegisteredAudienceValue : DBNull.Value;

    /// <summary>notifications.audience_scope: 0 public, 1 registered, 2 parties (in notification_audience).</summary>
    internal static int AudienceScopeValue(EventAudience audience) => audience.IsPublic ? 0 : audience.IsRegistered ? 1 : 2;

    /// <summary>
    /// The audience of a notification's row: NULL is public (every row before audiences); one that cannot be read
    /// admits nobody.
    /// </summary>
    private static EventAudience ReadNotificationAudience(NpgsqlDataReader reader)
    {
        if (reader.IsDBNull(8))
        {
            return EventAudience.Public;
        }
        var stored = reader.GetString(8);
        return stored == RegisteredAudienceValue ? EventAudience.Registered : ReadAudience(reader);
    }
}

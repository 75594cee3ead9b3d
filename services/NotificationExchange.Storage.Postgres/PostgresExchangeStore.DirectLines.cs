using System.Text.Json;
using Npgsql;
using NotificationExchange.Domain.Consultations.DirectLines;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Storage.Postgres;

/// <summary>
/// Direct lines: their changes are rows of <c>events</c> (subject 2, the line's id and version in notification_id and
/// version, the two sides as the audience), and <c>direct_lines</c> holds each line as its latest change left it.
/// </summary>
public sealed partial class PostgresExchangeStore : IDirectLineStore
{
    /// <summary>The <c>events.subject</c> of a direct line's row.</summary>
    internal const int SubjectDirectLine = 2;

    internal const string SelectDirectLine = "SELECT id, proposed_by, counterpart, state, purpose, proposed_at, activated_at FROM direct_lines";

    public async Task<DirectLine?> GetDirectLineAsync(string directLineId, CancellationToken cancellationToken) =>
        (await ReadAsync(SelectDirectLine + " WHERE id = @id;", [("@id", directLineId)], ReadDirectLine, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<DirectLine>> ListDirectLinesAsync(string organizationId, CancellationToken cancellationToken) =>
        ReadAsync(SelectDirectLine + " WHERE proposed_by = @org OR counterpart = @org ORDER BY proposed_at, id;",
            [("@org", organizationId)], ReadDirectLine, cancellationToken);

    internal static DirectLine ReadDirectLine(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        (DirectLineState)reader.GetInt32(3),
        reader.GetString(4),
        PostgresTime.FromTicks(reader.GetInt64(5)),
        reader.IsDBNull(6) ? null : PostgresTime.FromTicks(reader.GetInt64(6)));

    /// <summary>A direct line's row as stored, or an <see cref="UnreadableDirectLineEvent"/>; never throws for what the row holds.</summary>
    private static LogEntry ReadDirectLineEntry(NpgsqlDataReader reader)
    {
        var sequence = reader.GetInt64(0);
        var type = (DirectLineEventType)reader.GetInt32(1);
        var recordedAt = PostgresTime.FromTicks(reader.GetInt64(2));
        var lineId = reader.GetString(5);
        var version = reader.GetInt32(6);
        var audience = ReadAudience(reader);
        try
        {
            var change = NotificationJson.DeserializeDirectLineChange(reader.GetString(3));
            var line = change.Line;
            if (line.Id != lineId || line.Version != version)
            {
                return new UnreadableDirectLineEvent(sequence, type, recordedAt, lineId, version, audience,
                    $"its snapshot is of {line.Id} version {line.Version}");
            }
            // The audience column is what every read path checks before the snapshot; both must say the same.
            return line.Audience.Parties!.SequenceEqual(audience.Parties ?? [])
                ? new DirectLineRecorded(sequence, type, recordedAt, change)
                : new UnreadableDirectLineEvent(sequence, type, recordedAt, lineId, version, audience, "its snapshot names other sides than its audience");
        }
        catch (JsonException e)
        {
            return new UnreadableDirectLineEvent(sequence, type, recordedAt, lineId, version, audience, e.Message);
        }
    }
}

using Microsoft.Data.Sqlite;
using NotificationExchange.Domain.Consultations.DirectLines;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Storage.Sqlite;

/// <summary>Direct lines, read side: one row each in <c>direct_lines</c>, written by the log writer.</summary>
public sealed partial class SqliteExchangeStore : IDirectLineStore
{
    internal const string SelectDirectLine = "SELECT id, proposed_by, counterpart, state, purpose, proposed_at, activated_at FROM direct_lines";

    public async Task<DirectLine?> GetDirectLineAsync(string directLineId, CancellationToken cancellationToken) =>
        (await ReadAsync(SelectDirectLine + " WHERE id = $id;", [("$id", directLineId)], ReadDirectLine, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<DirectLine>> ListDirectLinesAsync(string organizationId, CancellationToken cancellationToken) =>
        ReadAsync(SelectDirectLine + " WHERE proposed_by = $org OR counterpart = $org ORDER BY proposed_at, id;",
            [("$org", organizationId)], ReadDirectLine, cancellationToken);

    internal static DirectLine ReadDirectLine(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        (DirectLineState)reader.GetInt32(3),
        reader.GetString(4),
        SqliteTime.FromTicks(reader.GetInt64(5)),
        reader.IsDBNull(6) ? null : SqliteTime.FromTicks(reader.GetInt64(6)));
}

using System.Text.Json;
using Microsoft.Data.Sqlite;
using NotificationExchange.Domain.Consultations.Conversation;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Storage.Sqlite;

/// <summary>Consultations' conversations: their messages (each consultation numbers its own), attachments and receipts.</summary>
public sealed partial class SqliteExchangeStore : IConversationLog
{
    internal const string SelectReceipt = "SELECT consultation_id, organization_id, delivered_through, read_through, updated_at FROM consultation_receipts";

    public async Task<IReadOnlyList<ConversationMessage>> ReadMessagesAfterAsync(
        string consultationId, long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        var rows = new List<StoredMessage>();
        await using (var command = Command(connection,
            $"SELECT {StoredMessage.Columns} FROM consultation_messages WHERE consultation_id = $id AND sequence > $after ORDER BY sequence LIMIT $limit;",
            [("$id", consultationId), ("$after", afterSequence), ("$limit", maxCount)]))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(StoredMessage.Read(reader));
            }
        }
        var digests = rows.SelectMany(r => r.Attachments.Select(a => a.Sha256)).Distinct().ToArray();
        var contents = new Dictionary<string, string>();
        if (digests.Length > 0)
        {
            await using var command = Command(connection,
                "SELECT sha256, content FROM consultation_attachments WHERE consultation_id = $id AND sha256 IN (SELECT value FROM json_each($digests));",
                [("$id", consultationId), ("$digests", JsonSerializer.Serialize(digests))]);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                contents[reader.GetString(0)] = reader.GetString(1);
            }
        }
        return rows.Select(r => r.With(contents)).ToArray();
    }

    public async Task<ConversationSummary> GetSummaryAsync(string consultationId, CancellationToken cancellationToken) =>
        (await GetSummariesAsync([consultationId], cancellationToken)).GetValueOrDefault(consultationId) ?? ConversationSummary.Empty;

    public async Task<IReadOnlyDictionary<string, ConversationSummary>> GetSummariesAsync(
        IReadOnlyCollection<string> consultationIds, CancellationToken cancellationToken)
    {
        if (consultationIds.Count == 0)
        {
            return new Dictionary<string, ConversationSummary>();
        }
        // One parameter for any number of ids: a JSON array, unpacked by SQLite.
        var ids = JsonSerializer.Serialize(consultationIds);
        var last = await ReadAsync(
            "SELECT consultation_id, MAX(sequence) FROM consultation_messages WHERE consultation_id IN (SELECT value FROM json_each($ids)) GROUP BY consultation_id;",
            [("$ids", ids)], reader => (Id: reader.GetString(0), Last: reader.GetInt64(1)), cancellationToken);
        var receipts = await ReadAsync(
            SelectReceipt + " WHERE consultation_id IN (SELECT value FROM json_each($ids)) ORDER BY consultation_id, organization_id;",
            [("$ids", ids)], ReadReceipt, cancellationToken);
        var lastById = last.ToDictionary(l => l.Id, l => l.Last);
        return lastById.Keys.Union(receipts.Select(r => r.ConsultationId)).ToDictionary(
            id => id,
            id => new ConversationSummary(lastById.GetValueOrDefault(id), receipts.Where(r => r.ConsultationId == id).ToArray()));
    }

    internal static ConversationReceipt ReadReceipt(SqliteDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), SqliteTime.FromTicks(reader.GetInt64(4)));
}

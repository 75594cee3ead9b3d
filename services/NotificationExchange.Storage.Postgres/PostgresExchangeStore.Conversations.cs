using Npgsql;
using NotificationExchange.Domain.Consultations.Conversation;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Storage.Postgres;

/// <summary>Consultations' conversations: their messages (each consultation numbers its own), attachments and receipts.</summary>
public sealed partial class PostgresExchangeStore : IConversationLog
{
    internal const string SelectReceipt = "SELECT consultation_id, organization_id, delivered_through, read_through, updated_at FROM consultation_receipts";

    public async Task<IReadOnlyList<ConversationMessage>> ReadMessagesAfterAsync(
        string consultationId, long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(
            $"SELECT {StoredMessage.Columns} FROM consultation_messages WHERE consultation_id = @id AND sequence > @after ORDER BY sequence LIMIT @limit;",
            [("@id", consultationId), ("@after", afterSequence), ("@limit", maxCount)], StoredMessage.Read, cancellationToken);
        var digests = rows.SelectMany(r => r.Attachments.Select(a => a.Sha256)).Distinct().ToArray();
        var contents = new Dictionary<string, string>();
        if (digests.Length > 0)
        {
            foreach (var (sha256, content) in await ReadAsync(
                "SELECT sha256, content FROM consultation_attachments WHERE consultation_id = @id AND sha256 = ANY(@digests);",
                [("@id", consultationId), ("@digests", digests)], reader => (reader.GetString(0), reader.GetString(1)), cancellationToken))
            {
                contents[sha256] = content;
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
        // One parameter for any number of ids: an array.
        var ids = consultationIds.ToArray();
        var last = await ReadAsync(
            "SELECT consultation_id, MAX(sequence) FROM consultation_messages WHERE consultation_id = ANY(@ids) GROUP BY consultation_id;",
            [("@ids", ids)], reader => (Id: reader.GetString(0), Last: reader.GetInt64(1)), cancellationToken);
        var receipts = await ReadAsync(
            SelectReceipt + " WHERE consultation_id = ANY(@ids) ORDER BY consultation_id, organization_id;",
            [("@ids", ids)], ReadReceipt, cancellationToken);
        var lastById = last.ToDictionary(l => l.Id, l => l.Last);
        return lastById.Keys.Union(receipts.Select(r => r.ConsultationId)).ToDictionary(
            id => id,
            id => new ConversationSummary(lastById.GetValueOrDefault(id), receipts.Where(r => r.ConsultationId == id).ToArray()));
    }

    internal static ConversationReceipt ReadReceipt(NpgsqlDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), PostgresTime.FromTicks(reader.GetInt64(4)));
}

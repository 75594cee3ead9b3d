using System.Text;
using System.Text.Json;
using Npgsql;
using NotificationExchange.Domain.Consultations.Conversation;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Storage.Postgres;

/// <summary>
/// A row of consultation_messages as read, before its attachments' contents are joined in from
/// consultation_attachments (by digest: a content sent twice is stored once). Also the one place that writes and
/// reads the row's attachments column: a JSON array of {media_type, sha256, size_bytes}.
/// </summary>
internal sealed record StoredMessage(ConversationMessage WithoutContents, IReadOnlyList<(string MediaType, string Sha256, long SizeBytes)> Attachments)
{
    public const string Columns = "consultation_id, sequence, from_organization, client_message_id, sent_at, text, attachments";

    public static StoredMessage Read(NpgsqlDataReader reader)
    {
        var consultationId = reader.GetString(0);
        var sequence = reader.GetInt64(1);
        IReadOnlyList<(string, string, long)> attachments;
        try
        {
            attachments = ReadAttachments(reader.GetString(6));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            // Only this class writes the column; a row it cannot read was damaged outside the exchange.
            throw new ExchangeRuleException(RuleViolationKind.DataLoss,
                $"message {sequence} of {consultationId} cannot be read back: its attachments column is not what the exchange writes ({e.Message})");
        }
        var message = new ConversationMessage(
            consultationId, sequence, reader.GetString(2), reader.GetString(3), PostgresTime.FromTicks(reader.GetInt64(4)), reader.GetString(5), []);
        return new StoredMessage(message, attachments);
    }

    /// <summary>The message with its attachments' contents (digest to content); a content missing from the store is data loss.</summary>
    public ConversationMessage With(IReadOnlyDictionary<string, string> contents) => Attachments.Count == 0
        ? WithoutContents
        : WithoutContents with
        {
            Attachments = Attachments.Select(a => new ConversationAttachment(a.MediaType, a.Sha256, a.SizeBytes, contents.TryGetValue(a.Sha256, out var content)
                ? content
                : throw new ExchangeRuleException(RuleViolationKind.DataLoss,
                    $"message {WithoutContents.Sequence} of {WithoutContents.ConsultationId} names attachment {a.Sha256}, which is not stored"))).ToArray(),
        };

    public static string AttachmentsColumn(IReadOnlyList<ConversationAttachment> attachments)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var attachment in attachments)
            {
                json.WriteStartObject();
                json.WriteString("media_type", attachment.MediaType);
                json.WriteString("sha256", attachment.Sha256);
                json.WriteNumber("size_bytes", attachment.SizeBytes);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static IReadOnlyList<(string, string, long)> ReadAttachments(string column)
    {
        using var json = JsonDocument.Parse(column);
        return json.RootElement.EnumerateArray()
            .Select(a => (a.GetProperty("media_type").GetString()!, a.GetProperty("sha256").GetString()!, a.GetProperty("size_bytes").GetInt64()))
            .ToArray();
    }
}

using NotificationExchange.Domain.Consultations.Conversation;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Storage.Tests.Contract;

/// <summary>Conversation messages as the exchange writes them, reduced to what the store keeps; at fixed times.</summary>
public static class ConversationEntries
{
    /// <summary>Appends the next message of a consultation from <paramref name="from"/>, sequence allocated as the exchange does.</summary>
    public static ConversationMessage AppendMessageFrom(
        this ILogWriteSession session, string consultationId, string from, string clientMessageId, string text = "hello", params ConversationAttachment[] attachments)
    {
        var sequence = session.LastMessageSequence(consultationId) + 1;
        var message = new ConversationMessage(
            consultationId, sequence, from, clientMessageId, LogEvents.Epoch.AddMinutes(sequence), text, attachments);
        session.AppendMessage(message);
        return message;
    }

    /// <summary>A message's stored form, for comparing (records holding lists compare by reference).</summary>
    public static string Stored(this ConversationMessage m) =>
        $"{m.ConsultationId} {m.Sequence} {m.FromOrganization} {m.ClientMessageId} {m.SentAt:O} {m.SentAt.Kind} {m.Text} " +
        string.Join(" ", m.Attachments.Select(a => $"[{a.MediaType} {a.Sha256} {a.SizeBytes} {a.Content}]"));
}

namespace NotificationExchange.Domain.Consultations.Conversation;

/// <summary>
/// One message of a consultation's conversation, as stored. <see cref="Sequence"/> counts 1, 2, 3, ... within the
/// consultation, with no gap, in commit order: once message N is visible, every message below N is too.
/// <see cref="ClientMessageId"/> is the sender's own id for it, unique per sender within the consultation.
/// </summary>
public sealed record ConversationMessage(
    string ConsultationId,
    long Sequence,
    string FromOrganization,
    string ClientMessageId,
    DateTime SentAt,
    string Text,
    IReadOnlyList<ConversationAttachment> Attachments)
{
    /// <summary>Whether <paramref name="say"/> asks for this very message (a retry), comparing what was said, not when.</summary>
    public bool SaysTheSameAs(ConversationSay say) =>
        say.ClientMessageId == ClientMessageId
        && say.Text == Text
        && say.Attachments.Select(a => (a.MediaType, a.Sha256)).SequenceEqual(Attachments.Select(a => (a.MediaType, a.Sha256)));
}

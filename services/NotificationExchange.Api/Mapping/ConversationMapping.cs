using Google.Protobuf.WellKnownTypes;
using NotificationExchange.Domain.Consultations.Conversation;
using P = NotificationExchange.Protocol.V1;

namespace NotificationExchange.Api.Mapping;

/// <summary>Conversation messages and receipts between the domain and the wire, field by field; nothing is checked here.</summary>
internal static class ConversationMapping
{
    public static P.ConversationMessage ToProto(this ConversationMessage message) => new()
    {
        Sequence = (ulong)message.Sequence,
        FromOrganization = message.FromOrganization,
        SentAt = Timestamp.FromDateTime(message.SentAt),
        Text = message.Text,
        Attachments =
        {
            message.Attachments.Select(a => new P.ConversationAttachment
            {
                MediaType = a.MediaType, Content = a.Content, Sha256 = a.Sha256, SizeBytes = (ulong)a.SizeBytes,
            }),
        },
        ClientMessageId = message.ClientMessageId,
    };

    public static P.ConversationReceipt ToProto(this ConversationReceipt receipt) => new()
    {
        OrganizationId = receipt.OrganizationId,
        DeliveredThrough = (ulong)receipt.DeliveredThrough,
        ReadThrough = (ulong)receipt.ReadThrough,
        UpdatedAt = Timestamp.FromDateTime(receipt.UpdatedAt),
    };

    public static SayDraft ToDraft(this P.ConverseSay say) => new(
        say.ClientMessageId,
        say.Text,
        say.Attachments.Select(a => new AttachmentDraft(a.MediaType, a.Content, a.Sha256, a.SizeBytes)).ToArray());

    /// <summary>Fills a consultation's conversation fields (last message sequence, receipts) in an answer.</summary>
    public static P.Consultation WithConversation(this P.Consultation consultation, ConversationSummary summary)
    {
        consultation.LastMessageSequence = (ulong)summary.LastMessageSequence;
        consultation.Receipts.Clear();
        consultation.Receipts.Add(summary.Receipts.Select(r => r.ToProto()));
        return consultation;
    }
}

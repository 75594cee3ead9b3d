namespace NotificationExchange.Domain.Consultations.Conversation;

/// <summary>
/// An attachment as the wire brought it. The digest and size are the exchange's to set; a sender that fills them in
/// anyway must give those of the content (empty and 0 mean not given).
/// </summary>
public sealed record AttachmentDraft(string MediaType, string Content, string ClaimedSha256, ulong ClaimedSizeBytes);

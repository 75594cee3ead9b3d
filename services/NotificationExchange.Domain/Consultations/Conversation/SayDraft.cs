namespace NotificationExchange.Domain.Consultations.Conversation;

/// <summary>A message as the wire brought it, not yet checked; <see cref="ConversationValidation.Check"/> makes a <see cref="ConversationSay"/> of it.</summary>
public sealed record SayDraft(string ClientMessageId, string Text, IReadOnlyList<AttachmentDraft> Attachments);

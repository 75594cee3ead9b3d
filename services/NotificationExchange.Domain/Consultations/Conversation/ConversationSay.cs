namespace NotificationExchange.Domain.Consultations.Conversation;

/// <summary>A message a party says, checked (<see cref="ConversationValidation.Check"/>): its id, text and attachments are within the limits.</summary>
public sealed record ConversationSay(string ClientMessageId, string Text, IReadOnlyList<ConversationAttachment> Attachments);

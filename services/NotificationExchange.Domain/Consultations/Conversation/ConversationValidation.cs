using System.Text;
using System.Text.RegularExpressions;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Consultations.Conversation;

/// <summary>
/// The field checks of the conversation's client messages (ConverseRequest), each violation named by its wire path
/// (say.client_message_id, say.attachments[0].media_type). What needs the store (the consultation's state, the
/// conversation's last sequence) is checked in the write.
/// </summary>
public static partial class ConversationValidation
{
    public const int MaxClientMessageIdLength = 64;
    public const int MaxTextLength = 10_000;
    public const int MaxAttachments = 5;
    public const int MaxMediaTypeLength = 255;

    /// <summary>Checks a message said; throws INVALID_ARGUMENT naming every bad field.</summary>
    public static ConversationSay Check(SayDraft draft)
    {
        var errors = new ValidationErrors();
        CheckClientMessageId(draft.ClientMessageId, errors);
        if (string.IsNullOrWhiteSpace(draft.Text))
        {
            if (draft.Attachments.Count == 0)
            {
                errors.Add("say.text", "is required (it may be empty only when the message has an attachment)");
            }
            else if (draft.Text.Length > 0)
            {
                errors.Add("say.text", "is blank: leave it empty when the message is its attachments alone");
            }
        }
        else
        {
            errors.OptionalText("say.text", draft.Text, MaxTextLength);
        }
        if (draft.Attachments.Count > MaxAttachments)
        {
            errors.Add("say.attachments", $"has {draft.Attachments.Count} entries; at most {MaxAttachments} allowed");
        }
        var attachments = new List<ConversationAttachment>(draft.Attachments.Count);
        for (var i = 0; i < draft.Attachments.Count; i++)
        {
            if (CheckAttachment($"say.attachments[{i}]", draft.Attachments[i], errors) is { } attachment)
            {
                attachments.Add(attachment);
            }
        }
        if (attachments.Sum(a => a.SizeBytes) is var total && total > ConversationAttachment.MaxBytes)
        {
            errors.Add("say.attachments", $"hold {total} bytes of UTF-8 together; at most {ConversationAttachment.MaxBytes} (3 MiB) per message: send the rest in another");
        }
        errors.ThrowIfAny();
        return new ConversationSay(draft.ClientMessageId, draft.Text, attachments);
    }

    /// <summary>The consultation a stream opens on.</summary>
    public static void CheckOpen(string? consultationId)
    {
        var errors = new ValidationErrors();
        ConsultationIds.Validate("open.consultation_id", consultationId, errors);
        errors.ThrowIfAny();
    }

    private static void CheckClientMessageId(string id, ValidationErrors errors)
    {
        if (id.Length == 0)
        {
            errors.Add("say.client_message_id", "is required (your own id for the message, so that sending it again stores it once)");
        }
        else if (id.Length > MaxClientMessageIdLength)
        {
            errors.Add("say.client_message_id", $"is {id.Length} characters long; at most {MaxClientMessageIdLength} allowed");
        }
        else if (id.Any(char.IsControl))
        {
            errors.Add("say.client_message_id", $"{Quoted.Value(id)} contains control characters");
        }
    }

    private static ConversationAttachment? CheckAttachment(string at, AttachmentDraft draft, ValidationErrors errors)
    {
        var valid = true;
        if (draft.MediaType.Length == 0)
        {
            errors.Add($"{at}.media_type", "is required (for example application/x-ccsds-oem+xml)");
            valid = false;
        }
        else if (draft.MediaType.Length > MaxMediaTypeLength || !MediaType().IsMatch(draft.MediaType))
        {
            errors.Add($"{at}.media_type", $"{Quoted.Value(draft.MediaType)} is not a media type (type/subtype, such as text/x-ccsds-opm, without parameters: the content is UTF-8 text)");
            valid = false;
        }
        if (draft.Content.Length == 0)
        {
            errors.Add($"{at}.content", "is required");
            return null;
        }
        var size = Encoding.UTF8.GetByteCount(draft.Content);
        if (size > ConversationAttachment.MaxBytes)
        {
            errors.Add($"{at}.content", $"is {size} bytes of UTF-8; at most {ConversationAttachment.MaxBytes} (3 MiB) allowed");
            return null;
        }
        var attachment = ConversationAttachment.Of(draft.MediaType, draft.Content);
        if (draft.ClaimedSha256.Length > 0 && !string.Equals(draft.ClaimedSha256, attachment.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{at}.sha256", $"{Quoted.Value(draft.ClaimedSha256)} is not the SHA-256 of the content ({attachment.Sha256}); leave it empty, the exchange sets it");
            valid = false;
        }
        if (draft.ClaimedSizeBytes != 0 && draft.ClaimedSizeBytes != (ulong)attachment.SizeBytes)
        {
            errors.Add($"{at}.size_bytes", $"is {draft.ClaimedSizeBytes}, but the content is {attachment.SizeBytes} bytes of UTF-8; leave it 0, the exchange sets it");
            valid = false;
        }
        return valid ? attachment : null;
    }

    // RFC 6838 restricted names: type "/" subtype.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\z")]
    private static partial Regex MediaType();
}

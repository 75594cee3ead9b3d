using System.Text.RegularExpressions;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Notifications;

/// <summary>The rules for a point of contact, in a notice or an operator's account.</summary>
public static partial class ContactValidation
{
    public static void Validate(string at, PointOfContact? contact, ValidationErrors errors)
    {
        if (contact is null)
        {
            errors.Add(at, "is required: who should others call about this?");
            return;
        }
        errors.RequiredText($"{at}.name", contact.Name, NotificationValidator.ShortTextLength);
        errors.OptionalText($"{at}.organization", contact.Organization, NotificationValidator.ShortTextLength, allowLineBreaks: false);
        var email = string.IsNullOrWhiteSpace(contact.Email) ? null : contact.Email;
        var phone = string.IsNullOrWhiteSpace(contact.Phone) ? null : contact.Phone;
        if (email is null && phone is null)
        {
            errors.Add(at, "an email or a phone is required");
        }
        if (email is not null && (email.Length > 254 || !EmailPattern().IsMatch(email)))
        {
            errors.Add($"{at}.email", $"{Quoted.Value(email)} is not an email address");
        }
        if (phone is not null && (phone.Length > 40 || !PhonePattern().IsMatch(phone)))
        {
            errors.Add($"{at}.phone", $"{Quoted.Value(phone)} is not a phone number (digits, spaces, + ( ) - . only, up to 40)");
        }
    }

    // no blanks and no control characters anywhere (they cannot be written into a CCSDS export, and no address has them)
    [GeneratedRegex(@"^[^@\s\p{Cc}]+@[^@\s\p{Cc}]+\.[^@\s\p{Cc}]+\z")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9 ().\-]{3,40}\z")]
    private static partial Regex PhonePattern();
}

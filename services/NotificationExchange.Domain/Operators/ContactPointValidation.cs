using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Validation;
using NotificationExchange.Domain.Webhooks;

namespace NotificationExchange.Domain.Operators;

/// <summary>The rules for an organisation's contact points, named by wire path (contacts[1].hours.time_zone).</summary>
public static class ContactPointValidation
{
    /// <summary>Checks the contact points; <paramref name="webhooks"/> says which webhook URLs are accepted.</summary>
    public static void Validate(string at, IReadOnlyList<ContactPoint> contacts, WebhookUrlPolicy webhooks, ValidationErrors errors)
    {
        var seen = new Dictionary<ContactRole, int>();
        for (var i = 0; i < contacts.Count; i++)
        {
            var contact = contacts[i];
            var path = $"{at}[{i}]";
            errors.KnownEnum($"{path}.role", contact.Role);
            if (Enum.IsDefined(contact.Role) && !seen.TryAdd(contact.Role, i))
            {
                errors.Add($"{path}.role", $"{contact.Role} is already given at {at}[{seen[contact.Role]}]: at most one contact point per role");
            }
            // the same rules as any point of contact: a name, and an email or a phone
            ContactValidation.Validate(path, new PointOfContact(contact.Name, Email: contact.Email, Phone: contact.Phone), errors);
            if (contact.Hours is not null)
            {
                StaffedHoursValidation.Validate($"{path}.hours", contact.Role, contact.Hours, errors);
            }
            WebhookUrlValidation.Validate($"{path}.webhook_url", contact.WebhookUrl, webhooks, errors);
        }
    }
}

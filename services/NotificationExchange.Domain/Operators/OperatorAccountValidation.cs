using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Validation;
using NotificationExchange.Domain.Webhooks;

namespace NotificationExchange.Domain.Operators;

/// <summary>The rules for a new operator account, named by the fields of the request that creates it.</summary>
public static class OperatorAccountValidation
{
    /// <summary>
    /// Checks a new account and builds its profile. <paramref name="contact"/> is the single contact of clients from
    /// before the directory: it becomes the primary contact point (its organization is not kept: a contact point
    /// belongs to the organisation it is listed under). A kind left out means an operator. <paramref name="webhooks"/>
    /// says which webhook URLs the contact points may give.
    /// </summary>
    public static OrganizationProfile Validate(
        string? operatorId, OrganizationProfile requested, PointOfContact? contact, WebhookUrlPolicy webhooks, ValidationErrors errors)
    {
        if (!OperatorAccount.IsValidId(operatorId))
        {
            errors.Add("operator_id", $"{Quoted.Value(operatorId)} is not 3 to 40 characters of a-z, 0-9 and '-' starting with a letter");
        }
        var profile = requested.Kind == 0 ? requested with { Kind = OrganizationKind.Operator } : requested;
        OrganizationProfileValidation.Validate(profile, webhooks, errors);
        if (contact is null)
        {
            return profile;
        }
        ContactValidation.Validate("contact", contact, errors);
        if (profile.Primary is not null)
        {
            errors.Add("contact", "the primary contact is given in contacts too: give it in one place");
        }
        return profile with { Contacts = [.. profile.Contacts, new ContactPoint(ContactRole.Primary, contact.Name, contact.Email, contact.Phone)] };
    }
}

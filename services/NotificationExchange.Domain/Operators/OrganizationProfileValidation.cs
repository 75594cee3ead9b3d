using NotificationExchange.Domain.Validation;
using NotificationExchange.Domain.Webhooks;

namespace NotificationExchange.Domain.Operators;

/// <summary>The rules for an organisation's profile, named by the fields of the request that sets it.</summary>
public static class OrganizationProfileValidation
{
    public const int DisplayNameLength = 128;

    /// <summary>Checks a profile; <paramref name="webhooks"/> says which webhook URLs its contact points may give.</summary>
    public static void Validate(OrganizationProfile profile, WebhookUrlPolicy webhooks, ValidationErrors errors)
    {
        errors.RequiredText("display_name", profile.DisplayName, DisplayNameLength);
        errors.KnownEnum("kind", profile.Kind);
        CountryCodes.Validate("country", profile.Country, errors);
        ContactPointValidation.Validate("contacts", profile.Contacts, webhooks, errors);
    }
}

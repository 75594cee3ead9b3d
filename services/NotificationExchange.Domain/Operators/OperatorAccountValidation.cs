using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Operators;

/// <summary>The rules for a new operator account, named by the fields of the request that creates it.</summary>
public static class OperatorAccountValidation
{
    public const int DisplayNameLength = 128;

    public static void Validate(string? operatorId, string? displayName, PointOfContact? contact, ValidationErrors errors)
    {
        if (!OperatorAccount.IsValidId(operatorId))
        {
            errors.Add("operator_id", $"{Quoted.Value(operatorId)} is not 3 to 40 characters of a-z, 0-9 and '-' starting with a letter");
        }
        errors.RequiredText("display_name", displayName, DisplayNameLength);
        if (contact is not null)
        {
            ContactValidation.Validate("contact", contact, errors);
        }
    }
}

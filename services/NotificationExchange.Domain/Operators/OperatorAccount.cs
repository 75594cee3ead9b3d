using System.Text.RegularExpressions;
using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Domain.Operators;

/// <summary>An operator (or agency) with an account on the exchange.</summary>
public sealed partial record OperatorAccount(
    string Id, string DisplayName, PointOfContact? Contact, bool IsAdministrator, DateTime CreatedAt)
{
    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    [GeneratedRegex("^[a-z][a-z0-9-]{2,39}\\z")]
    private static partial Regex IdPattern();
}

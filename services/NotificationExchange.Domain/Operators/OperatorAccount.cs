using System.Text.RegularExpressions;

namespace NotificationExchange.Domain.Operators;

/// <summary>An organisation (operator or agency) with an account on the exchange, and its entry in the directory.</summary>
public sealed partial record OperatorAccount(
    string Id, OrganizationProfile Profile, bool IsAdministrator, DateTime CreatedAt, DateTime UpdatedAt)
{
    public string DisplayName => Profile.DisplayName;

    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    [GeneratedRegex("^[a-z][a-z0-9-]{2,39}\\z")]
    private static partial Regex IdPattern();
}

using System.Text.RegularExpressions;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Notifications;

/// <summary>
/// What a notification id looks like (the kind's prefix and the sequence that filed it: MNV-42). The one check of an
/// id a request names, whether it is changed, read or referred to.
/// </summary>
public static partial class NotificationIds
{
    public static void Validate(string at, string? notificationId, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(notificationId))
        {
            errors.Add(at, "is required");
        }
        else if (!Pattern().IsMatch(notificationId))
        {
            errors.Add(at, $"{Quoted.Value(notificationId)} is not a notification id (such as MNV-42)");
        }
    }

    [GeneratedRegex(@"^(MNV|RPO|LCH)-[1-9][0-9]{0,18}\z")]
    private static partial Regex Pattern();
}

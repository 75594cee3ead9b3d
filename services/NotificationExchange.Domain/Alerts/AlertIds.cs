using System.Globalization;
using System.Text.RegularExpressions;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Alerts;

/// <summary>
/// What an alert id looks like: ALR- and the sequence of the event that raised it. Only an alert's parties ever see
/// its id, and the log's sequences are no secret (streams carry them).
/// </summary>
public static partial class AlertIds
{
    public static string ForSequence(long sequence) => "ALR-" + sequence.ToString(CultureInfo.InvariantCulture);

    public static void Validate(string at, string? alertId, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(alertId))
        {
            errors.Add(at, "is required");
        }
        else if (!Pattern().IsMatch(alertId))
        {
            errors.Add(at, $"{Quoted.Value(alertId)} is not an alert id (ALR- and a number)");
        }
    }

    [GeneratedRegex(@"^ALR-[1-9][0-9]{0,18}\z")]
    private static partial Regex Pattern();
}

using System.Text.RegularExpressions;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Consultations;

/// <summary>What a consultation id looks like: CON- and the sequence that recorded its request (CON-57).</summary>
public static partial class ConsultationIds
{
    public const string Prefix = "CON";

    public static string For(long sequence) => $"{Prefix}-{sequence}";

    public static void Validate(string at, string? consultationId, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(consultationId))
        {
            errors.Add(at, "is required");
        }
        else if (!Pattern().IsMatch(consultationId))
        {
            errors.Add(at, $"{Quoted.Value(consultationId)} is not a consultation id (such as CON-57)");
        }
    }

    [GeneratedRegex(@"^CON-[1-9][0-9]{0,18}\z")]
    private static partial Regex Pattern();
}

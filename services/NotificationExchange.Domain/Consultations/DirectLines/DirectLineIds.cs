using System.Security.Cryptography;
using System.Text.RegularExpressions;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Consultations.DirectLines;

/// <summary>
/// What a direct line id looks like: DL- and 16 random characters of a-z and 0-9 (about 83 bits). Random rather than a
/// log sequence: a line is not an entry of the log, and its id tells nobody how many lines there are.
/// </summary>
public static partial class DirectLineIds
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string New() => "DL-" + RandomNumberGenerator.GetString(Alphabet, 16);

    public static void Validate(string at, string? directLineId, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(directLineId))
        {
            errors.Add(at, "is required");
        }
        else if (!Pattern().IsMatch(directLineId))
        {
            errors.Add(at, $"{Quoted.Value(directLineId)} is not a direct line id (DL- and 16 characters of a-z and 0-9)");
        }
    }

    [GeneratedRegex(@"^DL-[a-z0-9]{16}\z")]
    private static partial Regex Pattern();
}

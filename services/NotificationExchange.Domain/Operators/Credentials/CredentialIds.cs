using System.Security.Cryptography;
using System.Text.RegularExpressions;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Operators.Credentials;

/// <summary>
/// Ids of credentials: KEY- or CRT- and 16 random upper-case hex digits (KEY-3F9A0C11D2E4B567). Random, not a sequence,
/// so that an id says nothing of how many keys others hold; an id is not a secret.
/// </summary>
public static partial class CredentialIds
{
    public const string KeyPrefix = "KEY-";
    public const string CertificatePrefix = "CRT-";

    public static string NewKeyId() => KeyPrefix + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));

    public static string NewCertificateId() => CertificatePrefix + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));

    public static void ValidateKeyId(string at, string? id, ValidationErrors errors) => Validate(at, id, KeyPattern(), "an API key id (such as KEY-3F9A0C11D2E4B567)", errors);

    public static void ValidateCertificateId(string at, string? id, ValidationErrors errors) =>
        Validate(at, id, CertificatePattern(), "a client certificate id (such as CRT-3F9A0C11D2E4B567)", errors);

    private static void Validate(string at, string? id, Regex pattern, string what, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(id))
        {
            errors.Add(at, "is required");
        }
        else if (!pattern.IsMatch(id))
        {
            errors.Add(at, $"{Quoted.Value(id)} is not {what}");
        }
    }

    [GeneratedRegex("^KEY-[0-9A-F]{16}\\z")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^CRT-[0-9A-F]{16}\\z")]
    private static partial Regex CertificatePattern();
}

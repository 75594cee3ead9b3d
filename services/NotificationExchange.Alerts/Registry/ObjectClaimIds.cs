using System.Security.Cryptography;

namespace NotificationExchange.Alerts.Registry;

/// <summary>
/// What a claim id looks like: CLM- and 16 random characters of a-z and 0-9 (about 83 bits). Random, as direct lines'
/// are: a claim is not an entry of the log, and its id tells nobody how many claims there are.
/// </summary>
public static class ObjectClaimIds
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public const string Prefix = "CLM-";

    public static string New() => Prefix + RandomNumberGenerator.GetString(Alphabet, 16);
}

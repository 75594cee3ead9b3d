using System.Security.Cryptography;
using System.Text;

namespace NotificationExchange.Domain.Operators;

/// <summary>
/// API keys are 256 random bits; the exchange keeps only their SHA-256. A fast hash is enough for keys this long:
/// they cannot be guessed, so there is nothing for a slow hash to protect.
/// </summary>
public static class ApiKeys
{
    public const string Prefix = "nx_";

    public static string Generate() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NotificationExchange.Domain.Webhooks;

/// <summary>
/// An organisation's webhook secret and the signature made with it. The secret is 32 random bytes written as text
/// (<see cref="Prefix"/> and base64url); the HMAC key is that text's UTF-8 bytes, exactly as shown, so that a receiver
/// uses the string it was given and decodes nothing. Unlike API keys the exchange keeps the secret itself, not a hash:
/// it must sign with it.
/// </summary>
public static class WebhookSecrets
{
    public const string Prefix = "nxwh_";

    public static string Generate() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// The NX-Signature header of <paramref name="body"/> sent at <paramref name="unixSeconds"/>:
    /// <c>t=&lt;unix seconds&gt;,v1=&lt;lower-case hex HMAC-SHA256 of "&lt;t&gt;.&lt;body&gt;"&gt;</c>. The time is
    /// inside what is signed, so that a receiver can refuse an old request replayed to it.
    /// </summary>
    public static string Signature(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        var t = unixSeconds.ToString(CultureInfo.InvariantCulture);
        var signed = new byte[t.Length + 1 + body.Length];
        Encoding.ASCII.GetBytes(t, signed);
        signed[t.Length] = (byte)'.';
        body.CopyTo(signed.AsSpan(t.Length + 1));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }
}

using System.Buffers;
using System.Buffers.Text;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Api.Services;

/// <summary>
/// Page tokens, opaque to clients: base64url of a format byte and where the next page starts. A token this service did
/// not issue is named on page_token, among the request's other faults.
/// </summary>
internal static class PageTokens
{
    public static string Encode(byte format, ReadOnlySpan<byte> position) => Base64Url.EncodeToString([format, .. position]);

    /// <summary>
    /// The position a request's token carries; null for the first page (no token), and null with page_token named in
    /// <paramref name="errors"/> when the token is not of <paramref name="format"/> or its position fails <paramref name="isPosition"/>.
    /// </summary>
    public static byte[]? Read(string token, byte format, Func<byte[], bool> isPosition, ValidationErrors errors)
    {
        if (token.Length == 0)
        {
            return null;
        }
        var bytes = new byte[Base64Url.GetMaxDecodedLength(token.Length)];
        if (Base64Url.DecodeFromChars(token, bytes, out _, out var written) == OperationStatus.Done && written > 0 && bytes[0] == format
            && bytes[1..written] is var position && isPosition(position))
        {
            return position;
        }
        errors.Add("page_token", "is not a token this service issued");
        return null;
    }
}

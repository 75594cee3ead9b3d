using System.Globalization;

namespace NotificationExchange.Api.Authentication;

/// <summary>
/// Answers a gRPC call from middleware, before any service sees it, as a trailers-only response: HTTP 200 with
/// grpc-status (and the rest) in the headers, which every gRPC client reads as the call's status and trailers.
/// </summary>
internal static class GrpcTrailersOnly
{
    /// <summary>Writes the status (with <paramref name="details"/>, a google.rpc.Status for grpc-status-details-bin,
    /// and further <paramref name="trailers"/> such as grpc-retry-pushback-ms, when given) and ends the response.</summary>
    public static Task WriteAsync(HttpResponse response, Grpc.Core.StatusCode code, string message, Google.Rpc.Status? details = null,
        IReadOnlyDictionary<string, string>? trailers = null)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = PercentEncoded(message);
        if (details is not null)
        {
            // binary metadata travels base64-encoded; gRPC implementations accept it unpadded, as they send it
            response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(Google.Protobuf.MessageExtensions.ToByteArray(details)).TrimEnd('=');
        }
        foreach (var (name, value) in trailers ?? new Dictionary<string, string>())
        {
            response.Headers[name] = value;
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// grpc-message as the gRPC HTTP/2 protocol encodes it: the UTF-8 bytes outside printable ASCII, and '%', as %XX;
    /// everything else as it is. (Uri.EscapeDataString also encodes ':' and ';', which clients that decode with
    /// JavaScript's decodeURI, as grpc-js does, leave encoded.)
    /// </summary>
    public static string PercentEncoded(string message)
    {
        var text = new System.Text.StringBuilder(message.Length);
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%')
            {
                text.Append((char)b);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return text.ToString();
    }
}

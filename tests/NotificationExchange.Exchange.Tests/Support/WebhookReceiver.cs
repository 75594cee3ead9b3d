using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using NotificationExchange.Testing;

namespace NotificationExchange.Exchange.Tests.Support;

/// <summary>
/// A webhook receiver as an organisation would run one: Kestrel over HTTPS on a free loopback port, with a certificate
/// the test chose. It verifies each POST's NX-Signature with the secret it was given (its own HMAC code, not the
/// exchange's), answers 401 to a bad one, and otherwise whatever <see cref="Respond"/> says.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private static readonly TimeSpan HangAfter = TimeSpan.FromSeconds(15);

    private readonly WebApplication _app;
    private readonly Channel<ReceivedWebhook> _received = Channel.CreateUnbounded<ReceivedWebhook>();

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>https://127.0.0.1:port</summary>
    public string Address => _app.Urls.Single();

    /// <summary>The organisation's webhook secret, as RotateWebhookSecret showed it; null: every signature is refused.</summary>
    public string? Secret { get; set; }

    /// <summary>The status to answer a well-signed POST with (it may wait first); 204 unless a test says otherwise.</summary>
    public Func<ReceivedWebhook, Task<int>> Respond { get; set; } = _ => Task.FromResult(StatusCodes.Status204NoContent);

    public static async Task<WebhookReceiver> StartAsync(X509Certificate2 certificate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // none of the settings beside the tests (the exchange's appsettings.json names its own endpoint)
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.UseUrls("https://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/{**path}", receiver.ReceiveAsync);
        await app.StartAsync();
        return receiver;
    }

    public string Url(string path) => $"{Address}{path}";

    /// <summary>The next POST received, in arrival order; fails the test when none comes within a bounded (wall-clock) time.</summary>
    public Task<ReceivedWebhook> NextAsync() => _received.Reader.ReadWithinAsync(HangAfter, $"the receiver at {Address} got no POST");

    /// <summary>Whether a POST has arrived that no <see cref="NextAsync"/> has taken yet.</summary>
    public bool HasUnread => _received.Reader.TryPeek(out _);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var headers = context.Request.Headers;
        var signature = headers["NX-Signature"].ToString();
        var (valid, signedAt) = Verify(signature, body.ToArray());
        var received = new ReceivedWebhook(
            context.Request.Path, headers.ContentType.ToString(), headers["NX-Delivery-Id"].ToString(), headers["NX-Event-Kind"].ToString(),
            signature, body.ToArray(), valid, signedAt);
        _received.Writer.TryWrite(received);
        context.Response.StatusCode = valid ? await Respond(received) : StatusCodes.Status401Unauthorized;
    }

    /// <summary>NX-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "&lt;t&gt;.&lt;body&gt;"&gt;, keyed with the secret's UTF-8 text.</summary>
    private (bool Valid, long? SignedAt) Verify(string header, byte[] body)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var t) || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var signedAt))
        {
            return (false, null);
        }
        if (Secret is null || !parts.TryGetValue("v1", out var v1) || v1.Length != 64)
        {
            return (false, signedAt);
        }
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(Secret));
        hmac.TransformBlock(Encoding.ASCII.GetBytes($"{t}."), 0, t.Length + 1, null, 0);
        hmac.TransformFinalBlock(body, 0, body.Length);
        byte[] given;
        try
        {
            given = Convert.FromHexString(v1);
        }
        catch (FormatException)
        {
            return (false, signedAt);
        }
        return (CryptographicOperations.FixedTimeEquals(hmac.Hash, given), signedAt);
    }
}

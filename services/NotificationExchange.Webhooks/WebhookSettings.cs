using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NotificationExchange.Domain.Webhooks;

namespace NotificationExchange.Webhooks;

/// <summary>
/// The webhook settings resolved once, at start-up: checked (a bad one stops the start, naming it), the URL policy
/// that the profile rules and the dispatcher share, the extra trusted roots loaded, and the lease a claim takes.
/// </summary>
public sealed class WebhookSettings
{
    public const string Section = "Exchange:Webhooks";

    /// <summary>
    /// What a claim's lease adds to the request timeout: reading the secret, signing and recording the attempt. An
    /// instance that stops while attempting holds its deliveries this long at most; then another takes them over.
    /// </summary>
    public static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(30);

    private WebhookSettings(WebhookOptions options, X509Certificate2Collection trustedRoots)
    {
        UrlPolicy = new WebhookUrlPolicy(options.AllowInsecureLoopback);
        TrustedRoots = trustedRoots;
        RequestTimeout = options.RequestTimeout;
        FirstRetryDelay = options.FirstRetryDelay;
        MaxRetryDelay = options.MaxRetryDelay;
        RetryJitter = options.RetryJitter;
        MaxAttempts = options.MaxAttempts;
        PollInterval = options.PollInterval;
        MaxConcurrentDeliveries = options.MaxConcurrentDeliveries;
    }

    public WebhookUrlPolicy UrlPolicy { get; }

    /// <summary>Roots trusted besides the system's; empty when none are configured.</summary>
    public X509Certificate2Collection TrustedRoots { get; }

    public TimeSpan RequestTimeout { get; }
    public TimeSpan FirstRetryDelay { get; }
    public TimeSpan MaxRetryDelay { get; }
    public double RetryJitter { get; }
    public int MaxAttempts { get; }
    public TimeSpan PollInterval { get; }
    public int MaxConcurrentDeliveries { get; }

    public TimeSpan Lease => RequestTimeout + LeaseMargin;

    public static WebhookSettings Resolve(WebhookOptions options)
    {
        // Waits run on timers, which take at most about 49 days; nothing here needs more than a day.
        var day = TimeSpan.FromDays(1);
        CheckDuration(nameof(options.RequestTimeout), options.RequestTimeout, day);
        CheckDuration(nameof(options.FirstRetryDelay), options.FirstRetryDelay, day);
        CheckDuration(nameof(options.MaxRetryDelay), options.MaxRetryDelay, day);
        CheckDuration(nameof(options.PollInterval), options.PollInterval, day);
        if (options.MaxRetryDelay < options.FirstRetryDelay)
        {
            throw Invalid(nameof(options.MaxRetryDelay), Text(options.MaxRetryDelay), $"expected at least FirstRetryDelay ({Text(options.FirstRetryDelay)})");
        }
        if (!(options.RetryJitter is >= 0 and < 1))
        {
            throw Invalid(nameof(options.RetryJitter), options.RetryJitter.ToString(CultureInfo.InvariantCulture), "expected 0 or more and less than 1");
        }
        if (options.MaxAttempts < 1)
        {
            throw Invalid(nameof(options.MaxAttempts), options.MaxAttempts.ToString(CultureInfo.InvariantCulture), "expected 1 or more");
        }
        if (options.MaxConcurrentDeliveries < 1)
        {
            throw Invalid(nameof(options.MaxConcurrentDeliveries), options.MaxConcurrentDeliveries.ToString(CultureInfo.InvariantCulture), "expected 1 or more");
        }
        return new WebhookSettings(options, LoadRoots(options.TrustedRootCertificates));
    }

    private static X509Certificate2Collection LoadRoots(string? path)
    {
        var roots = new X509Certificate2Collection();
        if (string.IsNullOrWhiteSpace(path))
        {
            return roots;
        }
        try
        {
            roots.ImportFromPemFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw Invalid(nameof(WebhookOptions.TrustedRootCertificates), path, $"cannot be read as PEM certificates ({e.Message})");
        }
        if (roots.Count == 0)
        {
            throw Invalid(nameof(WebhookOptions.TrustedRootCertificates), path, "holds no PEM certificate");
        }
        return roots;
    }

    private static void CheckDuration(string setting, TimeSpan value, TimeSpan max)
    {
        if (value <= TimeSpan.Zero || value > max)
        {
            throw Invalid(setting, Text(value), $"expected more than 0 and at most {Text(max)}");
        }
    }

    private static string Text(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);

    private static InvalidOperationException Invalid(string setting, string? value, string problem) =>
        new($"webhook setting {Section}:{setting} is '{value}': {problem}");
}

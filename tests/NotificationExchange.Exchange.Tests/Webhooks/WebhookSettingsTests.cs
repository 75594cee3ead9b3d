using NotificationExchange.Testing;
using NotificationExchange.Webhooks;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Webhooks;

/// <summary>The webhook settings are checked when the exchange starts: a bad one stops the start, naming it.</summary>
public class WebhookSettingsTests
{
    [Test]
    public void The_defaults_call_https_only_with_the_system_s_roots()
    {
        var settings = WebhookSettings.Resolve(new WebhookOptions());

        Assert.That(settings.UrlPolicy.AllowInsecureLoopback, Is.False);
        Assert.That(settings.TrustedRoots, Is.Empty);
        Assert.That(settings.Lease, Is.EqualTo(settings.RequestTimeout + WebhookSettings.LeaseMargin), "a claim outlasts its attempt");
    }

    [Test]
    public void A_bad_setting_is_named_with_its_value()
    {
        var bad = new (string Setting, Action<WebhookOptions> Set, string Value)[]
        {
            ("RequestTimeout", o => o.RequestTimeout = TimeSpan.Zero, "00:00:00"),
            ("FirstRetryDelay", o => o.FirstRetryDelay = TimeSpan.FromSeconds(-1), "-00:00:01"),
            ("MaxRetryDelay", o => o.MaxRetryDelay = TimeSpan.FromSeconds(5), "00:00:05"),
            ("PollInterval", o => o.PollInterval = TimeSpan.FromDays(2), "2.00:00:00"),
            ("RetryJitter", o => o.RetryJitter = 1, "1"),
            ("RetryJitter", o => o.RetryJitter = double.NaN, "NaN"),
            ("MaxAttempts", o => o.MaxAttempts = 0, "0"),
            ("MaxConcurrentDeliveries", o => o.MaxConcurrentDeliveries = -3, "-3"),
        };
        foreach (var (setting, set, value) in bad)
        {
            var options = new WebhookOptions();
            set(options);
            var refused = Assert.Throws<InvalidOperationException>(() => WebhookSettings.Resolve(options));
            Assert.That(refused!.Message, Does.StartWith($"webhook setting Exchange:Webhooks:{setting} is '{value}': "), setting);
        }
    }

    [Test]
    public void Trusted_roots_are_read_from_a_pem_file_that_must_hold_certificates()
    {
        using var database = new TestDatabase();
        var folder = Path.GetDirectoryName(database.Path)!;
        using var authority = new TestCertificateAuthority("Settings test root");
        var roots = authority.WriteRootPem(Path.Combine(folder, "roots.pem"));
        var empty = Path.Combine(folder, "empty.pem");
        File.WriteAllText(empty, "no certificate here\n");

        Assert.That(WebhookSettings.Resolve(new WebhookOptions { TrustedRootCertificates = roots }).TrustedRoots.Single().Subject, Is.EqualTo("CN=Settings test root"));
        var missing = Assert.Throws<InvalidOperationException>(() => WebhookSettings.Resolve(new WebhookOptions { TrustedRootCertificates = Path.Combine(folder, "absent.pem") }));
        Assert.That(missing!.Message, Does.StartWith("webhook setting Exchange:Webhooks:TrustedRootCertificates is ").And.Contain("cannot be read as PEM certificates"));
        var none = Assert.Throws<InvalidOperationException>(() => WebhookSettings.Resolve(new WebhookOptions { TrustedRootCertificates = empty }));
        Assert.That(none!.Message, Does.Contain("holds no PEM certificate"));
    }

    [Test]
    public async Task The_exchange_does_not_start_with_a_bad_webhook_setting()
    {
        using var database = new TestDatabase();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => ExchangeHost.StartAsync(database.Path, settings: new Dictionary<string, string>
        {
            ["Exchange:Webhooks:MaxAttempts"] = "0",
        }));

        Assert.That(refused!.Message, Does.Contain("Exchange:Webhooks:MaxAttempts is '0'"));
    }
}

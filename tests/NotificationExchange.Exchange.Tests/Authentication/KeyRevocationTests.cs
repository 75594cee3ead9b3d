using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Authentication;

/// <summary>
/// A key or certificate registration revoked on one instance stops working on another: within a second over the bus,
/// within the cache lifetime without it.
/// </summary>
public class KeyRevocationTests
{
    private TestDatabase _database = null!;
    private readonly List<ExchangeHost> _hosts = [];

    [SetUp]
    public void CreateDatabase() => _database = new TestDatabase();

    [TearDown]
    public async Task StopInstances()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
        _hosts.Clear();
        _database.Dispose();
    }

    [Test]
    public async Task A_key_revoked_on_one_instance_is_refused_on_another_within_a_second_over_rabbitmq()
    {
        var broker = RabbitMqBroker.Require();
        // a cache lifetime far longer than the test: only the bus can make B forget the key
        var settings = new Dictionary<string, string> { ["Exchange:Authentication:KeyCacheLifetime"] = "00:10:00" };
        var a = await StartAsync(broker, settings);
        var b = await StartAsync(broker, settings);
        var created = await a.Admin().Operators.CreateOperatorAsync(new CreateOperatorRequest { OperatorId = "revoked-ops", DisplayName = "Revoked" });
        var spare = await a.Client(created.ApiKey).Operators.IssueApiKeyAsync(new IssueApiKeyRequest { RequestId = "spare" });
        var onB = b.Client(created.ApiKey);
        await onB.Operators.WhoAmIAsync(new WhoAmIRequest()); // B now remembers the key

        await a.Client(spare.ApiKey).Operators.RevokeApiKeyAsync(new RevokeApiKeyRequest { KeyId = created.ApiKeyId });
        var revokedAt = DateTime.UtcNow;

        var refusedAfter = await RefusedWithinAsync(onB, TimeSpan.FromSeconds(1));
        TestContext.Out.WriteLine($"B refused the revoked key {refusedAfter.TotalMilliseconds:F0} ms after A answered the revocation");
        Assert.That(refusedAfter, Is.LessThan(TimeSpan.FromSeconds(1)), $"B refused the key {refusedAfter.TotalMilliseconds:F0} ms after the revocation on A");
        Assert.That(DateTime.UtcNow - revokedAt, Is.LessThan(TimeSpan.FromSeconds(2)));
        Assert.That((await b.Client(spare.ApiKey).Operators.WhoAmIAsync(new WhoAmIRequest())).Id, Is.EqualTo("revoked-ops"), "the other key works on B");
    }

    [Test]
    public async Task Without_the_bus_the_cache_lifetime_bounds_how_long_another_instance_accepts_a_revoked_key()
    {
        // two instances on one store, each with the in-memory bus: nothing one publishes reaches the other
        var clockB = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var a = await StartAsync(null, null);
        var b = await StartAsync(null, new() { ["Exchange:Authentication:KeyCacheLifetime"] = "00:00:03" }, services => services.AddSingleton<TimeProvider>(clockB));
        var created = await a.Admin().Operators.CreateOperatorAsync(new CreateOperatorRequest { OperatorId = "cached-ops", DisplayName = "Cached" });
        var onB = b.Client(created.ApiKey);
        await onB.Operators.WhoAmIAsync(new WhoAmIRequest());

        await a.Admin().Operators.RevokeApiKeyAsync(new RevokeApiKeyRequest { KeyId = created.ApiKeyId });
        await GrpcAssert.FailsWithAsync(StatusCode.Unauthenticated, async () => await a.Client(created.ApiKey).Operators.WhoAmIAsync(new WhoAmIRequest()));

        clockB.Advance(TimeSpan.FromSeconds(2));
        Assert.That((await onB.Operators.WhoAmIAsync(new WhoAmIRequest())).Id, Is.EqualTo("cached-ops"), "B has not heard: it trusts what it read 2 s ago");
        clockB.Advance(TimeSpan.FromSeconds(1));
        var refused = await GrpcAssert.FailsWithAsync(StatusCode.Unauthenticated, async () => await onB.Operators.WhoAmIAsync(new WhoAmIRequest()));
        Assert.That(refused.Status.Detail, Does.Contain($"API key {created.ApiKeyId} was revoked"));
    }

    [Test]
    public async Task A_certificate_registration_revoked_on_one_instance_is_refused_on_another_within_a_second_over_rabbitmq()
    {
        var broker = RabbitMqBroker.Require();
        using var authority = new TestCertificateAuthority("NX revocation test CA");
        var folder = Directory.CreateTempSubdirectory("nx-cert-revocation-");
        try
        {
            using var server = authority.IssueServerCertificate(["localhost"], [System.Net.IPAddress.Loopback]);
            using var serverKey = server.GetECDsaPrivateKey()!;
            File.WriteAllText(Path.Combine(folder.FullName, "server.pem"), server.ExportCertificatePem());
            File.WriteAllText(Path.Combine(folder.FullName, "server.key"), serverKey.ExportPkcs8PrivateKeyPem());
            var settings = new Dictionary<string, string>
            {
                ["Exchange:Authentication:KeyCacheLifetime"] = "00:10:00",
                ["Kestrel:Endpoints:Mtls:Url"] = "https://127.0.0.1:0",
                ["Kestrel:Endpoints:Mtls:ClientCertificateMode"] = "RequireCertificate",
                ["Kestrel:Endpoints:Mtls:Certificate:Path"] = Path.Combine(folder.FullName, "server.pem"),
                ["Kestrel:Endpoints:Mtls:Certificate:KeyPath"] = Path.Combine(folder.FullName, "server.key"),
                ["Exchange:Authentication:ClientCertificates:TrustedAuthorities"] = authority.WriteRootPem(Path.Combine(folder.FullName, "ca.pem")),
            };
            var a = await StartAsync(broker, settings);
            var b = await StartAsync(broker, settings);
            await a.NewOperatorKeyAsync("cert-revoked-ops");
            using var certificate = authority.IssueClientCertificate("CN=robot.cert-revoked-ops.example");
            var registered = await a.Admin().Operators.RegisterClientCertificateAsync(new RegisterClientCertificateRequest
            {
                RequestId = "robot", OperatorId = "cert-revoked-ops", Subject = "CN=robot.cert-revoked-ops.example",
            });
            var handler = new SocketsHttpHandler();
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
            handler.SslOptions.ClientCertificates = [certificate];
            using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(b.SecureAddress!, new Grpc.Net.Client.GrpcChannelOptions { HttpHandler = handler });
            var onB = new ExchangeClient(channel);
            Assert.That((await onB.Operators.WhoAmIAsync(new WhoAmIRequest())).Id, Is.EqualTo("cert-revoked-ops")); // B now remembers it

            await a.Admin().Operators.RevokeClientCertificateAsync(new RevokeClientCertificateRequest { CertificateId = registered.CertificateId });

            var refusedAfter = await RefusedWithinAsync(onB, TimeSpan.FromSeconds(1));
            TestContext.Out.WriteLine($"B refused the certificate {refusedAfter.TotalMilliseconds:F0} ms after A answered the revocation");
            Assert.That(refusedAfter, Is.LessThan(TimeSpan.FromSeconds(1)));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Calls every few milliseconds until the credential is refused; how long that took (fails after <paramref name="limit"/> and a margin).</summary>
    private static async Task<TimeSpan> RefusedWithinAsync(ExchangeClient client, TimeSpan limit)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (started.Elapsed < limit * 5)
        {
            try
            {
                await client.Operators.WhoAmIAsync(new WhoAmIRequest());
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unauthenticated)
            {
                return started.Elapsed;
            }
            await Task.Delay(10);
        }
        Assert.Fail($"the revoked key still worked {started.Elapsed} after its revocation");
        return started.Elapsed;
    }

    private async Task<ExchangeHost> StartAsync(string? broker, Dictionary<string, string>? settings, Action<IServiceCollection>? services = null)
    {
        var host = await ExchangeHost.StartAsync(_database.Path, broker, settings, services);
        _hosts.Add(host);
        return host;
    }
}

using System.Net;
using System.Security.Cryptography.X509Certificates;
using NotificationExchange.Client;
using NotificationExchange.Client.Errors;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Clients.Tests.Library;

/// <summary>The library over TLS to an exchange whose certificate a private authority issued.</summary>
public sealed class TlsTests
{
    [Test]
    public async Task A_client_that_trusts_the_private_authority_calls_over_tls_with_its_key_and_one_that_does_not_cannot_connect()
    {
        using var database = new TestDatabase();
        using var authority = new TestCertificateAuthority("NX client TLS test root");
        var folder = Directory.CreateTempSubdirectory("nx-tls-");
        try
        {
            using var certificate = authority.IssueServerCertificate(["localhost"], [IPAddress.Loopback]);
            var pfx = Path.Combine(folder.FullName, "exchange.pfx");
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pkcs12, "pfx-password"));
            var root = authority.WriteRootPem(Path.Combine(folder.FullName, "root.pem"));
            await using var exchange = await ExchangeHost.StartAsync(database.Path, settings: new Dictionary<string, string>
            {
                ["Kestrel:Endpoints:Grpc:Url"] = "https://127.0.0.1:0",
                ["Kestrel:Endpoints:Grpc:Certificate:Path"] = pfx,
                ["Kestrel:Endpoints:Grpc:Certificate:Password"] = "pfx-password",
            });
            NxClientOptions Options(string? apiKey, string? trusted) => new()
            {
                Address = new Uri(exchange.Address), ApiKey = apiKey, TrustedCertificateAuthorityPath = trusted, CallTimeout = TimeSpan.FromSeconds(20), MaxAttempts = 1,
            };

            using var admin = NxClient.Create(Options(ExchangeHost.AdminKey, root));
            var created = await admin.Operators.CreateOperatorAsync(new CreateOperatorRequest
            {
                OperatorId = "tls-ops", DisplayName = "TLS", Contact = new PointOfContact { Name = "Flight Dynamics", Email = "fd@tls.example" },
            });
            using var trusting = NxClient.Create(Options(created.ApiKey, root));
            using var untrusting = NxClient.Create(Options(created.ApiKey, trusted: null));
            var me = await trusting.Operators.WhoAmIAsync(new WhoAmIRequest());
            var refused = await Assert.ThrowsAsync<NxException>(() => untrusting.Operators.WhoAmIAsync(new WhoAmIRequest()));

            Assert.That(exchange.Address, Does.StartWith("https://"));
            Assert.That(me.Id, Is.EqualTo("tls-ops"));
            Assert.That(refused!.Error.Kind, Is.EqualTo(FailureKind.Unreachable), refused.Message);
            Assert.That(refused.Message, Does.Contain("certificate"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NotificationExchange.Client;
using NotificationExchange.Clients.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Clients.Tests.Library;

/// <summary>The library, and nxc through a saved profile, authenticating with a client certificate (PEM files) at the
/// exchange's mutual TLS endpoint.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ClientCertificateTests
{
    [Test]
    public async Task A_client_with_a_registered_certificate_calls_as_its_organisation_without_a_key()
    {
        using var database = new TestDatabase();
        using var authority = new TestCertificateAuthority("NX client certificate test root");
        var folder = Directory.CreateTempSubdirectory("nx-client-cert-");
        try
        {
            string Write(string name, string pem)
            {
                var path = Path.Combine(folder.FullName, name);
                File.WriteAllText(path, pem);
                return path;
            }
            using var server = authority.IssueServerCertificate(["localhost"], [IPAddress.Loopback]);
            using var serverKey = server.GetECDsaPrivateKey()!;
            using var client = authority.IssueClientCertificate("CN=robot.cert-ops.example, O=Cert Ops");
            using var clientKey = client.GetECDsaPrivateKey()!;
            var root = authority.WriteRootPem(Path.Combine(folder.FullName, "root.pem"));
            await using var exchange = await ExchangeHost.StartAsync(database.Path, settings: new Dictionary<string, string>
            {
                ["Kestrel:Endpoints:Mtls:Url"] = "https://127.0.0.1:0",
                ["Kestrel:Endpoints:Mtls:ClientCertificateMode"] = "RequireCertificate",
                ["Kestrel:Endpoints:Mtls:Certificate:Path"] = Write("server.pem", server.ExportCertificatePem()),
                ["Kestrel:Endpoints:Mtls:Certificate:KeyPath"] = Write("server.key", serverKey.ExportPkcs8PrivateKeyPem()),
                ["Exchange:Authentication:ClientCertificates:TrustedAuthorities"] = root,
            });
            await exchange.NewOperatorKeyAsync("cert-ops");
            await exchange.Admin().Operators.RegisterClientCertificateAsync(new RegisterClientCertificateRequest
            {
                RequestId = "robot", OperatorId = "cert-ops", Thumbprint = client.GetCertHashString(HashAlgorithmName.SHA256),
            });

            using var nx = NxClient.Create(new NxClientOptions
            {
                Address = new Uri(exchange.SecureAddress!), TrustedCertificateAuthorityPath = root, MaxAttempts = 1, CallTimeout = TimeSpan.FromSeconds(20),
                ClientCertificatePath = Write("client.pem", client.ExportCertificatePem()), ClientKeyPath = Write("client.key", clientKey.ExportPkcs8PrivateKeyPem()),
            });
            var me = await nx.Operators.WhoAmIAsync(new WhoAmIRequest());

            Assert.That(me.Id, Is.EqualTo("cert-ops"));

            // nxc: a profile saved with the certificate instead of a key
            var config = Directory.CreateDirectory(Path.Combine(folder.FullName, "nxc")).FullName;
            var nxc = new Nxc(config);
            var login = await nxc.RunAsync("login", "--server", exchange.SecureAddress!, "--ca-file", root,
                "--client-certificate", Path.Combine(folder.FullName, "client.pem"), "--client-key", Path.Combine(folder.FullName, "client.key"));
            Assert.That(login.ExitCode, Is.EqualTo(NotificationExchange.Cli.Cli.ExitCodes.Ok), login.ToString());
            var whoami = await nxc.RunAsync("whoami");
            Assert.That(whoami.ExitCode, Is.EqualTo(NotificationExchange.Cli.Cli.ExitCodes.Ok), whoami.ToString());
            Assert.That(whoami.Lines[0], Does.StartWith("cert-ops"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

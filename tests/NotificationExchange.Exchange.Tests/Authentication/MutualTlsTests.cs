using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Authentication;

/// <summary>
/// The mutual TLS endpoint, with a CA of the test's own: a registered certificate authenticates as its organisation;
/// unknown, expired, foreign and absent certificates are refused; the API key endpoint is unaffected.
/// </summary>
public class MutualTlsTests
{
    private TestDatabase _database = null!;
    private TestCertificateAuthority _authority = null!;
    private string _directory = null!;
    private ExchangeHost _host = null!;
    private readonly List<GrpcChannel> _channels = [];

    [OneTimeSetUp]
    public async Task StartExchange()
    {
        _database = new TestDatabase();
        _authority = new TestCertificateAuthority("NX test client CA");
        _directory = Directory.CreateTempSubdirectory("nx-mtls-").FullName;
        using var server = _authority.IssueServerCertificate(["localhost"], [IPAddress.Loopback]);
        File.WriteAllText(Path.Combine(_directory, "server.pem"), server.ExportCertificatePem());
        using (var key = server.GetECDsaPrivateKey()!)
        {
            File.WriteAllText(Path.Combine(_directory, "server.key"), key.ExportPkcs8PrivateKeyPem());
        }
        _host = await ExchangeHost.StartAsync(_database.Path, settings: new Dictionary<string, string>
        {
            ["Kestrel:Endpoints:Mtls:Url"] = "https://127.0.0.1:0",
            ["Kestrel:Endpoints:Mtls:ClientCertificateMode"] = "RequireCertificate",
            ["Kestrel:Endpoints:Mtls:Certificate:Path"] = Path.Combine(_directory, "server.pem"),
            ["Kestrel:Endpoints:Mtls:Certificate:KeyPath"] = Path.Combine(_directory, "server.key"),
            ["Exchange:Authentication:ClientCertificates:TrustedAuthorities"] = _authority.WriteRootPem(Path.Combine(_directory, "clients-ca.pem")),
        });
        await _host.NewOperatorAsync("mtls-ops");
    }

    [OneTimeTearDown]
    public async Task StopExchange()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }
        await _host.DisposeAsync();
        _authority.Dispose();
        _database.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public async Task A_certificate_registered_by_thumbprint_authenticates_as_its_organisation()
    {
        using var certificate = _authority.IssueClientCertificate("CN=robot.mtls-ops.example, O=MTLS Ops");
        var registered = await RegisterAsync(thumbprint: Thumbprint(certificate));

        var who = await Client(certificate).WhoAmIAsync(new WhoAmIRequest());

        Assert.That(who.Id, Is.EqualTo("mtls-ops"));
        Assert.That(registered.Thumbprint, Is.EqualTo(Thumbprint(certificate)));
    }

    [Test]
    public async Task A_subject_registration_covers_a_renewed_certificate_until_it_is_revoked()
    {
        using var first = _authority.IssueClientCertificate("CN=desk.mtls-ops.example, O=MTLS Ops, C=FR");
        using var renewed = _authority.IssueClientCertificate("CN=desk.mtls-ops.example, O=MTLS Ops, C=FR");
        // written differently: matched as the certificate's own subject reads
        var registered = await RegisterAsync(subject: "CN=desk.mtls-ops.example,O=MTLS Ops,C=FR");

        Assert.That((await Client(first).WhoAmIAsync(new WhoAmIRequest())).Id, Is.EqualTo("mtls-ops"));
        Assert.That((await Client(renewed).WhoAmIAsync(new WhoAmIRequest())).Id, Is.EqualTo("mtls-ops"));
        Assert.That(registered.Subject, Is.EqualTo("CN=desk.mtls-ops.example, O=MTLS Ops, C=FR"));

        await _host.Admin().Operators.RevokeClientCertificateAsync(new RevokeClientCertificateRequest { CertificateId = registered.CertificateId });
        var refused = await GrpcAssert.FailsWithAsync(StatusCode.Unauthenticated, async () => await Client(renewed).WhoAmIAsync(new WhoAmIRequest()));
        Assert.That(refused.Status.Detail, Does.Contain("is not registered"));
    }

    [Test]
    public async Task An_unregistered_certificate_from_the_trusted_authority_is_refused_naming_it()
    {
        using var certificate = _authority.IssueClientCertificate("CN=stranger.example");

        var refused = await GrpcAssert.FailsWithAsync(StatusCode.Unauthenticated, async () => await Client(certificate).WhoAmIAsync(new WhoAmIRequest()));

        Assert.That(refused.Status.Detail, Does.StartWith($"certificate {Thumbprint(certificate)} (subject 'CN=stranger.example') is not registered"));
    }

    [Test]
    public async Task An_expired_certificate_is_refused_even_when_registered()
    {
        var now = DateTimeOffset.UtcNow;
        using var certificate = _authority.IssueClientCertificate("CN=expired.mtls-ops.example", now.AddHours(-20), now.AddHours(-1));
        await RegisterAsync(thumbprint: Thumbprint(certificate));

        var refused = await GrpcAssert.FailsWithAsync(StatusCode.Unauthenticated, async () => await Client(certificate).WhoAmIAsync(new WhoAmIRequest()));

        Assert.That(refused.Status.Detail, Does.Contain("is not trusted: it expired at"));
    }

    [Test]
    public async Task A_certificate_from_another_authority_is_refused_even_when_registered()
    {
        using var otherAuthority = new TestCertificateAuthority("Someone else's CA");
        using var certificate = otherAuthority.IssueClientCertificate("CN=forged.mtls-ops.example");
        await RegisterAsync(thumbprint: Thumbprint(certificate));

        var refused = await GrpcAssert.FailsWithAsync(StatusCode.Unauthenticated, async () => await Client(certificate).WhoAmIAsync(new WhoAmIRequest()));

        Assert.That(refused.Status.Detail, Does.Contain("does not chain to a trusted authority"));
    }

    [Test]
    public async Task A_call_without_a_certificate_is_refused_at_the_mutual_tls_endpoint()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await Client(null).WhoAmIAsync(new WhoAmIRequest()));

        // The client makes this status itself from the failed handshake: UNAVAILABLE, or INTERNAL when the server's
        // TLS alert arrives as the HTTP/2 connection is being read; either way the call never reaches the exchange.
        Assert.That(refused!.StatusCode, Is.AnyOf(StatusCode.Unavailable, StatusCode.Internal), "the TLS handshake requires a certificate");
        Assert.That(refused.Status.DebugException?.ToString() ?? refused.Status.Detail, Does.Contain("SSL").IgnoreCase.Or.Contain("TLS").IgnoreCase.Or.Contain("certificate").IgnoreCase.Or.Contain("connection").IgnoreCase);
    }

    [Test]
    public async Task The_api_key_endpoint_is_unaffected()
    {
        Assert.That((await _host.Admin().Operators.WhoAmIAsync(new WhoAmIRequest())).Id, Is.EqualTo("admin"));
        var refused = await GrpcAssert.FailsWithAsync(StatusCode.Unauthenticated, async () =>
            await new OperatorService.OperatorServiceClient(_host.AnonymousChannel()).WhoAmIAsync(new WhoAmIRequest()));
        Assert.That(refused.Status.Detail, Does.Contain("Bearer"));
    }

    private async Task<ClientCertificate> RegisterAsync(string thumbprint = "", string subject = "") =>
        await _host.Admin().Operators.RegisterClientCertificateAsync(new RegisterClientCertificateRequest
        {
            RequestId = Guid.NewGuid().ToString(), OperatorId = "mtls-ops", Thumbprint = thumbprint, Subject = subject,
        });

    private static string Thumbprint(X509Certificate2 certificate) => certificate.GetCertHashString(HashAlgorithmName.SHA256);

    /// <summary>A client of the mutual TLS endpoint presenting <paramref name="certificate"/> (none when null), trusting the test's server certificate.</summary>
    private OperatorService.OperatorServiceClient Client(X509Certificate2? certificate)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        if (certificate is not null)
        {
            handler.SslOptions.ClientCertificates = [certificate];
        }
        var channel = GrpcChannel.ForAddress(_host.SecureAddress!, new GrpcChannelOptions { HttpHandler = handler });
        _channels.Add(channel);
        return new OperatorService.OperatorServiceClient(channel);
    }
}

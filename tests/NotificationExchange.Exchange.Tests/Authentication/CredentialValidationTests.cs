using Google.Protobuf.WellKnownTypes;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Authentication;

/// <summary>The credentials' calls refuse bad input field by field, every bad field at once.</summary>
public class CredentialValidationTests
{
    private TestDatabase _database = null!;
    private ExchangeHost _host = null!;

    [OneTimeSetUp]
    public async Task StartExchange()
    {
        _database = new TestDatabase();
        _host = await ExchangeHost.StartAsync(_database.Path);
    }

    [OneTimeTearDown]
    public async Task StopExchange()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    [Test]
    public async Task An_issue_request_names_each_bad_field()
    {
        var fields = await GrpcAssert.InvalidFieldsAsync(async () => await _host.Admin().Operators.IssueApiKeyAsync(new IssueApiKeyRequest
        {
            RequestId = "has space", OperatorId = "Not An Id", Label = "two\nlines", ExpiresAt = Timestamp.FromDateTime(DateTime.UtcNow.AddMinutes(-1)),
        }));

        Assert.That(fields.Keys, Is.EquivalentTo(new[] { "request_id", "operator_id", "label", "expires_at" }));
        Assert.That(fields["expires_at"], Does.Contain("not in the future"));
    }

    [Test]
    public async Task An_out_of_range_expiry_is_refused_on_its_field_not_as_unknown()
    {
        var fields = await GrpcAssert.InvalidFieldsAsync(async () => await _host.Admin().Operators.IssueApiKeyAsync(new IssueApiKeyRequest
        {
            RequestId = "r1", ExpiresAt = new Timestamp { Seconds = long.MaxValue },
        }));

        Assert.That(fields.Keys, Is.EquivalentTo(new[] { "expires_at" }));
    }

    [Test]
    public async Task Revocations_and_listings_name_their_bad_ids()
    {
        var key = await GrpcAssert.InvalidFieldsAsync(async () => await _host.Admin().Operators.RevokeApiKeyAsync(new RevokeApiKeyRequest { KeyId = "key-1" }));
        var certificate = await GrpcAssert.InvalidFieldsAsync(async () =>
            await _host.Admin().Operators.RevokeClientCertificateAsync(new RevokeClientCertificateRequest()));
        var keys = await GrpcAssert.InvalidFieldsAsync(async () => await _host.Admin().Operators.ListApiKeysAsync(new ListApiKeysRequest { OperatorId = "X" }));
        var certificates = await GrpcAssert.InvalidFieldsAsync(async () =>
            await _host.Admin().Operators.ListClientCertificatesAsync(new ListClientCertificatesRequest { OperatorId = "X" }));

        Assert.That(key.Keys, Is.EquivalentTo(new[] { "key_id" }));
        Assert.That(certificate.Keys, Is.EquivalentTo(new[] { "certificate_id" }));
        Assert.That(keys.Keys, Is.EquivalentTo(new[] { "operator_id" }));
        Assert.That(certificates.Keys, Is.EquivalentTo(new[] { "operator_id" }));
    }

    [TestCase("", "", "thumbprint")]
    [TestCase("0123", "", "thumbprint")]
    [TestCase("", "not a name", "subject")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "CN=both", "subject")]
    public async Task A_registration_takes_exactly_one_well_formed_thumbprint_or_subject(string thumbprint, string subject, string field)
    {
        var fields = await GrpcAssert.InvalidFieldsAsync(async () => await _host.Admin().Operators.RegisterClientCertificateAsync(new RegisterClientCertificateRequest
        {
            RequestId = "", OperatorId = "", Thumbprint = thumbprint, Subject = subject, Label = new string('x', 129),
        }));

        Assert.That(fields.Keys, Is.EquivalentTo(new[] { "request_id", "operator_id", "label", field }));
    }
}

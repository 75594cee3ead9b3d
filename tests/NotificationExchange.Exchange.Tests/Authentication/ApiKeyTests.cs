using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Authentication;

/// <summary>Several API keys per organisation: overlap, revocation, expiry and last use, on one instance with a fake clock.</summary>
public class ApiKeyTests
{
    private static readonly DateTimeOffset Start = new(2030, 3, 1, 12, 0, 30, TimeSpan.Zero);

    private TestDatabase _database = null!;
    private FakeTimeProvider _clock = null!;
    private ExchangeHost _host = null!;

    [SetUp]
    public async Task StartExchange()
    {
        _database = new TestDatabase();
        _clock = new FakeTimeProvider(Start);
        _host = await ExchangeHost.StartAsync(_database.Path, services: services => services.AddSingleton<TimeProvider>(_clock));
    }

    [TearDown]
    public async Task StopExchange()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    [Test]
    public async Task Two_active_keys_both_work_and_revoking_one_leaves_the_other()
    {
        var created = await _host.Admin().Operators.CreateOperatorAsync(new CreateOperatorRequest { OperatorId = "overlap-ops", DisplayName = "Overlap" });
        var first = _host.Client(created.ApiKey);
        var issued = await first.Operators.IssueApiKeyAsync(new IssueApiKeyRequest { RequestId = "next-key", Label = "console 2030" });
        var second = _host.Client(issued.ApiKey);

        Assert.That((await first.Operators.WhoAmIAsync(new WhoAmIRequest())).Id, Is.EqualTo("overlap-ops"));
        Assert.That((await second.Operators.WhoAmIAsync(new WhoAmIRequest())).Id, Is.EqualTo("overlap-ops"));
        Assert.That(issued.Key, Is.EqualTo(new ApiKey
        {
            KeyId = issued.Key.KeyId, OperatorId = "overlap-ops", Label = "console 2030", CreatedAt = Timestamp.FromDateTimeOffset(Start),
        }));
        Assert.That(issued.Key.KeyId, Does.Match("^KEY-[0-9A-F]{16}$"));

        var revoked = await second.Operators.RevokeApiKeyAsync(new RevokeApiKeyRequest { KeyId = created.ApiKeyId });

        Assert.That(revoked.RevokedAt, Is.EqualTo(Timestamp.FromDateTimeOffset(Start)));
        var refused = await GrpcAssert.FailsWithAsync(StatusCode.Unauthenticated, async () => await first.Operators.WhoAmIAsync(new WhoAmIRequest()));
        Assert.That(refused.Status.Detail, Is.EqualTo($"API key {created.ApiKeyId} was revoked at 2030-03-01T12:00:30Z"));
        Assert.That((await second.Operators.WhoAmIAsync(new WhoAmIRequest())).Id, Is.EqualTo("overlap-ops"));
        var listed = (await second.Operators.ListApiKeysAsync(new ListApiKeysRequest())).Keys;
        Assert.That(listed.Select(k => (k.KeyId, k.RevokedAt != null)), Is.EquivalentTo(new[] { (created.ApiKeyId, true), (issued.Key.KeyId, false) }));
    }

    [Test]
    public async Task A_key_stops_working_when_it_expires_saying_when()
    {
        var owner = await _host.NewOperatorAsync("expiring-ops");
        var issued = await owner.Operators.IssueApiKeyAsync(new IssueApiKeyRequest
        {
            RequestId = "short-lived", ExpiresAt = Timestamp.FromDateTimeOffset(Start.AddHours(1)),
        });
        var expiring = _host.Client(issued.ApiKey);
        await expiring.Operators.WhoAmIAsync(new WhoAmIRequest());

        _clock.Advance(TimeSpan.FromMinutes(59));
        await expiring.Operators.WhoAmIAsync(new WhoAmIRequest());
        _clock.Advance(TimeSpan.FromMinutes(1));

        var refused = await GrpcAssert.FailsWithAsync(StatusCode.Unauthenticated, async () => await expiring.Operators.WhoAmIAsync(new WhoAmIRequest()));
        Assert.That(refused.Status.Detail, Is.EqualTo($"API key {issued.Key.KeyId} expired at 2030-03-01T13:00:30Z"));
        Assert.That((await owner.Operators.WhoAmIAsync(new WhoAmIRequest())).Id, Is.EqualTo("expiring-ops"), "the organisation's other key works on");
    }

    [Test]
    public async Task A_key_s_last_use_is_recorded_to_the_minute_within_a_flush_interval()
    {
        var created = await _host.Admin().Operators.CreateOperatorAsync(new CreateOperatorRequest { OperatorId = "used-ops", DisplayName = "Used" });
        var client = _host.Client(created.ApiKey);
        Assert.That(await LastUsedAsync(created.ApiKeyId), Is.Null, "not used yet");

        await client.Operators.WhoAmIAsync(new WhoAmIRequest());
        _clock.Advance(TimeSpan.FromMinutes(1));
        var first = await WaitForLastUseAsync(created.ApiKeyId, Start.AddSeconds(-30));

        _clock.Advance(TimeSpan.FromMinutes(3));
        await client.Operators.WhoAmIAsync(new WhoAmIRequest());
        _clock.Advance(TimeSpan.FromMinutes(1));
        var later = await WaitForLastUseAsync(created.ApiKeyId, Start.AddSeconds(-30).AddMinutes(4));

        Assert.That((first, later), Is.EqualTo((Start.AddSeconds(-30), Start.AddSeconds(-30).AddMinutes(4))), "rounded down to the minute, and moving");
    }

    [Test]
    public async Task An_organisation_manages_its_own_keys_only_and_an_administrator_anyone_s()
    {
        var owner = await _host.NewOperatorAsync("key-owner");
        var other = await _host.NewOperatorAsync("key-other");
        var ownerKey = (await owner.Operators.ListApiKeysAsync(new ListApiKeysRequest())).Keys.Single();

        await GrpcAssert.FailsWithAsync(StatusCode.NotFound, async () => await other.Operators.RevokeApiKeyAsync(new RevokeApiKeyRequest { KeyId = ownerKey.KeyId }));
        // Organisations are public (the directory): naming another is refused as such; a key's id is not, so another's
        // key reads as no key at all.
        await GrpcAssert.FailsWithAsync(StatusCode.PermissionDenied, async () => await other.Operators.ListApiKeysAsync(new ListApiKeysRequest { OperatorId = "key-owner" }));
        await GrpcAssert.FailsWithAsync(StatusCode.PermissionDenied, async () =>
            await other.Operators.IssueApiKeyAsync(new IssueApiKeyRequest { RequestId = "theirs", OperatorId = "key-owner" }));
        var unknown = await GrpcAssert.FailsWithAsync(StatusCode.NotFound, async () =>
            await other.Operators.RevokeApiKeyAsync(new RevokeApiKeyRequest { KeyId = "KEY-0000000000000000" }));
        Assert.That(unknown.Status.Detail, Does.Contain("KEY-0000000000000000"), "a key of another and no key at all read the same");
        Assert.That((await owner.Operators.WhoAmIAsync(new WhoAmIRequest())).Id, Is.EqualTo("key-owner"));

        // An organisation that does not exist is not found, listed or issued for alike (not an empty list).
        await GrpcAssert.FailsWithAsync(StatusCode.NotFound, async () => await _host.Admin().Operators.ListApiKeysAsync(new ListApiKeysRequest { OperatorId = "no-such-org" }));
        await GrpcAssert.FailsWithAsync(StatusCode.NotFound, async () =>
            await _host.Admin().Operators.ListClientCertificatesAsync(new ListClientCertificatesRequest { OperatorId = "no-such-org" }));
        await GrpcAssert.FailsWithAsync(StatusCode.NotFound, async () =>
            await _host.Admin().Operators.IssueApiKeyAsync(new IssueApiKeyRequest { RequestId = "for-nobody", OperatorId = "no-such-org" }));

        var issuedByAdmin = await _host.Admin().Operators.IssueApiKeyAsync(new IssueApiKeyRequest { RequestId = "for-owner", OperatorId = "key-owner" });
        Assert.That(issuedByAdmin.Key.OperatorId, Is.EqualTo("key-owner"));
        Assert.That((await _host.Admin().Operators.ListApiKeysAsync(new ListApiKeysRequest { OperatorId = "key-owner" })).Keys, Has.Count.EqualTo(2));
        await _host.Admin().Operators.RevokeApiKeyAsync(new RevokeApiKeyRequest { KeyId = ownerKey.KeyId });
        await GrpcAssert.FailsWithAsync(StatusCode.Unauthenticated, async () => await owner.Operators.WhoAmIAsync(new WhoAmIRequest()));
    }

    [Test]
    public async Task A_retried_issue_issues_no_second_key_and_names_the_first()
    {
        var owner = await _host.NewOperatorAsync("retry-ops");
        var first = await owner.Operators.IssueApiKeyAsync(new IssueApiKeyRequest { RequestId = "once", Label = "robot" });

        var again = await GrpcAssert.FailsWithAsync(StatusCode.AlreadyExists, async () =>
            await owner.Operators.IssueApiKeyAsync(new IssueApiKeyRequest { RequestId = "once", Label = "robot" }));

        Assert.That(again.Status.Detail, Does.Contain(first.Key.KeyId));
        Assert.That((await owner.Operators.ListApiKeysAsync(new ListApiKeysRequest())).Keys, Has.Count.EqualTo(2), "the first key and the one issued once");
    }

    [Test]
    public async Task Rotating_issues_a_key_and_revokes_every_other_and_the_configured_administrator_key_keeps_working()
    {
        var owner = await _host.NewOperatorAsync("rotated-ops");
        var spare = _host.Client((await owner.Operators.IssueApiKeyAsync(new IssueApiKeyRequest { RequestId = "spare" })).ApiKey);

        var rotated = await _host.Admin().Operators.RotateApiKeyAsync(new RotateApiKeyRequest { OperatorId = "rotated-ops" });

        await GrpcAssert.FailsWithAsync(StatusCode.Unauthenticated, async () => await owner.Operators.WhoAmIAsync(new WhoAmIRequest()));
        await GrpcAssert.FailsWithAsync(StatusCode.Unauthenticated, async () => await spare.Operators.WhoAmIAsync(new WhoAmIRequest()));
        var keys = (await _host.Client(rotated.ApiKey).Operators.ListApiKeysAsync(new ListApiKeysRequest())).Keys;
        Assert.That(keys.Where(k => k.RevokedAt == null).Select(k => k.KeyId), Is.EqualTo(new[] { rotated.ApiKeyId }));
        var admin = (await _host.Admin().Operators.ListApiKeysAsync(new ListApiKeysRequest())).Keys.Single();
        Assert.That(admin.Label, Is.EqualTo("configured (Exchange:AdminApiKey)"));
    }

    /// <summary>When the key was last used, as the administrator reads it: reading it with the key itself would use it.</summary>
    private async Task<DateTimeOffset?> LastUsedAsync(string keyId) =>
        (await _host.Admin().Operators.ListApiKeysAsync(new ListApiKeysRequest { OperatorId = "used-ops" })).Keys.Single(k => k.KeyId == keyId).LastUsedAt?.ToDateTimeOffset();

    /// <summary>Waits (up to 10 s) for the flush, which runs on the fake clock's timer, to record the expected time.</summary>
    private async Task<DateTimeOffset?> WaitForLastUseAsync(string keyId, DateTimeOffset expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        DateTimeOffset? seen;
        while ((seen = await LastUsedAsync(keyId)) != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        return seen;
    }
}

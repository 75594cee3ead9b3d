using NotificationExchange.Domain.Operators.Credentials;
using NotificationExchange.Domain.Validation;
using NUnit.Framework;

namespace NotificationExchange.Storage.Tests.Contract;

// Credentials: API keys beyond the first (issued, listed, revoked, used) and client certificate registrations.
public abstract partial class ExchangeStoreContract
{
    [Test]
    public async Task A_key_is_issued_once_per_request_id_listed_with_its_operator_s_keys_and_revoked_once()
    {
        var store = Open();
        var none = CancellationToken.None;
        await store.Operators.CreateAsync(Account("op-a"), Key("KEY-000000000000000A", "op-a"), KeyA, none);
        var second = Key("KEY-000000000000000B", "op-a", LogEvents.Epoch.AddMinutes(1), "deploy robot", LogEvents.Epoch.AddDays(30));

        Assert.That(await store.Credentials.IssueKeyAsync(second, KeyB, "req-1", none), Is.EqualTo(new Issued<ApiKey>(second, IsNew: true)));
        Assert.That(await store.Credentials.IssueKeyAsync(Key("KEY-000000000000000C", "op-a"), KeyC, "req-1", none), Is.EqualTo(new Issued<ApiKey>(second, IsNew: false)),
            "a retry finds the key its request id issued");
        Assert.That(await store.Credentials.FindKeyAsync(KeyC, none), Is.Null, "and stores nothing new");
        Assert.That(await store.Credentials.IssueKeyAsync(Key("KEY-000000000000000D", "op-z"), [0xD1], "req-1", none), Is.Null, "no such operator");
        Assert.That((await store.Credentials.ListKeysAsync("op-a", none)).Select(k => k.Id), Is.EqualTo(new[] { "KEY-000000000000000A", "KEY-000000000000000B" }));
        Assert.That(await store.Credentials.ListKeysAsync("op-z", none), Is.Empty);

        var revoked = await store.Credentials.RevokeKeyAsync("KEY-000000000000000B", LogEvents.Epoch.AddHours(1), none);
        Assert.That(revoked, Is.EqualTo(second with { RevokedAt = LogEvents.Epoch.AddHours(1) }));
        Assert.That((await store.Credentials.RevokeKeyAsync("KEY-000000000000000B", LogEvents.Epoch.AddHours(2), none))!.RevokedAt, Is.EqualTo(LogEvents.Epoch.AddHours(1)),
            "revoking again keeps the first revocation time");
        Assert.That(await store.Credentials.RevokeKeyAsync("KEY-00000000000000FF", LogEvents.Epoch, none), Is.Null);
        Assert.That(await store.Credentials.GetKeyAsync("KEY-000000000000000B", none), Is.EqualTo(revoked));
        Assert.That((await store.Credentials.FindKeyAsync(KeyB, none))!.Key, Is.EqualTo(revoked), "a revoked key is still found, to say why it is refused");
    }

    [Test]
    public async Task A_key_s_last_use_only_moves_forward()
    {
        var store = Open();
        var none = CancellationToken.None;
        await store.Operators.CreateAsync(Account("op-a"), Key("KEY-000000000000000A", "op-a"), KeyA, none);

        await store.Credentials.RecordKeyUseAsync(new Dictionary<string, DateTime> { ["KEY-000000000000000A"] = LogEvents.Epoch.AddMinutes(5), ["KEY-00000000000000FF"] = LogEvents.Epoch }, none);
        await store.Credentials.RecordKeyUseAsync(new Dictionary<string, DateTime> { ["KEY-000000000000000A"] = LogEvents.Epoch.AddMinutes(2) }, none);

        Assert.That((await store.Credentials.GetKeyAsync("KEY-000000000000000A", none))!.LastUsedAt, Is.EqualTo(LogEvents.Epoch.AddMinutes(5)));
    }

    [Test]
    public async Task A_certificate_maps_to_one_organisation_by_thumbprint_before_subject_until_revoked()
    {
        var store = Open();
        var none = CancellationToken.None;
        var a = Account("op-a");
        var b = Account("op-b");
        await store.Operators.CreateAsync(a, Key("KEY-000000000000000A", "op-a"), KeyA, none);
        await store.Operators.CreateAsync(b, Key("KEY-000000000000000B", "op-b"), KeyB, none);
        var thumbprint = new string('A', 64);
        var bySubject = new ClientCertificateMapping("CRT-000000000000000A", "op-a", null, "CN=ops.a.example, O=A", "ops", LogEvents.Epoch, null);
        var byThumbprint = new ClientCertificateMapping("CRT-000000000000000B", "op-b", thumbprint, null, null, LogEvents.Epoch.AddMinutes(1), null);

        Assert.That(await store.Credentials.RegisterCertificateAsync(bySubject, "r1", none), Is.EqualTo(new Issued<ClientCertificateMapping>(bySubject, true)));
        Assert.That(await store.Credentials.RegisterCertificateAsync(byThumbprint, "r1", none), Is.EqualTo(new Issued<ClientCertificateMapping>(byThumbprint, true)));
        Assert.That((await store.Credentials.RegisterCertificateAsync(bySubject with { Id = "CRT-00000000000000AA" }, "r1", none))!.IsNew, Is.False);
        var taken = await Assert.ThrowsAsync<ExchangeRuleException>(() =>
            store.Credentials.RegisterCertificateAsync(byThumbprint with { Id = "CRT-00000000000000BB", OperatorId = "op-a" }, "r2", none));
        Assert.That(taken!.Kind, Is.EqualTo(RuleViolationKind.AlreadyExists));
        Assert.That(await store.Credentials.RegisterCertificateAsync(bySubject with { OperatorId = "op-z" }, "r3", none), Is.Null);

        Assert.That(await store.Credentials.FindCertificateAsync(thumbprint, "CN=ops.a.example, O=A", none), Is.EqualTo(new ClientCertificateHolder(byThumbprint, b)),
            "a registration of the very certificate wins over one of its subject");
        Assert.That(await store.Credentials.FindCertificateAsync(new string('B', 64), "CN=ops.a.example, O=A", none), Is.EqualTo(new ClientCertificateHolder(bySubject, a)));
        Assert.That(await store.Credentials.FindCertificateAsync(new string('B', 64), "CN=other", none), Is.Null);
        Assert.That(await store.Credentials.ListCertificatesAsync(null, none), Is.EqualTo(new[] { bySubject, byThumbprint }));
        Assert.That(await store.Credentials.ListCertificatesAsync("op-b", none), Is.EqualTo(new[] { byThumbprint }));

        var revoked = await store.Credentials.RevokeCertificateAsync(byThumbprint.Id, LogEvents.Epoch.AddHours(1), none);
        Assert.That(revoked, Is.EqualTo(byThumbprint with { RevokedAt = LogEvents.Epoch.AddHours(1) }));
        Assert.That(await store.Credentials.RevokeCertificateAsync("CRT-00000000000000FF", LogEvents.Epoch, none), Is.Null);
        Assert.That(await store.Credentials.FindCertificateAsync(thumbprint, "CN=other", none), Is.Null, "a revoked registration maps nothing");
        var again = byThumbprint with { Id = "CRT-00000000000000BC", OperatorId = "op-a" };
        Assert.That((await store.Credentials.RegisterCertificateAsync(again, "r4", none))!.IsNew, Is.True, "once revoked, the certificate may be registered again");
    }
}

using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Operators;
using NotificationExchange.Domain.Validation;
using NUnit.Framework;

namespace NotificationExchange.Storage.Tests.Contract;

// The operator directory: accounts and the hashes of their keys.
public abstract partial class ExchangeStoreContract
{
    private static readonly byte[] KeyA = [0xA1, 0xA2];
    private static readonly byte[] KeyB = [0xB1, 0xB2];
    private static readonly byte[] KeyC = [0xC1, 0xC2];

    [Test]
    public async Task Operators_are_created_found_by_id_and_key_and_listed_by_id()
    {
        var store = Open();
        var b = new OperatorAccount("op-b", "Operator B", null, false, LogEvents.Epoch);
        var a = new OperatorAccount("op-a", "Operator A", new PointOfContact("Duty engineer", Email: "duty@example.org"), true, LogEvents.Epoch.AddTicks(1));
        await store.Operators.CreateAsync(b, KeyB, CancellationToken.None);
        await store.Operators.CreateAsync(a, KeyA, CancellationToken.None);

        var taken = await Assert.ThrowsAsync<ExchangeRuleException>(() => store.Operators.CreateAsync(b with { DisplayName = "again" }, KeyC, CancellationToken.None));
        Assert.That(taken!.Kind, Is.EqualTo(RuleViolationKind.AlreadyExists));
        Assert.That(await store.Operators.GetAsync("op-a", CancellationToken.None), Is.EqualTo(a));
        Assert.That(await store.Operators.FindByKeyHashAsync(KeyB, CancellationToken.None), Is.EqualTo(b));
        Assert.That(await store.Operators.FindByKeyHashAsync(KeyC, CancellationToken.None), Is.Null);
        Assert.That(await store.Operators.GetAsync("op-c", CancellationToken.None), Is.Null);
        Assert.That(await store.Operators.ListAsync(CancellationToken.None), Is.EqualTo(new[] { a, b }));
    }

    [Test]
    public async Task A_replaced_key_no_longer_finds_its_operator()
    {
        var store = Open();
        var a = new OperatorAccount("op-a", "Operator A", null, false, LogEvents.Epoch);
        await store.Operators.CreateAsync(a, KeyA, CancellationToken.None);

        Assert.That(await store.Operators.ReplaceKeyAsync("op-a", KeyC, CancellationToken.None), Is.True);
        Assert.That(await store.Operators.ReplaceKeyAsync("op-z", KeyB, CancellationToken.None), Is.False);

        Assert.That(await store.Operators.FindByKeyHashAsync(KeyA, CancellationToken.None), Is.Null);
        Assert.That(await store.Operators.FindByKeyHashAsync(KeyC, CancellationToken.None), Is.EqualTo(a));
        Assert.That(await store.Operators.FindByKeyHashAsync(KeyB, CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task The_configured_administrator_is_created_then_kept_administrator_with_the_configured_key()
    {
        var store = Open();
        var admin = new OperatorAccount("admin", "Administrator", null, true, LogEvents.Epoch);
        await store.Operators.EnsureAdministratorAsync(admin, KeyA, CancellationToken.None);
        Assert.That(await store.Operators.FindByKeyHashAsync(KeyA, CancellationToken.None), Is.EqualTo(admin));

        await store.Operators.ReplaceKeyAsync("admin", KeyB, CancellationToken.None);
        await store.Operators.EnsureAdministratorAsync(admin, KeyA, CancellationToken.None);
        Assert.That(await store.Operators.FindByKeyHashAsync(KeyA, CancellationToken.None), Is.EqualTo(admin), "the configured key wins");

        var demoted = new OperatorAccount("boss", "Boss", null, false, LogEvents.Epoch);
        await store.Operators.CreateAsync(demoted, KeyC, CancellationToken.None);
        await store.Operators.EnsureAdministratorAsync(demoted with { IsAdministrator = true }, KeyB, CancellationToken.None);
        Assert.That((await store.Operators.GetAsync("boss", CancellationToken.None))!.IsAdministrator, Is.True);
        Assert.That(await store.Operators.ListAsync(CancellationToken.None), Has.Count.EqualTo(2));
    }
}

using NotificationExchange.Domain.Operators;
using NotificationExchange.Domain.Operators.Credentials;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Validation;
using NUnit.Framework;

namespace NotificationExchange.Storage.Tests.Contract;

// The operator directory: accounts, their profiles and the hashes of their keys.
public abstract partial class ExchangeStoreContract
{
    private static readonly byte[] KeyA = [0xA1, 0xA2];
    private static readonly byte[] KeyB = [0xB1, 0xB2];
    private static readonly byte[] KeyC = [0xC1, 0xC2];

    private static readonly ContactPoint[] EveryRole =
    [
        new(ContactRole.Primary, "Duty engineer", "duty@example.org", null,
            new StaffedHours(false, "Europe/Paris", [new WeeklyPeriod(Weekday.Monday, Weekday.Friday, "08:00", "18:00"), new WeeklyPeriod(Weekday.Saturday, Weekday.Saturday, "09:00", "12:00")])),
        new(ContactRole.Backup, "Deputy", null, "+33 1 23 45 67 89", new StaffedHours(false, "UTC+01:00", [new WeeklyPeriod(Weekday.Monday, Weekday.Sunday, "00:00", "24:00")])),
        new(ContactRole.Operations247, "Operations desk", "ops@example.org", "+33 1 00 00 00 00", StaffedHours.Always, "https://ops.example.org/nx-webhook?desk=1"),
    ];

    private static OperatorAccount Account(string id, bool administrator = false, DateTime? at = null, OrganizationKind kind = OrganizationKind.Operator, string? country = null, params ContactPoint[] contacts) =>
        new(id, new OrganizationProfile($"Organisation {id}", kind, country, contacts), administrator, at ?? LogEvents.Epoch, at ?? LogEvents.Epoch);

    /// <summary>Creates an operator whose first key has this hash.</summary>
    private static Task CreateWithKeyAsync(OpenedStore store, OperatorAccount account, byte[] keyHash) =>
        store.Operators.CreateAsync(account, Key(CredentialIds.NewKeyId(), account.Id, account.CreatedAt), keyHash, CancellationToken.None);

    private static ApiKey Key(string id, string operatorId, DateTime? at = null, string? label = null, DateTime? expires = null) =>
        new(id, operatorId, label, at ?? LogEvents.Epoch, expires, null, null);

    [Test]
    public async Task Operators_are_created_found_by_id_and_key_and_listed_by_id()
    {
        var store = Open();
        var b = Account("op-b");
        var a = Account("op-a", administrator: true, LogEvents.Epoch.AddTicks(1), OrganizationKind.Agency, "FR", EveryRole);
        await store.Operators.CreateAsync(b, Key("KEY-000000000000000B", "op-b"), KeyB, CancellationToken.None);
        await store.Operators.CreateAsync(a, Key("KEY-000000000000000A", "op-a"), KeyA, CancellationToken.None);

        var taken = await Assert.ThrowsAsync<ExchangeRuleException>(() =>
            store.Operators.CreateAsync(Account("op-b", country: "US"), Key("KEY-000000000000000C", "op-b"), KeyC, CancellationToken.None));
        Assert.That(taken!.Kind, Is.EqualTo(RuleViolationKind.AlreadyExists));
        Assert.That(await store.Operators.GetAsync("op-a", CancellationToken.None), Is.EqualTo(a), "every contact point, with its hours, reads back");
        Assert.That(await store.Credentials.FindKeyAsync(KeyB, CancellationToken.None), Is.EqualTo(new ApiKeyHolder(Key("KEY-000000000000000B", "op-b"), b)));
        Assert.That(await store.Credentials.FindKeyAsync(KeyC, CancellationToken.None), Is.Null, "a refused creation stores no key");
        Assert.That(await store.Operators.GetAsync("op-c", CancellationToken.None), Is.Null);
        Assert.That(await store.Operators.ListAsync(CancellationToken.None), Is.EqualTo(new[] { a, b }));
    }

    [Test]
    public async Task A_replacing_key_revokes_every_other_key_of_its_operator()
    {
        var store = Open();
        var a = Account("op-a");
        await store.Operators.CreateAsync(a, Key("KEY-000000000000000A", "op-a"), KeyA, CancellationToken.None);
        await store.Credentials.IssueKeyAsync(Key("KEY-000000000000000B", "op-a"), KeyB, "second", CancellationToken.None);
        var replacing = Key("KEY-000000000000000C", "op-a", at: LogEvents.Epoch.AddHours(1));

        Assert.That(await store.Operators.ReplaceKeyAsync(replacing, KeyC, CancellationToken.None), Is.EquivalentTo(new[] { "KEY-000000000000000A", "KEY-000000000000000B" }));
        Assert.That(await store.Operators.ReplaceKeyAsync(Key("KEY-000000000000000D", "op-z"), [0xD1], CancellationToken.None), Is.Null);

        Assert.That((await store.Credentials.FindKeyAsync(KeyA, CancellationToken.None))!.Key.RevokedAt, Is.EqualTo(replacing.CreatedAt));
        Assert.That((await store.Credentials.FindKeyAsync(KeyB, CancellationToken.None))!.Key.RevokedAt, Is.EqualTo(replacing.CreatedAt));
        Assert.That(await store.Credentials.FindKeyAsync(KeyC, CancellationToken.None), Is.EqualTo(new ApiKeyHolder(replacing, a)));
        Assert.That(await store.Credentials.FindKeyAsync([0xD1], CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task The_configured_administrator_is_created_then_kept_administrator_with_the_configured_key()
    {
        var store = Open();
        var admin = Account("admin", administrator: true);
        var configured = Key("KEY-000000000000000A", "admin", label: "configured");
        Assert.That(await store.Operators.EnsureAdministratorAsync(admin, configured, KeyA, CancellationToken.None), Is.Empty);
        Assert.That(await store.Credentials.FindKeyAsync(KeyA, CancellationToken.None), Is.EqualTo(new ApiKeyHolder(configured, admin)));

        await store.Credentials.IssueKeyAsync(Key("KEY-000000000000000E", "admin", label: "spare"), [0xE1], "spare", CancellationToken.None);
        await store.Credentials.RevokeKeyAsync("KEY-000000000000000A", LogEvents.Epoch.AddHours(1), CancellationToken.None);
        await store.Operators.EnsureAdministratorAsync(admin, Key("KEY-00000000000000A2", "admin", label: "configured"), KeyA, CancellationToken.None);
        Assert.That(await store.Credentials.FindKeyAsync(KeyA, CancellationToken.None), Is.EqualTo(new ApiKeyHolder(configured, admin)),
            "the configured key works again, under its first id");

        var changed = Key("KEY-00000000000000B2", "admin", at: LogEvents.Epoch.AddHours(2), label: "configured");
        Assert.That(await store.Operators.EnsureAdministratorAsync(admin, changed, KeyB, CancellationToken.None), Is.EqualTo(new[] { "KEY-000000000000000A" }),
            "a new configured key revokes the one configured before");
        Assert.That((await store.Credentials.FindKeyAsync([0xE1], CancellationToken.None))!.Key.RevokedAt, Is.Null, "keys issued through the API are left alone");

        var demoted = Account("boss");
        await store.Operators.CreateAsync(demoted, Key("KEY-000000000000000C", "boss"), KeyC, CancellationToken.None);
        await store.Operators.EnsureAdministratorAsync(demoted with { IsAdministrator = true }, Key("KEY-00000000000000C2", "boss", label: "configured"), [0xC9], CancellationToken.None);
        Assert.That((await store.Operators.GetAsync("boss", CancellationToken.None))!.IsAdministrator, Is.True);
        Assert.That(await store.Operators.ListAsync(CancellationToken.None), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_profile_update_replaces_the_profile_whole_and_leaves_key_flag_and_creation_time()
    {
        var store = Open();
        var a = Account("op-a", administrator: true, country: "FR", contacts: EveryRole);
        await CreateWithKeyAsync(store, a, KeyA);
        await CreateWithKeyAsync(store, Account("op-b"), KeyB);
        var profile = new OrganizationProfile("Agence A", OrganizationKind.Agency, null, [EveryRole[2]]);
        var later = LogEvents.Epoch.AddHours(1);

        var updated = await store.Operators.UpdateProfileAsync("op-a", profile, later, CancellationToken.None);

        var expected = a with { Profile = profile, UpdatedAt = later };
        Assert.That(updated, Is.EqualTo(expected), "the update answers the account as it now is");
        Assert.That((await store.Credentials.FindKeyAsync(KeyA, CancellationToken.None))?.Account, Is.EqualTo(expected));
        Assert.That(await store.Operators.GetAsync("op-b", CancellationToken.None), Is.EqualTo(Account("op-b")), "no other entry changes");
        Assert.That(await store.Operators.UpdateProfileAsync("op-z", profile, later, CancellationToken.None), Is.Null);
        Assert.That(await store.Operators.GetAsync("op-z", CancellationToken.None), Is.Null, "an update creates nothing");
    }

    [Test]
    public async Task The_directory_lists_by_id_filtered_by_kind_and_country_a_page_at_a_time()
    {
        var store = Open();
        var accounts = new[]
        {
            Account("cnes", kind: OrganizationKind.Agency, country: "FR"), Account("esa-ops", kind: OrganizationKind.Agency),
            Account("eutelsat", country: "FR"), Account("jaxa", kind: OrganizationKind.Agency, country: "JP"), Account("spacex", country: "US"),
        };
        foreach (var (account, i) in accounts.Reverse().Select((a, i) => (a, i)))
        {
            await CreateWithKeyAsync(store, account, [(byte)i]);
        }

        async Task<IReadOnlyList<string>> ListAllAsync(IReadOnlyList<OrganizationKind> kinds, string? country, int pageSize)
        {
            var ids = new List<string>();
            string? after = null;
            do
            {
                var page = await store.Operators.ListDirectoryAsync(new DirectoryQuery(kinds, country, pageSize, after), CancellationToken.None);
                Assert.That(page.Accounts, Has.Count.LessThanOrEqualTo(pageSize));
                ids.AddRange(page.Accounts.Select(a => a.Id));
                after = page.NextAfterId;
            }
            while (after is not null);
            return ids;
        }

        Assert.That(await ListAllAsync([], null, 2), Is.EqualTo(accounts.Select(a => a.Id)));
        Assert.That(await ListAllAsync([], null, 5), Is.EqualTo(accounts.Select(a => a.Id)), "a page that ends the directory exactly is the last");
        Assert.That(await ListAllAsync([OrganizationKind.Agency], null, 1), Is.EqualTo(new[] { "cnes", "esa-ops", "jaxa" }));
        Assert.That(await ListAllAsync([], "FR", 1), Is.EqualTo(new[] { "cnes", "eutelsat" }));
        Assert.That(await ListAllAsync([OrganizationKind.Operator, OrganizationKind.Agency], "FR", 10), Is.EqualTo(new[] { "cnes", "eutelsat" }));
        Assert.That(await ListAllAsync([OrganizationKind.Operator], "JP", 10), Is.Empty);
        var first = await store.Operators.ListDirectoryAsync(new DirectoryQuery([], null, 2, null), CancellationToken.None);
        Assert.That(first.Accounts, Is.EqualTo(accounts.Take(2)), "entries read back whole");
    }
}

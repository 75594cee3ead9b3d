using Microsoft.Extensions.Logging.Abstractions;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Operators;
using NotificationExchange.Domain.Operators.Credentials;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Storage.Sqlite;
using NotificationExchange.Storage.Sqlite.Migrations;
using NotificationExchange.Storage.Tests.Contract;
using NUnit.Framework;

namespace NotificationExchange.Storage.Tests.Sqlite;

/// <summary>A user's database, made by the build before schema migrations, survives the upgrade whole.</summary>
public class PreviousVersionUpgradeTests
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "store-before-migrations.sql");

    [Test]
    public async Task A_database_of_the_build_before_migrations_is_recognised_as_version_1_and_upgraded_in_place()
    {
        using var storage = new SqliteStoreUnderTest();
        storage.Database.Execute(await File.ReadAllTextAsync(Fixture));
        Assert.That(storage.Database.UserVersion, Is.Zero, "that build recorded no version");

        using (var store = OpenedStore.Open(storage, "instance-a"))
        {
            await AssertDataReadsBack(store);

            var next = await store.WriteAsync(s => s.AppendNext("MNV-1", "esa-fdo"));
            Assert.That((next.Sequence, next.Notification.Version), Is.EqualTo((6L, 3)), "filing continues where it stopped");
            Assert.That(await store.Outbox.CountPendingAsync(CancellationToken.None), Is.EqualTo(1));
        }

        Assert.That(storage.Database.UserVersion, Is.EqualTo(SqliteMigrations.All.Count));
        Assert.That(storage.Database.Scalar("SELECT value FROM store_info WHERE key = 'schema_version';"), Is.EqualTo("2"),
            "builds before migrations read this row: any value but 1 makes them refuse the database");
        using (var connection = storage.Database.Connect())
        {
            Assert.That(SqliteSchemaShape.Read(connection, null).DifferencesFrom(SqliteSchemaShape.After(SqliteMigrations.All)), Is.Empty,
                "an upgraded database has the shape of a new one");
        }
        using var restarted = OpenedStore.Open(storage, "instance-a");
        Assert.That(await restarted.Log.GetHeadSequenceAsync(CancellationToken.None), Is.EqualTo(6));
    }

    [Test]
    public async Task A_version_2_database_keeps_its_operators_their_keys_flags_and_contacts()
    {
        using var storage = StorageAtVersion(2);
        // rows as version 2 wrote them (SqliteExchangeStore at commit 68866ef): a contact with an organization, one without, none
        storage.Database.Execute("""
            INSERT INTO operators (id, display_name, contact, is_admin, created_at, key_hash) VALUES
                ('admin', 'Exchange administrator', NULL, 1, 639317555459529021, X'A1'),
                ('cnes-ops', 'CNES operations', '{"name":"Duty engineer","organization":"CNES","email":"ops@cnes.example","phone":"\u002B33 5 61 00 00 00"}', 0, 639317555464071164, X'B2'),
                ('jaxa-ops', 'JAXA', '{"name":"Duty desk","phone":"\u002B81 3 0000 0000"}', 0, 639317555464668451, X'C3');
            """);

        using var store = OpenedStore.Open(storage, "instance-a");

        Assert.That(storage.Database.UserVersion, Is.EqualTo(SqliteMigrations.All.Count));
        var none = CancellationToken.None;
        Assert.That((await store.Credentials.FindKeyAsync([0xA1], none))?.Account?.IsAdministrator, Is.True);
        var cnes = (await store.Credentials.FindKeyAsync([0xB2], none))?.Account;
        Assert.That(cnes, Is.EqualTo(new OperatorAccount("cnes-ops",
            new OrganizationProfile("CNES operations", OrganizationKind.Operator, null,
                [new ContactPoint(ContactRole.Primary, "Duty engineer", "ops@cnes.example", "+33 5 61 00 00 00")]),
            false, SqliteTime.FromTicks(639317555464071164), SqliteTime.FromTicks(639317555464071164))));
        Assert.That((await store.Credentials.FindKeyAsync([0xC3], none))?.Account?.Profile.Contacts,
            Is.EqualTo(new[] { new ContactPoint(ContactRole.Primary, "Duty desk", null, "+81 3 0000 0000") }));
        var directory = await store.Operators.ListDirectoryAsync(new DirectoryQuery([OrganizationKind.Operator], null, 10, null), none);
        Assert.That(directory.Accounts.Select(a => a.Id), Is.EqualTo(new[] { "admin", "cnes-ops", "jaxa-ops" }), "every operator is in the directory");
    }

    [Test]
    public async Task A_version_3_database_s_contact_points_read_back_without_webhooks_and_its_organisations_without_secrets()
    {
        using var storage = StorageAtVersion(3);
        // a row as version 3 wrote it (SqliteExchangeStore at commit 8e4b6ac): contact points with no webhook_url
        storage.Database.Execute("""
            INSERT INTO operators (id, display_name, is_admin, created_at, key_hash, kind, country, contacts, updated_at) VALUES
                ('esa-ops', 'ESA operations', 0, 639317555464071164, X'B2', 2, 'ESA',
                 '[{"role":"Primary","name":"Duty engineer","email":"ops@esa.example"},{"role":"Operations247","name":"ESOC","phone":"\u002B49 6151 90 0","hours":{"around_the_clock":true,"weekly":[]}}]',
                 639317555464071165);
            """);

        using var store = OpenedStore.Open(storage, "instance-a");

        var esa = await store.Operators.GetAsync("esa-ops", CancellationToken.None);
        Assert.That(esa?.Profile.Contacts, Is.EqualTo(new[]
        {
            new ContactPoint(ContactRole.Primary, "Duty engineer", "ops@esa.example", null),
            new ContactPoint(ContactRole.Operations247, "ESOC", null, "+49 6151 90 0", StaffedHours.Always),
        }), "no webhook_url reads as no webhook");
        Assert.That(await store.Webhooks.GetWebhookSecretAsync("esa-ops", CancellationToken.None), Is.Null);
        Assert.That(await store.WriteAsync(s => s.QueueWebhooks("esa-ops", [ContactRole.Primary, ContactRole.Operations247], "test", "{}", "k")), Is.Zero,
            "contact points without webhooks queue nothing");
    }

    [Test]
    public async Task The_single_key_of_each_organisation_becomes_a_key_that_never_expires_and_operators_keep_their_rows()
    {
        // the database as the step before the credentials' left it (SqliteExchangeStore before several keys)
        var credentials = SqliteMigrations.All.Single(m => m.Sql.Contains("CREATE TABLE api_keys", StringComparison.Ordinal)).Version;
        using var storage = StorageAtVersion(credentials - 1);
        storage.Database.Execute("""
            INSERT INTO operators (id, display_name, is_admin, created_at, key_hash, kind, country, contacts, updated_at, webhook_secret) VALUES
                ('admin', 'Exchange administrator', 1, 639317555459529021, X'A1', 1, NULL, '[]', 639317555459529021, NULL),
                ('esa-ops', 'ESA operations', 0, 639317555464071164, X'B2', 2, 'ESA',
                 '[{"role":"Primary","name":"Duty engineer","email":"ops@esa.example"}]', 639317555464071199, 'whsec_kept');
            """);

        using var store = OpenedStore.Open(storage, "instance-a");

        var none = CancellationToken.None;
        var esa = await store.Credentials.FindKeyAsync([0xB2], none);
        Assert.That(esa?.Account, Is.EqualTo(new OperatorAccount("esa-ops",
            new OrganizationProfile("ESA operations", OrganizationKind.Agency, "ESA", [new ContactPoint(ContactRole.Primary, "Duty engineer", "ops@esa.example", null)]),
            false, SqliteTime.FromTicks(639317555464071164), SqliteTime.FromTicks(639317555464071199))));
        Assert.That(esa!.Key with { Id = "" }, Is.EqualTo(new ApiKey("", "esa-ops", null, SqliteTime.FromTicks(639317555464071164), null, null, null)),
            "a key that never expires, created when its organisation was");
        Assert.That(esa.Key.Id, Does.Match("^KEY-[0-9A-F]{16}$"));
        Assert.That(esa.Key.RefusalAt(DateTime.MaxValue), Is.Null);
        Assert.That((await store.Credentials.FindKeyAsync([0xA1], none))?.Account.IsAdministrator, Is.True);
        Assert.That((await store.Credentials.ListKeysAsync("esa-ops", none)).Single(), Is.EqualTo(esa.Key));
        Assert.That(await store.Webhooks.GetWebhookSecretAsync("esa-ops", none), Is.EqualTo("whsec_kept"));
        Assert.That(storage.Database.Scalar("SELECT COUNT(*) FROM pragma_table_info('operators') WHERE name = 'key_hash';"), Is.EqualTo(0L), "no key is left in operators");
    }

    /// <summary>A new database with the first <paramref name="version"/> steps applied, as that version's build left it.</summary>
    private static SqliteStoreUnderTest StorageAtVersion(int version)
    {
        var storage = new SqliteStoreUnderTest();
        using var connection = storage.Database.Connect();
        SqliteMigrator.Migrate(connection, SqliteMigrations.All.Take(version).ToArray(), storage.Database.Path, NullLogger.Instance);
        return storage;
    }

    private static async Task AssertDataReadsBack(OpenedStore store)
    {
        var none = CancellationToken.None;
        Assert.That(store.Log.StoreId, Is.EqualTo(Guid.Parse("1da5e9b8-a142-4d90-80cd-85f9a6029f7f")), "the store keeps its id");
        Assert.That(await store.Log.GetHeadSequenceAsync(none), Is.EqualTo(5));
        var log = await store.Log.ReadAfterAsync(0, 10, none);
        Assert.That(log.Select(e => (e.Sequence, e.GetType())), Is.EqualTo(Enumerable.Range(1, 5).Select(i => ((long)i, typeof(RecordedEvent)))));
        Assert.That(log.Cast<RecordedEvent>().Select(e => (e.Notification.Id, e.Notification.Version, e.Type)), Is.EqualTo(new[]
        {
            ("MNV-1", 1, NotificationEventType.Filed), ("MNV-1", 2, NotificationEventType.Amended), ("MNV-3", 1, NotificationEventType.Filed),
            ("LCH-4", 1, NotificationEventType.Filed), ("LCH-4", 2, NotificationEventType.Cancelled),
        }));
        Assert.That((await store.Log.GetHistoryAsync("MNV-1", none)).Select(e => e.Sequence), Is.EqualTo(new long[] { 1, 2 }));
        Assert.That((await store.Log.GetLatestAsync("LCH-4", none))!.Notification.Status, Is.EqualTo(NotificationStatus.Cancelled));

        var ccsds = (await store.Log.GetLatestAsync("MNV-3", none))!.Notification;
        var source = ccsds.Attachments.Single(a => a.Role == AttachmentRole.Source);
        Assert.That(await store.Log.GetAttachmentContentAsync("MNV-3", source.Sha256, none), Does.StartWith("CCSDS_OPM_VERS"));

        var listed = await store.Log.QueryAsync(new NotificationQuery([], null, null, [], null, null, 10, null, null), none);
        Assert.That(listed.Notifications.Select(n => n.Id), Is.EqualTo(new[] { "LCH-4", "MNV-3", "MNV-1" }));
        var byObject = await store.Log.QueryAsync(new NotificationQuery([], 39634, null, [], null, null, 10, null, null), none);
        Assert.That(byObject.Notifications.Select(n => n.Id), Is.EqualTo(new[] { "MNV-3" }));

        Assert.That((await store.Operators.ListAsync(none)).Select(o => (o.Id, o.IsAdministrator)),
            Is.EqualTo(new[] { ("admin", true), ("esa-fdo", false), ("launch-ops", false) }));
        var esa = (await store.Operators.GetAsync("esa-fdo", none))!;
        Assert.That(esa.Profile, Is.EqualTo(new OrganizationProfile("ESA flight dynamics", OrganizationKind.Operator, null,
            [new ContactPoint(ContactRole.Primary, "Duty flight dynamics engineer", "fdo@example.org", "+49 6151 90 0")])),
            "the one contact is the primary contact point");
        Assert.That(esa.UpdatedAt, Is.EqualTo(esa.CreatedAt));
        Assert.That((await store.Operators.GetAsync("launch-ops", none))!.Profile.Contacts, Is.Empty);
        Assert.That((await store.Credentials.FindKeyAsync(Convert.FromHexString("6fb4d375b0300b271f85ce2e0ea9b0275b3fce3c385c2fda5262193269930be4"), none))?.Account?.Id,
            Is.EqualTo("esa-fdo"), "keys still find their operators");

        var subscription = (await store.Subscriptions.ListByOwnerAsync("esa-fdo", none)).Single();
        Assert.That((subscription.AcknowledgedSequence, subscription.Filter.NoradCatIds.Single()), Is.EqualTo((5L, 25544)));

        IdempotencyRecord?[] requests = await store.WriteAsync(s => new[]
        {
            s.FindRequest("esa-fdo", "esa-file-1"), s.FindRequest("launch-ops", "esa-file-1"), s.FindRequest("esa-fdo", "esa-amend-1"),
        });
        Assert.That(requests.Select(r => (r?.NotificationId, r?.Version)), Is.EqualTo(new (string?, int?)[] { ("MNV-1", 1), ("LCH-4", 1), ("MNV-1", 2) }));
        Assert.That(requests.Select(r => r!.Fingerprint.Length), Is.All.GreaterThan(0));
    }
}

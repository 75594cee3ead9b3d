using Grpc.Core;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests;

/// <summary>The directory of who to call, end to end: organisations, their contact points by role, and who may change what.</summary>
public class DirectoryTests
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

    private static ContactPoint Primary() => new()
    {
        Role = ContactRole.Primary, Name = "Flight dynamics duty engineer", Email = "fd@cnes.example", Phone = "+33 5 61 27 31 31",
        Hours = new StaffedHours
        {
            TimeZone = "Europe/Paris",
            Weekly =
            {
                new WeeklyPeriod { FirstDay = Weekday.Monday, LastDay = Weekday.Friday, Opens = "08:00", Closes = "18:00" },
                new WeeklyPeriod { FirstDay = Weekday.Saturday, LastDay = Weekday.Sunday, Opens = "09:00", Closes = "24:00" },
            },
        },
    };

    private static ContactPoint Backup() => new()
    {
        Role = ContactRole.Backup, Name = "Deputy", Phone = "+33 5 61 00 00 00",
        Hours = new StaffedHours { TimeZone = "UTC+05:30", Weekly = { new WeeklyPeriod { FirstDay = Weekday.Monday, LastDay = Weekday.Monday, Opens = "00:00", Closes = "12:30" } } },
    };

    private static ContactPoint Operations() => new()
    {
        Role = ContactRole.Operations247, Name = "Operations centre", Email = "ops@cnes.example", Hours = new StaffedHours { AroundTheClock = true },
    };

    private async Task<CreateOperatorResponse> CreateAsync(string id, OrganizationKind kind, string country, params ContactPoint[] contacts) =>
        await _host.Admin().Operators.CreateOperatorAsync(new CreateOperatorRequest
        {
            OperatorId = id, DisplayName = $"Organisation {id}", Kind = kind, Country = country, Contacts = { contacts },
        });

    [Test]
    public async Task An_organisation_created_with_contacts_by_role_is_in_the_directory_in_role_order()
    {
        var created = await CreateAsync("cnes-ops", OrganizationKind.Agency, "FR", Operations(), Primary(), Backup());
        var reader = await _host.NewOperatorAsync("reader-ops");

        var entry = await reader.Operators.GetDirectoryEntryAsync(new GetDirectoryEntryRequest { OrganizationId = "cnes-ops" });

        Assert.That(entry, Is.EqualTo(new DirectoryEntry
        {
            OrganizationId = "cnes-ops", DisplayName = "Organisation cnes-ops", Kind = OrganizationKind.Agency, Country = "FR",
            Contacts = { Primary(), Backup(), Operations() }, UpdatedAt = created.Operator.CreatedAt,
        }));
        Assert.That(created.Operator.Contacts, Is.EqualTo(entry.Contacts), "the creator is answered what the directory shows");
        var self = await _host.Client(created.ApiKey).Operators.WhoAmIAsync(new WhoAmIRequest());
        Assert.That((self.Kind, self.Country, self.Contacts.Count), Is.EqualTo((OrganizationKind.Agency, "FR", 3)));
    }

    [Test]
    public async Task An_old_client_s_single_contact_reads_and_writes_the_primary_contact_point()
    {
        // what ExchangeHost sends is what clients from before the directory send: a contact, no kind, no contacts
        var old = await _host.NewOperatorAsync("legacy-ops");
        var entry = await old.Operators.GetDirectoryEntryAsync(new GetDirectoryEntryRequest { OrganizationId = "legacy-ops" });
        Assert.That(entry.Kind, Is.EqualTo(OrganizationKind.Operator), "an organisation of unstated kind is an operator");
        Assert.That(entry.Contacts, Is.EqualTo(new[] { new ContactPoint { Role = ContactRole.Primary, Name = "Flight Dynamics", Email = "fd@legacy-ops.example" } }));

        await old.Operators.UpdateProfileAsync(new UpdateProfileRequest
        {
            DisplayName = "Legacy operations", Kind = OrganizationKind.Operator, Contacts = { Backup(), Primary() },
        });

        var self = await old.Operators.WhoAmIAsync(new WhoAmIRequest());
        Assert.That(self.Contact, Is.EqualTo(new PointOfContact
        {
            Name = Primary().Name, Organization = "Legacy operations", Email = Primary().Email, Phone = Primary().Phone,
        }), "the single contact reads as the primary contact point, named after the organisation");
        var none = await _host.Admin().Operators.CreateOperatorAsync(new CreateOperatorRequest { OperatorId = "quiet-ops", DisplayName = "Quiet", Contacts = { Backup() } });
        Assert.That(none.Operator.Contact, Is.Null, "no primary contact point, no single contact");

        var both = await GrpcAssert.InvalidFieldsAsync(async () => await _host.Admin().Operators.CreateOperatorAsync(new CreateOperatorRequest
        {
            OperatorId = "twice-ops", DisplayName = "Twice", Contact = new PointOfContact { Name = "A", Email = "a@example.org" }, Contacts = { Primary() },
        }));
        Assert.That(both.Keys, Is.EqualTo(new[] { "contact" }));
        Assert.That(both["contact"], Does.Contain("in one place"));
    }

    [Test]
    public async Task An_organisation_replaces_its_own_entry_and_no_other()
    {
        var mine = await CreateAsync("mine-ops", OrganizationKind.Operator, "DE", Primary());
        var theirs = await CreateAsync("theirs-ops", OrganizationKind.Operator, "IT", Primary());
        var client = _host.Client(mine.ApiKey);
        var update = new UpdateProfileRequest { DisplayName = "  Mine, renamed ", Kind = OrganizationKind.Agency, Country = "AT", Contacts = { Operations() } };

        var updated = await client.Operators.UpdateProfileAsync(update);
        var again = await client.Operators.UpdateProfileAsync(update);

        Assert.That(updated, Is.EqualTo(new DirectoryEntry
        {
            OrganizationId = "mine-ops", DisplayName = "Mine, renamed", Kind = OrganizationKind.Agency, Country = "AT",
            Contacts = { Operations() }, UpdatedAt = updated.UpdatedAt,
        }), "the whole profile is replaced: the primary contact point is gone");
        var againButTime = again.Clone();
        againButTime.UpdatedAt = updated.UpdatedAt;
        Assert.That(againButTime, Is.EqualTo(updated), "sending it again changes nothing but updated_at");
        Assert.That(await client.Operators.GetDirectoryEntryAsync(new GetDirectoryEntryRequest { OrganizationId = "mine-ops" }), Is.EqualTo(again));
        var other = await client.Operators.GetDirectoryEntryAsync(new GetDirectoryEntryRequest { OrganizationId = "theirs-ops" });
        Assert.That((other.DisplayName, other.Country, other.Contacts.Single().Role), Is.EqualTo(("Organisation theirs-ops", "IT", ContactRole.Primary)),
            "the request names no organisation: only the caller's own entry changes");
        var self = await client.Operators.WhoAmIAsync(new WhoAmIRequest());
        Assert.That((self.Id, self.Administrator, self.CreatedAt), Is.EqualTo(("mine-ops", false, mine.Operator.CreatedAt)), "the key, the flag and the creation time stay");
    }

    [Test]
    public async Task The_directory_lists_by_id_filters_by_kind_and_country_and_pages()
    {
        await CreateAsync("nz-agency", OrganizationKind.Agency, "NZ");
        await CreateAsync("nz-launch", OrganizationKind.Operator, "NZ", Primary());
        await CreateAsync("nz-sats", OrganizationKind.Operator, "NZ");
        await CreateAsync("is-sats", OrganizationKind.Operator, "IS");
        var reader = await _host.NewOperatorAsync("nz-reader");

        async Task<List<string>> ListAsync(ListDirectoryRequest request)
        {
            var ids = new List<string>();
            do
            {
                var page = await reader.Operators.ListDirectoryAsync(request);
                Assert.That(page.Entries, Has.Count.LessThanOrEqualTo(Math.Max(1, (int)request.PageSize)));
                ids.AddRange(page.Entries.Select(e => e.OrganizationId));
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);
            return ids;
        }

        Assert.That(await ListAsync(new ListDirectoryRequest { Country = "NZ", PageSize = 1 }), Is.EqualTo(new[] { "nz-agency", "nz-launch", "nz-sats" }));
        Assert.That(await ListAsync(new ListDirectoryRequest { Country = "NZ", Kinds = { OrganizationKind.Operator }, PageSize = 2 }), Is.EqualTo(new[] { "nz-launch", "nz-sats" }));
        Assert.That(await ListAsync(new ListDirectoryRequest { Kinds = { OrganizationKind.Agency }, Country = "IS" }), Is.Empty);
        var everyone = await ListAsync(new ListDirectoryRequest { PageSize = 3 });
        Assert.That(everyone, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal).And.SupersetOf(new[] { "admin", "is-sats", "nz-agency", "nz-reader" }));
        Assert.That(everyone, Is.Unique);

        var bad = await GrpcAssert.InvalidFieldsAsync(async () => await reader.Operators.ListDirectoryAsync(new ListDirectoryRequest
        {
            Kinds = { (OrganizationKind)9 }, Country = "nz", PageSize = 501, PageToken = "not-a-token",
        }));
        Assert.That(bad.Keys, Is.EquivalentTo(new[] { "kinds[0]", "country", "page_size", "page_token" }));
    }

    [Test]
    public async Task An_unknown_organisation_is_not_found_and_a_caller_without_a_key_learns_nothing()
    {
        var reader = await _host.NewOperatorAsync("lost-reader");

        var missing = await GrpcAssert.FailsWithAsync(StatusCode.NotFound, async () =>
            await reader.Operators.GetDirectoryEntryAsync(new GetDirectoryEntryRequest { OrganizationId = "nobody-ops" }));
        Assert.That(missing.Status.Detail, Does.Contain("nobody-ops"));

        var anonymous = new OperatorService.OperatorServiceClient(_host.AnonymousChannel());
        await GrpcAssert.FailsWithAsync(StatusCode.Unauthenticated, async () => await anonymous.ListDirectoryAsync(new ListDirectoryRequest()));
        await GrpcAssert.FailsWithAsync(StatusCode.Unauthenticated, async () =>
            await anonymous.GetDirectoryEntryAsync(new GetDirectoryEntryRequest { OrganizationId = "admin" }));
    }

    [Test]
    public async Task The_directory_never_shows_keys_or_who_is_an_administrator()
    {
        await CreateAsync("boss-ops", OrganizationKind.Agency, "CH", Primary());
        await _host.Admin().Operators.CreateOperatorAsync(new CreateOperatorRequest
        {
            OperatorId = "chief-ops", DisplayName = "Organisation chief-ops", Kind = OrganizationKind.Agency, Country = "CH", Contacts = { Primary() }, Administrator = true,
        });
        var reader = await _host.NewOperatorAsync("curious-ops");

        var entries = (await reader.Operators.ListDirectoryAsync(new ListDirectoryRequest { Country = "CH" })).Entries;

        Assert.That(DirectoryEntry.Descriptor.Fields.InDeclarationOrder().Select(f => f.Name),
            Is.EqualTo(new[] { "organization_id", "display_name", "kind", "country", "contacts", "updated_at" }), "public contact data only");
        Assert.That(entries.Select(e => e.OrganizationId), Is.EqualTo(new[] { "boss-ops", "chief-ops" }));
        var (plain, administrator) = (entries[0].Clone(), entries[1].Clone());
        plain.OrganizationId = administrator.OrganizationId = "";
        plain.DisplayName = administrator.DisplayName = "";
        plain.UpdatedAt = administrator.UpdatedAt = null;
        Assert.That(administrator, Is.EqualTo(plain), "an administrator's entry looks like anyone's");
    }

    [Test]
    public async Task Every_bad_field_of_a_profile_is_named_by_its_wire_path()
    {
        var client = await _host.NewOperatorAsync("careless-ops");

        var errors = await GrpcAssert.InvalidFieldsAsync(async () => await client.Operators.UpdateProfileAsync(new UpdateProfileRequest
        {
            DisplayName = " ",
            Kind = (OrganizationKind)7,
            Country = "XX",
            Contacts =
            {
                new ContactPoint { Name = "Nobody", Email = "nobody@example.org" },
                new ContactPoint
                {
                    Role = ContactRole.Backup, Name = "Night shift", Phone = "+1 555 0100",
                    Hours = new StaffedHours
                    {
                        TimeZone = "Mars/Olympus_Mons",
                        Weekly =
                        {
                            new WeeklyPeriod { FirstDay = Weekday.Friday, LastDay = Weekday.Monday, Opens = "22:00", Closes = "06:00" },
                            new WeeklyPeriod { FirstDay = Weekday.Monday, LastDay = Weekday.Monday, Opens = "8:00", Closes = "24:01" },
                        },
                    },
                },
                new ContactPoint { Role = ContactRole.Backup, Name = "Second backup", Email = "not an address" },
                new ContactPoint { Role = ContactRole.Operations247, Name = "Desk", Email = "desk@example.org", Hours = new StaffedHours { TimeZone = "UTC", Weekly = { new WeeklyPeriod() } } },
                new ContactPoint { Role = ContactRole.Primary, Hours = new StaffedHours { AroundTheClock = true, TimeZone = "UTC+15:00" } },
            },
        }));

        Assert.That(errors.Keys, Is.EquivalentTo(new[]
        {
            "display_name", "kind", "country", "contacts[0].role",
            "contacts[1].hours.time_zone", "contacts[1].hours.weekly[0].last_day", "contacts[1].hours.weekly[0].closes",
            "contacts[1].hours.weekly[1].opens", "contacts[1].hours.weekly[1].closes",
            "contacts[2].role", "contacts[2].email", "contacts[3].hours",
            "contacts[4].name", "contacts[4]", "contacts[4].hours.time_zone",
        }));
        Assert.That(errors["kind"], Does.Contain("7"), "the wire's unknown enum number is named once, with the rest");
        Assert.That(errors["contacts[1].hours.time_zone"], Does.Contain("'Mars/Olympus_Mons' is not an IANA time zone"));
        Assert.That(errors["contacts[2].role"], Does.Contain("contacts[1]"));
        Assert.That(errors["contacts[3].hours"], Does.Contain("around the clock"));

        var bad = await GrpcAssert.InvalidFieldsAsync(async () => await _host.Admin().Operators.CreateOperatorAsync(new CreateOperatorRequest
        {
            OperatorId = "Bad Id", DisplayName = "Fine", Country = "fr", Contacts = { new ContactPoint { Role = ContactRole.Primary, Name = "X", Phone = "call me" } },
        }));
        Assert.That(bad.Keys, Is.EquivalentTo(new[] { "operator_id", "country", "contacts[0].phone" }));
    }

    [Test]
    public async Task Time_zones_are_iana_zones_utc_or_offsets_up_to_fourteen_hours()
    {
        var client = await _host.NewOperatorAsync("zoned-ops");
        Task<DirectoryEntry> WithZone(string zone) => client.Operators.UpdateProfileAsync(new UpdateProfileRequest
        {
            DisplayName = "Zoned", Kind = OrganizationKind.Operator,
            Contacts = { new ContactPoint { Role = ContactRole.Primary, Name = "Desk", Email = "desk@zoned.example", Hours = new StaffedHours { TimeZone = zone, Weekly = { new WeeklyPeriod { FirstDay = Weekday.Monday, LastDay = Weekday.Friday, Opens = "09:00", Closes = "17:00" } } } } },
        }).ResponseAsync;

        foreach (var zone in new[] { "Europe/Paris", "America/Argentina/Buenos_Aires", "UTC", "UTC+05:30", "UTC-14:00", "Etc/GMT+5" })
        {
            Assert.That((await WithZone(zone)).Contacts[0].Hours.TimeZone, Is.EqualTo(zone));
        }
        foreach (var zone in new[] { "UTC+14:30", "utc", "GMT+1", "europe/paris", "Europe/Atlantis", "../../etc/passwd", "Pacific Standard Time", "UTC+5:30" })
        {
            var errors = await GrpcAssert.InvalidFieldsAsync(() => WithZone(zone));
            Assert.That(errors.Keys, Is.EqualTo(new[] { "contacts[0].hours.time_zone" }), zone);
        }
    }
}

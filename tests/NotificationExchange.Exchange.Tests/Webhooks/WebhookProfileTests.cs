using Grpc.Core;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Webhooks;

/// <summary>
/// Contact points' webhooks and webhook secrets through OperatorService: which URLs are accepted (each refusal named by
/// its wire path), who sees them (the organisation itself, never the directory), and who may rotate a secret.
/// </summary>
public class WebhookProfileTests
{
    private const string Hook = "https://hooks.example.org/nx/primary?token=abc";
    private const string OpsHook = "https://ops.example.org:8443/nx";

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

    private static UpdateProfileRequest Profile(string primaryHook, string opsHook = OpsHook) => new()
    {
        DisplayName = "Hooked",
        Kind = OrganizationKind.Operator,
        Contacts =
        {
            new ContactPoint { Role = ContactRole.Primary, Name = "Duty engineer", Email = "duty@hooked.example", WebhookUrl = primaryHook },
            new ContactPoint { Role = ContactRole.Backup, Name = "Deputy", Email = "deputy@hooked.example" },
            new ContactPoint { Role = ContactRole.Operations247, Name = "Operations", Phone = "+49 6151 90 0", WebhookUrl = opsHook },
        },
    };

    [Test]
    public async Task A_bad_webhook_url_is_refused_naming_its_contact_point_by_wire_path()
    {
        var client = await _host.NewOperatorAsync("careless-hooks");
        var refused = new Dictionary<string, string>
        {
            ["http://hooks.example.org/nx"] = "is plain http: use https",
            ["http://127.0.0.1:8080/nx"] = "is plain http: use https",
            ["https://user:secret@hooks.example.org/nx"] = "user information",
            ["https://hooks.example.org/nx#part"] = "fragment",
            ["https://hooks.example.org/nx#"] = "fragment",
            ["/nx/relative"] = "not an absolute https URL",
            ["ftp://hooks.example.org/nx"] = "not an absolute https URL",
            ["hooks.example.org/nx"] = "not an absolute https URL",
            ["https://hooks.example.org/a b"] = "printable ASCII without spaces",
            ["https://hooks.example.org/nx\n"] = "printable ASCII without spaces",
            ["https://hööks.example.org/nx"] = "xn--",
            ["https://hooks.example.org/" + new string('a', 2048 - 26 + 1)] = "2049 characters long; at most 2048 allowed",
        };

        foreach (var (url, reason) in refused)
        {
            var errors = await GrpcAssert.InvalidFieldsAsync(async () => await client.Operators.UpdateProfileAsync(Profile(Hook, url)));
            Assert.That(errors.Keys, Is.EqualTo(new[] { "contacts[2].webhook_url" }), url);
            Assert.That(errors["contacts[2].webhook_url"], Does.Contain(reason), url);
        }
        var both = await GrpcAssert.InvalidFieldsAsync(async () => await _host.Admin().Operators.CreateOperatorAsync(new CreateOperatorRequest
        {
            OperatorId = "careless-new", DisplayName = "New", Contacts = { Profile("http://hooks.example.org", "https://@/x").Contacts },
        }));
        Assert.That(both.Keys, Is.EquivalentTo(new[] { "contacts[0].webhook_url", "contacts[2].webhook_url" }), "CreateOperator names them the same way");
        var longest = "https://hooks.example.org/" + new string('a', 2048 - 26);
        Assert.That((await client.Operators.UpdateProfileAsync(Profile(longest))).Contacts[0].WebhookUrl, Is.EqualTo(longest), "2,048 characters are allowed");
    }

    [Test]
    public async Task Plain_http_to_this_machine_is_accepted_only_where_the_host_allows_it()
    {
        using var database = new TestDatabase();
        await using var development = await ExchangeHost.StartAsync(database.Path, settings: new Dictionary<string, string>
        {
            ["Exchange:Webhooks:AllowInsecureLoopback"] = "true",
        });
        var client = await development.NewOperatorAsync("local-hooks");

        foreach (var url in new[] { "http://127.0.0.1:8080/nx", "http://localhost/nx", "http://[::1]:9000/nx", "https://hooks.example.org/nx" })
        {
            Assert.That((await client.Operators.UpdateProfileAsync(Profile(url))).Contacts[0].WebhookUrl, Is.EqualTo(url));
        }
        var elsewhere = await GrpcAssert.InvalidFieldsAsync(async () => await client.Operators.UpdateProfileAsync(Profile("http://hooks.example.org/nx")));
        Assert.That(elsewhere["contacts[0].webhook_url"], Does.Contain("plain http to a host other than this machine"));
        var strict = await _host.NewOperatorAsync("strict-hooks");
        var refused = await GrpcAssert.InvalidFieldsAsync(async () => await strict.Operators.UpdateProfileAsync(Profile("http://localhost/nx")));
        Assert.That(refused.Keys, Is.EqualTo(new[] { "contacts[0].webhook_url" }), "the default host allows https only");
    }

    [Test]
    public async Task Webhook_urls_are_shown_to_their_organisation_and_never_in_the_directory()
    {
        var created = await _host.Admin().Operators.CreateOperatorAsync(new CreateOperatorRequest
        {
            OperatorId = "private-hooks", DisplayName = "Private hooks", Country = "DE", Contacts = { Profile(Hook).Contacts },
        });
        var own = _host.Client(created.ApiKey);
        var other = await _host.NewOperatorAsync("nosy-hooks");

        Assert.That(created.Operator.Contacts.Select(c => c.WebhookUrl), Is.EqualTo(new[] { Hook, "", OpsHook }), "the creator is answered what it gave");
        Assert.That((await own.Operators.WhoAmIAsync(new WhoAmIRequest())).Contacts.Select(c => c.WebhookUrl), Is.EqualTo(new[] { Hook, "", OpsHook }));
        var updated = await own.Operators.UpdateProfileAsync(Profile(Hook + "&v=2"));
        Assert.That(updated.Contacts.Select(c => c.WebhookUrl), Is.EqualTo(new[] { Hook + "&v=2", "", OpsHook }), "the organisation's own answer shows them");

        (string Where, IEnumerable<ContactPoint> Contacts)[] shown =
        [
            ("GetDirectoryEntry by another", (await other.Operators.GetDirectoryEntryAsync(new GetDirectoryEntryRequest { OrganizationId = "private-hooks" })).Contacts),
            ("GetDirectoryEntry by itself", (await own.Operators.GetDirectoryEntryAsync(new GetDirectoryEntryRequest { OrganizationId = "private-hooks" })).Contacts),
            ("ListDirectory", (await other.Operators.ListDirectoryAsync(new ListDirectoryRequest { PageSize = 500 })).Entries.Single(e => e.OrganizationId == "private-hooks").Contacts),
            ("ListOperators", (await _host.Admin().Operators.ListOperatorsAsync(new ListOperatorsRequest())).Operators.Single(o => o.Id == "private-hooks").Contacts),
        ];
        foreach (var (where, contacts) in shown)
        {
            Assert.That(contacts.Select(c => c.WebhookUrl), Is.All.Empty, where);
            Assert.That(contacts.Select(c => (c.Role, c.Name)), Is.EqualTo(updated.Contacts.Select(c => (c.Role, c.Name))), $"{where} shows the rest of each contact point");
        }
    }

    [Test]
    public async Task A_webhook_secret_is_rotated_by_its_own_organisation_only_and_shown_once()
    {
        var client = await _host.NewOperatorAsync("rotating-hooks");

        var first = (await client.Operators.RotateWebhookSecretAsync(new RotateWebhookSecretRequest())).WebhookSecret;
        var second = (await client.Operators.RotateWebhookSecretAsync(new RotateWebhookSecretRequest())).WebhookSecret;

        Assert.That(first, Does.Match("^nxwh_[A-Za-z0-9_-]{43}$"));
        Assert.That(second, Is.Not.EqualTo(first), "each rotation issues a new secret");
        var self = await client.Operators.WhoAmIAsync(new WhoAmIRequest());
        Assert.That(self.ToString(), Does.Not.Contain(second), "the account never shows it again");
        var anonymous = new OperatorService.OperatorServiceClient(_host.AnonymousChannel());
        await GrpcAssert.FailsWithAsync(StatusCode.Unauthenticated, async () => await anonymous.RotateWebhookSecretAsync(new RotateWebhookSecretRequest()));
    }
}

using NotificationExchange.Cli.Cli;
using NotificationExchange.Clients.Tests.Library;
using NotificationExchange.Clients.Tests.Support;
using NotificationExchange.Protocol.V1;
using NUnit.Framework;

namespace NotificationExchange.Clients.Tests.Cli;

/// <summary>nxc audit against a real exchange: who read my maneuver?</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AuditCommandTests : ExchangeFixture
{
    [Test]
    public async Task Audit_shows_the_owner_who_read_its_notification_and_shows_another_organisation_nothing()
    {
        var ownerKey = await Exchange.NewOperatorKeyAsync("audit-owner");
        var readerKey = await Exchange.NewOperatorKeyAsync("audit-reader");
        var otherKey = await Exchange.NewOperatorKeyAsync("audit-other");
        var filing = Filings.Maneuver(44_001);
        filing.RequestId = "audit-file-1";
        var id = (await Exchange.Client(ownerKey).Notifications.FileNotificationAsync(filing)).Notification.Id;
        await Exchange.Client(readerKey).Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = id });
        var nxc = new Nxc(Config).With(("NX_ADDRESS", Exchange.Address));

        var owners = await nxc.With(("NX_API_KEY", ownerKey)).RunAsync("audit", "--target", id, "--output", "json");
        var table = await nxc.With(("NX_API_KEY", ownerKey)).RunAsync("audit", "--target", id, "--action", "read");
        var others = await nxc.With(("NX_API_KEY", otherKey)).RunAsync("audit", "--target", id, "--output", "json");

        Assert.That(owners.ExitCode, Is.EqualTo(ExitCodes.Ok), owners.ToString());
        var records = owners.Json().EnumerateArray().Select(r => (r.GetProperty("organizationId").GetString(), r.GetProperty("action").GetString())).ToList();
        Assert.That(records, Is.EqualTo(new[] { ("audit-owner", "AUDIT_ACTION_FILE"), ("audit-reader", "AUDIT_ACTION_READ") }));
        Assert.That(table.ExitCode, Is.EqualTo(ExitCodes.Ok), table.ToString());
        Assert.That(table.Output, Does.Contain("audit-reader").And.Contain("GetNotification").And.Not.Contain("FileNotification"));
        Assert.That(others.Json().GetArrayLength(), Is.Zero, others.ToString());
    }

    [Test]
    public async Task A_bad_filter_is_named_by_its_field()
    {
        var key = await Exchange.NewOperatorKeyAsync("audit-filter");
        var nxc = new Nxc(Config).With(("NX_ADDRESS", Exchange.Address), ("NX_API_KEY", key));

        var refused = await nxc.RunAsync("audit", "--since", "2030-01-02T00:00:00Z", "--until", "2030-01-01T00:00:00Z");

        Assert.That(refused.ExitCode, Is.EqualTo(ExitCodes.Refused), refused.ToString());
        Assert.That(refused.Error, Does.Contain("until"));
    }
}

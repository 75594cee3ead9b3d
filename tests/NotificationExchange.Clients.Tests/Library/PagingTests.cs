using NotificationExchange.Client;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Clients.Tests.Library;

/// <summary>The ListAll* helpers follow page tokens to the end of a listing, so that callers write no page loop.</summary>
public sealed class PagingTests
{
    private TestDatabase _database = null!;
    private ExchangeHost _exchange = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _database = new TestDatabase();
        _exchange = await ExchangeHost.StartAsync(_database.Path);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _exchange.DisposeAsync();
        _database.Dispose();
    }

    [Test]
    public async Task Every_notification_comes_once_across_pages_newest_first_and_the_request_is_left_as_given()
    {
        using var client = NxClient.Create(new NxClientOptions { Address = new Uri(_exchange.Address), ApiKey = await _exchange.NewOperatorKeyAsync("paged-ops") });
        var filed = new List<Notification>();
        for (var i = 0; i < 5; i++)
        {
            filed.Add((await client.Notifications.FileNotificationAsync(Filings.Maneuver(9000 + (uint)i))).Notification);
        }
        var request = new ListNotificationsRequest { FilingOperator = "paged-ops", PageSize = 2 };

        var listed = new List<Notification>();
        await foreach (var notification in client.Notifications.ListAllNotificationsAsync(request))
        {
            listed.Add(notification);
        }

        Assert.That(listed.Select(n => n.Id), Is.EqualTo(filed.Select(n => n.Id).Reverse()), "three pages of at most two, newest first");
        Assert.That(request.PageToken, Is.Empty, "the caller's request is not used for the pages");
    }

    [Test]
    public async Task Every_directory_entry_comes_once_across_pages_in_order_of_organisation()
    {
        string[] ids = ["paged-dir-a", "paged-dir-b", "paged-dir-c"];
        var keys = new List<string>();
        foreach (var id in ids)
        {
            keys.Add(await _exchange.NewOperatorKeyAsync(id));
        }
        using var client = NxClient.Create(new NxClientOptions { Address = new Uri(_exchange.Address), ApiKey = keys[0] });

        var listed = new List<string>();
        await foreach (var entry in client.Operators.ListAllDirectoryEntriesAsync(new ListDirectoryRequest { PageSize = 1 }))
        {
            listed.Add(entry.OrganizationId);
        }

        Assert.That(listed, Is.Unique.And.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(listed, Is.SupersetOf(ids));
    }
}

using NotificationExchange.Client;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Clients.Tests.Library;

/// <summary>A watch followed while the exchange, a process of its own, is killed (SIGKILL) and started again on the
/// same store and address under it.</summary>
public sealed class SubscriptionCrashTests
{
    [Test]
    public async Task A_watch_yields_every_event_once_and_in_order_across_a_kill_and_restart_of_the_exchange()
    {
        using var database = new TestDatabase();
        await using var server = await ExchangeServerProcess.StartAsync(database.Path);
        var key = (await server.Admin.Operators.CreateOperatorAsync(new CreateOperatorRequest { OperatorId = "crash-watch-ops", DisplayName = "Crash watch" })).ApiKey;
        using var client = NxClient.Create(new NxClientOptions { Address = new Uri(server.Address), ApiKey = key, CallTimeout = TimeSpan.FromSeconds(20) });
        var subscription = await client.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "everything" });
        var filed = new List<string>();
        async Task FileAsync(uint firstObject, int count)
        {
            for (var i = 0; i < count; i++)
            {
                filed.Add((await client.Notifications.FileNotificationAsync(Filings.Maneuver(firstObject + (uint)i))).Notification.Id);
            }
        }

        await FileAsync(1000, 4); // replayed when the watch opens
        await using var watch = Recording.Watch(client, subscription.Id);
        await FileAsync(2000, 4); // live
        await watch.WaitForEventsAsync(8);

        server.Kill();
        await watch.WaitUntilAsync(r => !r.Reconnects.IsEmpty, "reconnection after the kill");
        await server.RestartAsync();
        await FileAsync(3000, 4); // filed while the watch is still reconnecting, or has just done so
        await watch.WaitForEventsAsync(12);
        await FileAsync(4000, 4); // live on the new stream; any repeat of an earlier event would come before these
        await watch.WaitForEventsAsync(16);

        foreach (var reconnect in watch.Reconnects)
        {
            await TestContext.Out.WriteLineAsync(reconnect.ToString());
        }
        var events = watch.Events();
        Assert.That(events.Select(e => e.Notification.Id), Is.EqualTo(filed), "every filed event, once, in filing order");
        Assert.That(events.Select(e => e.Sequence), Is.Ordered.Ascending.And.Unique);
        Assert.That(watch.Completion.IsCompleted, Is.False, "the watch is still following");
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Filing;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests;

public class OutboxTests
{
    [Test]
    public async Task A_publish_that_hangs_times_out_and_the_event_is_published_again()
    {
        using var database = new TestDatabase();
        var bus = new FirstPublishHangs();
        await using var host = await ExchangeHost.StartAsync(database.Path, settings: new Dictionary<string, string>
        {
            ["Exchange:Outbox:PublishTimeout"] = "00:00:00.300",
        }, services: s => s.AddSingleton<IIntegrationEventPublisher>(bus));
        var filer = await host.NewOperatorAsync("patient-ops");

        var filed = (await filer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver()))).Notification;

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var outbox = host.Services.GetRequiredService<IOutbox>();
        while (!bus.Confirmed.Contains((long)filed.Sequence) || await outbox.CountPendingAsync(timeout.Token) > 0)
        {
            await Task.Delay(50, timeout.Token);
        }
        Assert.That(bus.Attempts, Is.GreaterThanOrEqualTo(2), "the first attempt hung and was given up");
    }

    /// <summary>A broker that, once, takes a message and never confirms it (as after a broker restart), then behaves.</summary>
    private sealed class FirstPublishHangs : IIntegrationEventPublisher
    {
        private int _attempts;

        public ConcurrentBag<long> Confirmed { get; } = [];
        public int Attempts => Volatile.Read(ref _attempts);

        public Task PublishAsync(IReadOnlyList<LogEntry> events, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _attempts) == 1)
            {
                return new TaskCompletionSource().Task; // ignores the token, as a stuck confirm does
            }
            foreach (var recorded in events)
            {
                Confirmed.Add(recorded.Sequence);
            }
            return Task.CompletedTask;
        }
    }
}

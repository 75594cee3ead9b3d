using System.Diagnostics.Metrics;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Screening;

/// <summary>
/// Two instances on one store screen each notification version once between them: the screening worker follows the
/// log by a cursor it leases, and moves it in the write that records each screen.
/// </summary>
public class ScreeningOnceTests
{
    [Test]
    public async Task Two_instances_on_one_store_screen_each_notification_version_once()
    {
        long screens = 0;
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "NotificationExchange" && instrument.Name == "nx.screening.duration")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref screens));
        meters.Start();
        using var database = new TestDatabase();
        await using var first = await ExchangeHost.StartAsync(database.Path);
        await using var second = await ExchangeHost.StartAsync(database.Path);
        var key = await first.NewOperatorKeyAsync("twin-ops");
        var clients = new[] { first.Client(key), second.Client(key) };

        // Filed on both instances, some amended: every version is an event to screen.
        var ids = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            var filed = await clients[i % 2].Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver(), $"twin-{i}"));
            ids.Add(filed.Notification.Id);
        }
        for (var i = 0; i < 4; i++)
        {
            await clients[(i + 1) % 2].Notifications.AmendNotificationAsync(new AmendNotificationRequest
            {
                NotificationId = ids[i], RequestId = $"twin-amend-{i}", Maneuver = Notices.Maneuver(), Reason = "re-planned",
            });
        }

        var statuses = new List<ScreeningStatus>();
        foreach (var id in ids)
        {
            statuses.Add(await ManeuverScreeningTests.ScreenedAsync(clients[0], id));
        }
        // The last version's screen is recorded last: once it is, every earlier one has been screened or passed over.
        Assert.Multiple(() =>
        {
            Assert.That(statuses.Select(s => s.State), Has.All.EqualTo(ScreeningState.NotScreenable), "ISS's 2022 element set is too old for today's spans");
            Assert.That(Interlocked.Read(ref screens), Is.InRange(10, 14),
                "ten latest versions screened once each; an amended notification's first version screened at most once, or passed over as superseded");
        });
        var superseded = 0;
        foreach (var id in ids.Take(4))
        {
            var history = await clients[1].Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = id, Version = 1 });
            if (history.Notification.Screening.Reasons.Any(r => r.StartsWith("superseded", StringComparison.Ordinal)))
            {
                superseded++;
            }
        }
        Assert.That(Interlocked.Read(ref screens), Is.EqualTo(14 - superseded), "each version screened once, or passed over as superseded, never twice");
    }
}

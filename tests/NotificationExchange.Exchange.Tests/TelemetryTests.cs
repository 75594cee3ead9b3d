using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests;

public class TelemetryTests
{
    [Test]
    public async Task One_trace_runs_from_the_filing_call_through_the_commit_to_the_bus_publish_and_consume()
    {
        // On RabbitMQ each instance consumes the events too (in memory there is nothing to consume).
        var broker = RabbitMqBroker.Require();
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "NotificationExchange" or "MassTransit" or "Microsoft.AspNetCore",
            Sample = (ref _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var database = new TestDatabase();
        await using var host = await ExchangeHost.StartAsync(database.Path, broker);
        var filer = await host.NewOperatorAsync("traced-ops");

        var filed = (await filer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver()))).Notification;

        Activity? consume = null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (consume is null)
        {
            await Task.Delay(50, timeout.Token);
            consume = spans.FirstOrDefault(s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Consumer && s.TraceId == spans.FirstOrDefault(p => p.DisplayName == "outbox publish")?.TraceId);
        }
        var call = spans.Single(s => s.Source.Name == "Microsoft.AspNetCore" && s.DisplayName.Contains("FileNotification", StringComparison.Ordinal));
        // two commits serve the call: the filing's, then its audit record's (docs/audit.md); the filing's publishes
        var commits = spans.Where(s => s.DisplayName == "log commit" && s.Links.Any(l => l.Context.SpanId == call.SpanId)).ToList();
        Assert.That(commits, Has.Count.EqualTo(2));
        var publish = spans.Single(s => s.DisplayName == "outbox publish" && commits.Any(c => c.SpanId == s.ParentSpanId));
        var commit = commits.Single(c => c.SpanId == publish.ParentSpanId);

        Assert.That(consume.TraceId, Is.EqualTo(commit.TraceId), "the consumer's span continues the commit's trace");
        Assert.That(publish.GetTagItem("nx.first_sequence"), Is.EqualTo((long)filed.Sequence));
    }

    [Test]
    public async Task Filed_and_delivered_events_and_delivery_lag_are_measured()
    {
        var measurements = new ConcurrentDictionary<string, double>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "NotificationExchange")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, _, _) => measurements.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        meters.SetMeasurementEventCallback<double>((instrument, value, _, _) => measurements.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        meters.SetMeasurementEventCallback<int>((instrument, value, _, _) => measurements.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        meters.Start();
        using var database = new TestDatabase();
        await using var host = await ExchangeHost.StartAsync(database.Path);
        var filer = await host.NewOperatorAsync("measured-ops");
        var subscription = await filer.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "own" });
        using var stream = StreamProbe.Open(filer, subscription.Id);
        await stream.ReadUntilCaughtUpAsync();

        for (var i = 0; i < 3; i++)
        {
            await filer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver()));
        }
        await stream.ReadEventsAsync(3);
        await Task.Delay(100);

        Assert.That(measurements.GetValueOrDefault("nx.events.recorded"), Is.EqualTo(3));
        Assert.That(measurements.GetValueOrDefault("nx.events.delivered"), Is.EqualTo(3));
        Assert.That(measurements.ContainsKey("nx.delivery.lag"), Is.True);
        Assert.That(measurements.GetValueOrDefault("nx.streams.open"), Is.EqualTo(1));
    }
}

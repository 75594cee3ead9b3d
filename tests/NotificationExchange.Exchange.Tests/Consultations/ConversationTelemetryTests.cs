using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Consultations;

/// <summary>A conversation message traced from the Converse call to the other instance's consumer, and measured.</summary>
public class ConversationTelemetryTests
{
    [Test]
    public async Task A_message_is_one_trace_from_the_call_to_the_other_instance_and_is_counted_delivered_and_timed()
    {
        var broker = RabbitMqBroker.Require();
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "NotificationExchange" or "MassTransit" or "Microsoft.AspNetCore",
            Sample = (ref _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var measurements = new ConcurrentDictionary<string, double>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, meterListener) =>
            {
                if (instrument.Meter.Name == "NotificationExchange" && instrument.Name.StartsWith("nx.conversation.", StringComparison.Ordinal))
                {
                    meterListener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, _, _) => measurements.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        meters.SetMeasurementEventCallback<double>((instrument, value, _, _) => measurements.AddOrUpdate($"{instrument.Name}.count", 1, (_, count) => count + 1));
        meters.Start();
        using var database = new TestDatabase();
        await using var one = await ExchangeHost.StartAsync(database.Path, broker);
        await using var two = await ExchangeHost.StartAsync(database.Path, broker);
        var a = await one.NewOperatorAsync("traced-esa");
        var b = two.Client(await one.NewOperatorKeyAsync("traced-cnes"));
        var id = await Consulting.OpenAsync(a, b, "traced-cnes");
        using var onA = await ConverseProbe.OpenAsync(a, id);
        using var onB = await ConverseProbe.OpenAsync(b, id);
        await onB.ReadUntilCaughtUpAsync();

        await onA.SayAcceptedAsync("a-1", "traced");
        await onB.ReadMessagesAsync(1);
        onA.Dispose(); // the call's span ends with the call

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Activity? said = null;
        Activity? call = null;
        string[] consumers = [];
        while (call is null || consumers.Length < 2 || measurements.GetValueOrDefault("nx.conversation.delivered") < 2)
        {
            await Task.Delay(20, timeout.Token);
            said = spans.FirstOrDefault(s => s.DisplayName == "conversation message" && (string?)s.GetTagItem("nx.consultation_id") == id);
            call = spans.FirstOrDefault(s => s.Source.Name == "Microsoft.AspNetCore" && s.SpanId == said?.ParentSpanId);
            // Each instance consumes the announcement from its own queue (the span names the queue).
            consumers = spans.Where(s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Consumer && s.TraceId == said?.TraceId)
                .Select(s => s.DisplayName.Split(' ')[0]).Distinct().ToArray();
        }

        Assert.That(call!.DisplayName, Does.Contain("ConsultationService/Converse"), "the message's span is the Converse call's child");
        Assert.That(said!.GetTagItem("nx.message_sequence"), Is.EqualTo(1L));
        Assert.That(consumers, Has.Length.EqualTo(2), "both instances' consumers continue the call's trace");
        Assert.That(measurements.GetValueOrDefault("nx.conversation.messages"), Is.EqualTo(1), "stored once");
        Assert.That(measurements.GetValueOrDefault("nx.conversation.delivered"), Is.EqualTo(2), "to A's stream on one and B's on two");
        Assert.That(measurements.GetValueOrDefault("nx.conversation.delivery_lag.count"), Is.EqualTo(2));
        await WaitForAsync(() => measurements.GetValueOrDefault("nx.conversation.streams") == 1);
        Assert.That(measurements.GetValueOrDefault("nx.conversation.streams"), Is.EqualTo(1), "two opened, A's closed with its call");
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}

using System.Diagnostics.Metrics;
using NotificationExchange.FanOut;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Support;

/// <summary>
/// Follows the exchange's stream figures in this process as they change: live events held for streams, open streams,
/// streams cut off, events written to streams. Tests that use it run one exchange at a time.
/// </summary>
internal sealed class StreamMeters : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _lock = new();
    private long _held;
    private long _open;
    private long _overruns;
    private long _delivered;

    public StreamMeters()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "NotificationExchange" && instrument.Name is "nx.streams.held" or "nx.streams.open" or "nx.streams.overrun" or "nx.events.delivered")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (_lock)
            {
                switch (instrument.Name)
                {
                    case "nx.streams.held":
                        _held += value;
                        break;
                    case "nx.streams.open":
                        _open += value;
                        break;
                    case "nx.streams.overrun":
                        _overruns += value;
                        break;
                    case "nx.events.delivered":
                        _delivered += value;
                        break;
                }
            }
        });
        _listener.Start();
    }

    public long Held => Read(ref _held);
    public long Open => Read(ref _open);
    public long Overruns => Read(ref _overruns);

    /// <summary>Events the server has written to stream responses (flushed or not).</summary>
    public long Delivered => Read(ref _delivered);

    /// <summary>
    /// Files maneuvers, 200 at a time, until the exchange cuts a stream off (its overrun count moves), and returns the
    /// ids filed. <paramref name="betweenBatches"/> runs after each batch (a slow reader reads a little there).
    /// </summary>
    public async Task<List<string>> FileUntilCutOffAsync(ExchangeClient filer, Func<Task>? betweenBatches = null)
    {
        const int batch = 200;
        var limit = new FanOutOptions().StreamBufferCapacity * 10;
        var before = Overruns;
        var filed = new List<string>();
        while (Overruns == before)
        {
            Assert.That(filed, Has.Count.LessThan(limit), "no stream was cut off");
            var answers = await Task.WhenAll(Enumerable.Range(0, batch).Select(i =>
                filer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver((uint)(1000 + i)))).ResponseAsync));
            filed.AddRange(answers.Select(a => a.Notification.Id));
            if (betweenBatches is not null)
            {
                await betweenBatches();
            }
        }
        return filed;
    }

    public void Dispose() => _listener.Dispose();

    private long Read(ref long value)
    {
        lock (_lock)
        {
            return value;
        }
    }
}

using System.Diagnostics.Metrics;

namespace NotificationExchange.Exchange.Tests.Support;

/// <summary>
/// Follows the exchange's stream figures in this process as they change: live events held for streams (and the most
/// ever held at once), open streams, streams cut off. Tests that use it run one exchange at a time.
/// </summary>
internal sealed class StreamMeters : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _lock = new();
    private long _held;
    private long _maxHeld;
    private long _open;
    private long _overruns;

    public StreamMeters()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "NotificationExchange" && instrument.Name is "nx.streams.held" or "nx.streams.open" or "nx.streams.overrun")
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
                        _maxHeld = Math.Max(_maxHeld, _held);
                        break;
                    case "nx.streams.open":
                        _open += value;
                        break;
                    case "nx.streams.overrun":
                        _overruns += value;
                        break;
                }
            }
        });
        _listener.Start();
    }

    public long Held => Read(ref _held);
    public long MaxHeld => Read(ref _maxHeld);
    public long Open => Read(ref _open);
    public long Overruns => Read(ref _overruns);

    public void Dispose() => _listener.Dispose();

    private long Read(ref long value)
    {
        lock (_lock)
        {
            return value;
        }
    }
}

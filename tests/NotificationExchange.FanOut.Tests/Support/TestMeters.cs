using System.Diagnostics.Metrics;

namespace NotificationExchange.FanOut.Tests.Support;

/// <summary>
/// The exchange's meters for one test: a factory of meters of its own, and the running totals of the stream figures
/// measured on them (other tests' meters are not listened to).
/// </summary>
internal sealed class TestMeters : IMeterFactory
{
    private readonly MeterListener _listener = new();
    private readonly List<Meter> _meters = [];
    private readonly Dictionary<string, long> _totals = [];
    private readonly Lock _lock = new();

    public TestMeters()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            lock (_lock)
            {
                if (_meters.Contains(instrument.Meter))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (_lock)
            {
                _totals[instrument.Name] = _totals.GetValueOrDefault(instrument.Name) + value;
            }
        });
        _listener.Start();
    }

    /// <summary>Live events held for streams (buffered, or handed to the writer and not yet flushed).</summary>
    public long Held => Total("nx.streams.held");

    public long OpenStreams => Total("nx.streams.open");

    public long Overruns => Total("nx.streams.overrun");

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        lock (_lock)
        {
            _meters.Add(meter);
        }
        return meter;
    }

    public void Dispose()
    {
        _listener.Dispose();
        foreach (var meter in _meters)
        {
            meter.Dispose();
        }
    }

    private long Total(string instrument)
    {
        lock (_lock)
        {
            return _totals.GetValueOrDefault(instrument);
        }
    }
}

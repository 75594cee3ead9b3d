using System.Diagnostics.Metrics;

namespace NotificationExchange.Exchange.Tests.Bus;

/// <summary>Counts nx.bus.parked in this process by (message type, reason) as it moves.</summary>
internal sealed class BusParkingMeter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Type, string Reason), long> _counts = [];

    public BusParkingMeter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "NotificationExchange" && instrument.Name == "nx.bus.parked")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? type = null, reason = null;
            foreach (var tag in tags)
            {
                switch (tag.Key)
                {
                    case "message_type":
                        type = tag.Value as string;
                        break;
                    case "reason":
                        reason = tag.Value as string;
                        break;
                }
            }
            lock (_lock)
            {
                var key = (type ?? "(none)", reason ?? "(none)");
                _counts[key] = _counts.GetValueOrDefault(key) + value;
            }
        });
        _listener.Start();
    }

    public Dictionary<(string Type, string Reason), long> Counts
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<(string Type, string Reason), long>(_counts);
            }
        }
    }

    public void Dispose() => _listener.Dispose();
}

using System.Diagnostics.Metrics;
using System.Threading.Channels;
using NotificationExchange.Testing;

namespace NotificationExchange.Exchange.Tests.Support;

/// <summary>
/// The webhook figures of the exchanges in this process, one measurement at a time, in order: each attempt ends with
/// nx.webhooks.delivered or nx.webhooks.failed_attempts (then nx.webhooks.given_up when it was the last), measured once
/// the attempt is recorded in the store. Tests that use it run one exchange (or one shared store) at a time.
/// </summary>
internal sealed class WebhookMeters : IDisposable
{
    public const string Delivered = "nx.webhooks.delivered";
    public const string FailedAttempt = "nx.webhooks.failed_attempts";
    public const string GivenUp = "nx.webhooks.given_up";

    private static readonly TimeSpan HangAfter = TimeSpan.FromSeconds(15);

    private readonly MeterListener _listener = new();
    private readonly Channel<string> _measured = Channel.CreateUnbounded<string>();

    public WebhookMeters()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "NotificationExchange" && instrument.Name is Delivered or FailedAttempt or GivenUp)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, _, _, _) => _measured.Writer.TryWrite(instrument.Name));
        _listener.Start();
    }

    /// <summary>The next measurement's instrument name; fails the test when none comes within a bounded (wall-clock) time.</summary>
    public Task<string> NextAsync() => _measured.Reader.ReadWithinAsync(HangAfter, "no webhook attempt ended");

    public void Dispose() => _listener.Dispose();
}

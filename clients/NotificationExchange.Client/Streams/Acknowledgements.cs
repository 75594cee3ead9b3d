using Grpc.Core;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Client.Streams;

/// <summary>
/// Acknowledges a watched subscription's processed position: at once for the first, then at most once per
/// <see cref="WatchOptions.AcknowledgeInterval"/>, and what was processed since the last one goes out when the interval
/// has passed even if nothing more arrives (a quiet subscription does not leave its last events unacknowledged until
/// the watch ends); once more when the watch ends. One acknowledgement at a time; one that fails is tried again after
/// the interval, with the position reached by then (positions only move forward at the exchange).
/// </summary>
internal sealed class Acknowledgements(SubscriptionService.SubscriptionServiceClient client, string subscriptionId, WatchOptions options)
{
    // A bounded wait for each acknowledgement, the last one included: ending a watch with the exchange away takes this
    // long at most.
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    private readonly Lock _lock = new();
    // Guarded by _lock.
    private ulong _processed;
    private ulong _acknowledged;
    private long? _lastSentAt;
    private Task _inFlight = Task.CompletedTask;
    private ITimer? _timer;
    private bool _closed;

    /// <summary>The caller has processed everything up to <paramref name="position"/>.</summary>
    public void Processed(ulong position)
    {
        if (!options.Acknowledge)
        {
            return;
        }
        lock (_lock)
        {
            if (_closed || position <= _processed)
            {
                return;
            }
            _processed = position;
            SendWhenDueLocked();
        }
    }

    /// <summary>Stops the interval, waits for the acknowledgement under way and sends the last processed position if
    /// it has not been acknowledged yet. Called once, when the watch ends.</summary>
    public async Task FlushAsync()
    {
        Task inFlight;
        lock (_lock)
        {
            _closed = true;
            _timer?.Dispose();
            inFlight = _inFlight;
        }
        await inFlight.ConfigureAwait(false);
        ulong last;
        lock (_lock)
        {
            if (_processed <= _acknowledged)
            {
                return;
            }
            last = _processed;
        }
        await SendAsync(last).ConfigureAwait(false);
    }

    /// <summary>Sends the processed position now if nothing is under way and the interval has passed; otherwise arms
    /// the timer for when it will have (an acknowledgement under way calls again when it completes).</summary>
    private void SendWhenDueLocked()
    {
        if (_closed || _processed <= _acknowledged || !_inFlight.IsCompleted)
        {
            return;
        }
        var wait = _lastSentAt is { } sentAt ? options.AcknowledgeInterval - options.Time.GetElapsedTime(sentAt) : TimeSpan.Zero;
        if (wait > TimeSpan.Zero)
        {
            _timer ??= options.Time.CreateTimer(static state => ((Acknowledgements)state!).Due(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _timer.Change(wait, Timeout.InfiniteTimeSpan);
            return;
        }
        _lastSentAt = options.Time.GetTimestamp();
        _inFlight = SendThenContinueAsync(_processed);
    }

    private void Due()
    {
        lock (_lock)
        {
            SendWhenDueLocked();
        }
    }

    private async Task SendThenContinueAsync(ulong position)
    {
        // Yield first: the caller holds the lock, and a send that completes synchronously must not take it again here.
        await Task.Yield();
        await SendAsync(position).ConfigureAwait(false);
        lock (_lock)
        {
            // This task is _inFlight and is completing: look again once it has completed.
            _inFlight = Task.CompletedTask;
            SendWhenDueLocked();
        }
    }

    private async Task SendAsync(ulong position)
    {
        try
        {
            using var call = client.AcknowledgeAsync(
                new AcknowledgeRequest { SubscriptionId = subscriptionId, Sequence = position }, deadline: DateTime.UtcNow + CallTimeout);
            await call.ResponseAsync.ConfigureAwait(false);
            lock (_lock)
            {
                _acknowledged = Math.Max(_acknowledged, position);
            }
        }
        catch (RpcException)
        {
            // Tried again after the interval, or at the end, with the position reached by then.
        }
    }
}

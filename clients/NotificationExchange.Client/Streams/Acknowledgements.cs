using Grpc.Core;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Client.Streams;

/// <summary>Acknowledges a watched subscription's processed position: at most once per interval while the caller
/// reads, and once more when the watch ends. An acknowledgement that fails is not retried on its own: the next one
/// carries a position at least as far, and positions only move forward at the exchange.</summary>
internal sealed class Acknowledgements(SubscriptionService.SubscriptionServiceClient client, string subscriptionId, WatchOptions options)
{
    private ulong _processed;
    private ulong _sent;
    private long _lastSentAt = long.MinValue;
    private Task _inFlight = Task.CompletedTask;

    public void Processed(ulong position)
    {
        if (!options.Acknowledge || position <= _processed)
        {
            return;
        }
        _processed = position;
        var now = options.Time.GetTimestamp();
        if (_inFlight.IsCompleted && (_lastSentAt == long.MinValue || options.Time.GetElapsedTime(_lastSentAt, now) >= options.AcknowledgeInterval))
        {
            _lastSentAt = now;
            _inFlight = SendAsync(_processed);
        }
    }

    public async Task FlushAsync()
    {
        await _inFlight.ConfigureAwait(false);
        if (options.Acknowledge && _processed > _sent)
        {
            await SendAsync(_processed).ConfigureAwait(false);
        }
    }

    private async Task SendAsync(ulong position)
    {
        try
        {
            using var call = client.AcknowledgeAsync(
                new AcknowledgeRequest { SubscriptionId = subscriptionId, Sequence = position },
                deadline: DateTime.UtcNow.AddSeconds(5));
            await call.ResponseAsync.ConfigureAwait(false);
            _sent = Math.Max(_sent, position);
        }
        catch (RpcException)
        {
            // The next acknowledgement covers this one.
        }
    }
}

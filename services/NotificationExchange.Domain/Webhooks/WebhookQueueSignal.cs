using System.Threading.Channels;

namespace NotificationExchange.Domain.Webhooks;

/// <summary>
/// Tells this instance's webhook dispatcher that a commit here queued deliveries, so that it claims them at once
/// instead of at its next poll (which finds what other instances queued). Signals that arrive while one is pending
/// merge into it: the dispatcher claims everything due whenever it wakes.
/// </summary>
public sealed class WebhookQueueSignal
{
    private readonly Channel<bool> _queued = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Called after the commit that queued deliveries (never before: the dispatcher must find them).</summary>
    public void Queued() => _queued.Writer.TryWrite(true);

    /// <summary>Completes when deliveries were queued since the last wait completed.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await _queued.Reader.ReadAsync(cancellationToken);
    }
}

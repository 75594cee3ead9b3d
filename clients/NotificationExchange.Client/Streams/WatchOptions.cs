namespace NotificationExchange.Client.Streams;

/// <summary>How <see cref="Services.SubscriptionsApi.Watch"/> follows a subscription.</summary>
public sealed class WatchOptions
{
    /// <summary>Start after this sequence instead of the subscription's acknowledged position (the last sequence your
    /// code processed in an earlier run).</summary>
    public ulong? ResumeAfter { get; set; }

    /// <summary>Acknowledge to the exchange, at most once per <see cref="AcknowledgeInterval"/> and when the watch
    /// ends, the last position the caller has processed: an item counts as processed once the caller asks for the
    /// next. Off, the caller acknowledges itself.</summary>
    public bool Acknowledge { get; set; } = true;

    public TimeSpan AcknowledgeInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The first delay before reconnecting after a failed attempt; it doubles, with jitter, up to
    /// <see cref="MaxReconnectDelay"/>. A stream that delivered something before it dropped reconnects at once.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Told each time the stream dropped and is about to be reopened, for a live view's status line.</summary>
    public Action<StreamReconnect>? OnReconnecting { get; set; }

    /// <summary>The clock of the backoff and the acknowledgement interval.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;
}

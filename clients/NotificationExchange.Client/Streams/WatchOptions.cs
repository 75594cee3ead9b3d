namespace NotificationExchange.Client.Streams;

/// <summary>How <see cref="Services.SubscriptionsApi.Watch"/> follows a subscription, and
/// <see cref="Services.ConsultationsApi.Converse"/> a conversation (which sends no acknowledgements: receipts are the
/// caller's).</summary>
public sealed class WatchOptions
{
    /// <summary>Start after this sequence instead of the subscription's acknowledged position (the last sequence your
    /// code processed in an earlier run); for a conversation, after this message sequence instead of from the start.</summary>
    public ulong? ResumeAfter { get; set; }

    /// <summary>Acknowledge to the exchange, at most once per <see cref="AcknowledgeInterval"/> (also while the watch
    /// waits for more) and when the watch ends, the last position the caller has processed: an item counts as
    /// processed once the caller asks for the next, so an item the caller was handed and stopped on is not
    /// acknowledged. Off, the caller acknowledges itself.</summary>
    public bool Acknowledge { get; set; } = true;

    public TimeSpan AcknowledgeInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The first delay before reconnecting after a failed attempt; it doubles, with jitter, up to
    /// <see cref="MaxReconnectDelay"/>. A stream that made progress before it dropped (brought a position not seen
    /// before, or an acceptance) reconnects at once, and the delays start again from here.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest delay between attempts. A stream that stayed up at least this long counts as having made
    /// progress.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Told each time the stream dropped and is about to be reopened, for a live view's status line.</summary>
    public Action<StreamReconnect>? OnReconnecting { get; set; }

    /// <summary>
    /// When set (from <see cref="Services.TransparencyApi.EntryVerifier"/>, one per watch), every entry is checked
    /// against the transparency log before it is yielded: its inclusion in a signed tree head that covers it, its
    /// commitment, and each new head's consistency with the one before. A check that fails ends the watch with a
    /// <see cref="Transparency.TransparencyVerificationException"/>. Verifying before yielding means the caller never
    /// acts on an entry the log does not hold, at the price of latency: an entry recorded after the newest head waits
    /// for the next signing (up to the exchange's signing interval) before it is yielded. Entries already buffered are
    /// checked together, up to 100 a proof call. Subscriptions only: a conversation's messages are not log entries.
    /// </summary>
    public Transparency.EntryVerifier? Verify { get; set; }

    /// <summary>The clock of the backoff and the acknowledgement interval.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;
}

using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Client.Streams;

/// <summary>The log position a subscription message stands for: every message but a heartbeat has one, and a stream
/// carries them in increasing order (CaughtUp's may equal the item before it).</summary>
public static class SubscriptionPositions
{
    /// <summary>The message's sequence; null for a heartbeat, which stands for no position.</summary>
    public static ulong? Of(SubscriptionMessage message) => message.MessageCase switch
    {
        SubscriptionMessage.MessageOneofCase.Event => message.Event.Sequence,
        SubscriptionMessage.MessageOneofCase.Unreadable => message.Unreadable.Sequence,
        SubscriptionMessage.MessageOneofCase.ConsultationEvent => message.ConsultationEvent.Sequence,
        SubscriptionMessage.MessageOneofCase.DirectLineEvent => message.DirectLineEvent.Sequence,
        SubscriptionMessage.MessageOneofCase.AlertEvent => message.AlertEvent.Sequence,
        SubscriptionMessage.MessageOneofCase.CaughtUp => message.CaughtUp.Sequence,
        _ => null,
    };
}

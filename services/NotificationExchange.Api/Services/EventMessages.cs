using System.Runtime.CompilerServices;
using Google.Protobuf.WellKnownTypes;
using NotificationExchange.Filing;
using NotificationExchange.Protocol.V1;
using D = NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Api.Services;

/// <summary>
/// The wire form of recorded events, built once per event: inside the write that records it (an event that cannot be
/// rendered is never committed), then reused for the filer's answer and for every stream that carries it.
/// </summary>
internal sealed class EventMessages : IEventRenderer
{
    // Keyed by the event object, which the log writer hands on to the feed and the streams: many streams carry the
    // same live event, and build its message once.
    private static readonly ConditionalWeakTable<D.RecordedEvent, SubscriptionMessage> _messages = [];

    public void Render(D.RecordedEvent recorded) => Message(recorded);

    /// <summary>The stream message carrying this event; throws when the event cannot be rendered.</summary>
    public static SubscriptionMessage Message(D.RecordedEvent recorded) => _messages.GetValue(recorded, static recorded => new SubscriptionMessage
    {
        Event = new NotificationEvent
        {
            Sequence = (ulong)recorded.Sequence,
            EventType = recorded.Type.ToProto(),
            RecordedAt = Timestamp.FromDateTime(recorded.RecordedAt),
            Notification = recorded.Notification.ToProto(),
        },
    });

    /// <summary>The stream message saying that an entry of the log cannot be read.</summary>
    public static SubscriptionMessage Message(D.UnreadableEvent entry) => new()
    {
        Unreadable = new Protocol.V1.UnreadableEvent
        {
            Sequence = (ulong)entry.Sequence,
            EventType = entry.Type.ToProto(),
            RecordedAt = Timestamp.FromDateTime(entry.RecordedAt),
            NotificationId = entry.NotificationId,
            Version = (uint)entry.Version,
            Reason = entry.Reason,
        },
    };

    /// <summary>
    /// The stream message for a log entry. An event stored in a form that reads back but cannot be rendered (which the
    /// write path rules out for anything it stores) is passed on as unreadable rather than failing the stream.
    /// </summary>
    public static SubscriptionMessage Message(D.LogEntry entry)
    {
        switch (entry)
        {
            case D.RecordedEvent recorded:
                try
                {
                    return Message(recorded);
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException)
                {
                    return Message(new D.UnreadableEvent(recorded.Sequence, recorded.Type, recorded.RecordedAt, recorded.Notification.Id,
                        recorded.Notification.Version, recorded.Keys, $"it cannot be rendered: {e.Message}"));
                }
            case D.UnreadableEvent unreadable:
                return Message(unreadable);
            default:
                throw new ArgumentOutOfRangeException(nameof(entry), entry.GetType().Name, null);
        }
    }
}

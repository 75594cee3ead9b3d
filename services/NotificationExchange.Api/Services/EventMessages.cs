using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Google.Protobuf.WellKnownTypes;
using NotificationExchange.Api.Mapping;
using NotificationExchange.Domain.Alerts;
using NotificationExchange.Domain.Commands;
using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Consultations.DirectLines;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Validation;
using NotificationExchange.Protocol.V1;
using D = NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Api.Services;

/// <summary>
/// The wire form of recorded events (notifications', consultations', direct lines' and alerts') and notifications: the one place that renders them, and says what to do when a
/// stored one cannot be rendered. An event is rendered once, inside the write that records it (an event that cannot
/// be rendered is never committed), then reused for the filer's answer and for every stream that carries it. What an
/// earlier version stored may still fail to render: streams then carry it as unreadable, listings leave it out, and
/// reads of that version answer DATA_LOSS.
/// </summary>
internal sealed class EventMessages : IEventRenderer
{
    // Keyed by the event object, which the log writer hands on to the feed and the streams: many streams carry the
    // same live event, and build its message once.
    private static readonly ConditionalWeakTable<D.LogEntry, SubscriptionMessage> _messages = [];

    public void Render(D.LogEntry entry) => Rendered(entry);

    // Proto field names (snake_case), as the protos and the docs spell them.
    private static readonly Google.Protobuf.JsonFormatter _json = new(Google.Protobuf.JsonFormatter.Settings.Default.WithPreserveProtoFieldNames(true));

    public string RenderJson(D.LogEntry entry) => Rendered(entry) switch
    {
        { MessageCase: SubscriptionMessage.MessageOneofCase.Event } m => _json.Format(m.Event),
        { MessageCase: SubscriptionMessage.MessageOneofCase.ConsultationEvent } m => _json.Format(m.ConsultationEvent),
        { MessageCase: SubscriptionMessage.MessageOneofCase.DirectLineEvent } m => _json.Format(m.DirectLineEvent),
        { MessageCase: SubscriptionMessage.MessageOneofCase.AlertEvent } m => _json.Format(m.AlertEvent),
        var m => throw new InvalidOperationException($"a {m.MessageCase} has no JSON form of its own"),
    };

    /// <summary>How rendering fails: protobuf refuses a value (a null string, a time that is not UTC).</summary>
    public static bool IsRenderFailure(Exception exception) => exception is ArgumentException or InvalidOperationException;

    /// <summary>The stream message carrying this event; throws (see <see cref="IsRenderFailure"/>) when it cannot be rendered.</summary>
    public static SubscriptionMessage Message(D.RecordedEvent recorded) => Rendered(recorded);

    /// <summary>The stream message for a log entry: the event, or, when it cannot be read or rendered, that it is unreadable.</summary>
    public static SubscriptionMessage Message(D.LogEntry entry)
    {
        switch (entry)
        {
            case D.RecordedEvent or ConsultationRecorded or DirectLineRecorded or AlertRecorded:
                try
                {
                    return Rendered(entry);
                }
                catch (Exception e) when (IsRenderFailure(e))
                {
                    return Message(Unrenderable(entry, e));
                }
            case D.UnreadableEvent or UnreadableConsultationEvent or UnreadableDirectLineEvent or UnreadableAlertEvent:
                return Unreadable(entry);
            default:
                throw new ArgumentOutOfRangeException(nameof(entry), entry.GetType().Name, null);
        }
    }

    /// <summary>The consultation's event as parties receive it; throws (see <see cref="IsRenderFailure"/>) when it cannot be rendered.</summary>
    public static ConsultationEvent Message(ConsultationRecorded recorded) => Rendered(recorded).ConsultationEvent;

    private static SubscriptionMessage Rendered(D.LogEntry entry) => _messages.GetValue(entry, static entry => entry switch
    {
        D.RecordedEvent recorded => new SubscriptionMessage
        {
            Event = new NotificationEvent
            {
                Sequence = (ulong)recorded.Sequence,
                EventType = recorded.Type.ToProto(),
                RecordedAt = Timestamp.FromDateTime(recorded.RecordedAt),
                Notification = recorded.Notification.ToProto(),
            },
        },
        ConsultationRecorded recorded => new SubscriptionMessage { ConsultationEvent = recorded.ToProto() },
        DirectLineRecorded recorded => new SubscriptionMessage { DirectLineEvent = recorded.ToProto() },
        AlertRecorded recorded => new SubscriptionMessage { AlertEvent = recorded.ToProto() },
        _ => throw new ArgumentOutOfRangeException(nameof(entry), entry.GetType().Name, null),
    });

    private static SubscriptionMessage Unreadable(D.LogEntry entry) => entry switch
    {
        D.UnreadableEvent unreadable => Message(unreadable),
        UnreadableConsultationEvent unreadable => new SubscriptionMessage
        {
            Unreadable = new Protocol.V1.UnreadableEvent
            {
                Sequence = (ulong)unreadable.Sequence,
                RecordedAt = Timestamp.FromDateTime(unreadable.RecordedAt),
                ConsultationId = unreadable.ConsultationId,
                ConsultationEventType = (Protocol.V1.ConsultationEventType)unreadable.Type,
                Version = (uint)unreadable.Version,
                Reason = unreadable.Reason,
            },
        },
        UnreadableDirectLineEvent unreadable => new SubscriptionMessage
        {
            Unreadable = new Protocol.V1.UnreadableEvent
            {
                Sequence = (ulong)unreadable.Sequence,
                RecordedAt = Timestamp.FromDateTime(unreadable.RecordedAt),
                DirectLineId = unreadable.DirectLineId,
                DirectLineEventType = (Protocol.V1.DirectLineEventType)unreadable.Type,
                Version = (uint)unreadable.Version,
                Reason = unreadable.Reason,
            },
        },
        UnreadableAlertEvent unreadable => new SubscriptionMessage
        {
            Unreadable = new Protocol.V1.UnreadableEvent
            {
                Sequence = (ulong)unreadable.Sequence,
                RecordedAt = Timestamp.FromDateTime(unreadable.RecordedAt),
                AlertId = unreadable.AlertId,
                AlertEventType = (Protocol.V1.AlertEventType)unreadable.Type,
                Version = (uint)unreadable.Version,
                Reason = unreadable.Reason,
            },
        },
        _ => throw new ArgumentOutOfRangeException(nameof(entry), entry.GetType().Name, null),
    };

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

    /// <summary>A consultation's event as parties receive it, or false when it cannot be rendered.</summary>
    public static bool TryRender(ConsultationRecorded recorded, [NotNullWhen(true)] out ConsultationEvent? rendered)
    {
        try
        {
            rendered = Message(recorded);
            return true;
        }
        catch (Exception e) when (IsRenderFailure(e))
        {
            rendered = null;
            return false;
        }
    }

    /// <summary>The consultation at this event's version, as the write rendered it; DATA_LOSS when it cannot be rendered.</summary>
    public static Protocol.V1.Consultation Render(ConsultationRecorded recorded) => TryRender(recorded, out var rendered)
        ? rendered.Consultation
        : throw ExchangeRuleException.Unreadable(Unrenderable(recorded, new InvalidOperationException("a value has no wire form")));

    /// <summary>An alert's event as parties receive it, or false when it cannot be rendered.</summary>
    public static bool TryRender(AlertRecorded recorded, [NotNullWhen(true)] out AlertEvent? rendered)
    {
        try
        {
            rendered = Rendered(recorded).AlertEvent;
            return true;
        }
        catch (Exception e) when (IsRenderFailure(e))
        {
            rendered = null;
            return false;
        }
    }

    /// <summary>The alert at this event's version, as the write rendered it; DATA_LOSS when it cannot be rendered.</summary>
    public static Protocol.V1.Alert Render(AlertRecorded recorded) => TryRender(recorded, out var rendered)
        ? rendered.Alert
        : throw ExchangeRuleException.Unreadable(Unrenderable(recorded, new InvalidOperationException("a value has no wire form")));

    /// <summary>The wire form of a stored notification, or why it has none.</summary>
    public static bool TryRender(D.Notification notification, [NotNullWhen(true)] out Notification? rendered, [NotNullWhen(false)] out string? reason)
    {
        try
        {
            rendered = notification.ToProto();
            reason = null;
            return true;
        }
        catch (Exception e) when (IsRenderFailure(e))
        {
            rendered = null;
            reason = Why(e);
            return false;
        }
    }

    /// <summary>The wire form of a stored notification; DATA_LOSS when it has none.</summary>
    public static Notification Render(D.Notification notification) => TryRender(notification, out var rendered, out var reason)
        ? rendered
        : throw new ExchangeRuleException(RuleViolationKind.DataLoss, $"{notification.Id} version {notification.Version} {reason}");

    /// <summary>The filer's answer: the form rendered in the write, or for a retry, the stored first answer.</summary>
    public static Notification Answer(FilingOutcome outcome)
    {
        try
        {
            return Message(outcome.Event).Event.Notification;
        }
        catch (Exception e) when (IsRenderFailure(e))
        {
            throw ExchangeRuleException.Unreadable(Unrenderable(outcome.Event, e));
        }
    }

    /// <summary>What a stream carries for an entry that cannot be rendered: the same entry, unreadable, with the same audience.</summary>
    public static D.LogEntry Unrenderable(D.LogEntry entry, Exception failure) => entry switch
    {
        D.RecordedEvent recorded => new D.UnreadableEvent(
            recorded.Sequence, recorded.Type, recorded.RecordedAt, recorded.Notification.Id, recorded.Notification.Version, recorded.Keys, Why(failure)),
        ConsultationRecorded recorded => new UnreadableConsultationEvent(
            recorded.Sequence, recorded.Type, recorded.RecordedAt, recorded.Consultation.Id, recorded.Consultation.Version, recorded.Audience, Why(failure)),
        DirectLineRecorded recorded => new UnreadableDirectLineEvent(
            recorded.Sequence, recorded.Type, recorded.RecordedAt, recorded.Line.Id, recorded.Line.Version, recorded.Audience, Why(failure)),
        AlertRecorded recorded => new UnreadableAlertEvent(
            recorded.Sequence, recorded.Type, recorded.RecordedAt, recorded.Alert.Id, recorded.Alert.Version, recorded.Audience, Why(failure)),
        _ => throw new ArgumentOutOfRangeException(nameof(entry), entry.GetType().Name, null),
    };

    private static string Why(Exception renderFailure) => $"it cannot be rendered: {renderFailure.Message}";
}

using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Output;

/// <summary>One line per subscription message, as watch and demo print them: "#SEQ WHAT ..."; null for heartbeats.</summary>
internal static class EventLines
{
    public static string? Describe(SubscriptionMessage message) => message.MessageCase switch
    {
        SubscriptionMessage.MessageOneofCase.Event =>
            $"#{message.Event.Sequence} {message.Event.EventType} {message.Event.Notification.Id} v{message.Event.Notification.Version} by {message.Event.Notification.FilingOperator}: {message.Event.Notification.Kind}",
        SubscriptionMessage.MessageOneofCase.AlertEvent =>
            $"#{message.AlertEvent.Sequence} ALERT {message.AlertEvent.EventType} {message.AlertEvent.Alert.Id} v{message.AlertEvent.Alert.Version} "
            + $"{message.AlertEvent.Alert.Primary?.Object?.NoradCatId} vs {message.AlertEvent.Alert.Secondary?.Object?.NoradCatId} TCA {Words.Time(message.AlertEvent.Alert.Tca)} "
            + $"miss {Words.Number(message.AlertEvent.Alert.MissDistanceM, "0")} m",
        SubscriptionMessage.MessageOneofCase.ConsultationEvent =>
            $"#{message.ConsultationEvent.Sequence} consultation {message.ConsultationEvent.Consultation?.Id} {message.ConsultationEvent.EventType} by {message.ConsultationEvent.Actor}",
        SubscriptionMessage.MessageOneofCase.DirectLineEvent =>
            $"#{message.DirectLineEvent.Sequence} direct line {message.DirectLineEvent.DirectLine?.Id} {message.DirectLineEvent.EventType}",
        SubscriptionMessage.MessageOneofCase.Unreadable =>
            $"#{message.Unreadable.Sequence} unreadable: {message.Unreadable.Reason}",
        SubscriptionMessage.MessageOneofCase.CaughtUp => $"-- live from sequence {message.CaughtUp.Sequence}",
        _ => null,
    };
}

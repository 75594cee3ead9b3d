using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Domain.Commands;

/// <summary>The notification as the command left it; <see cref="Replayed"/> when it answers a retry.</summary>
public sealed record FilingOutcome(RecordedEvent Event, bool Replayed)
{
    public Notification Notification => Event.Notification;
}

using MassTransit;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;
using NotificationExchange.FanOut;
using NotificationExchange.IntegrationEvents;

namespace NotificationExchange.Api.Bus;

/// <summary>
/// Feeds a batch of events recorded by another instance into this instance's live feed, in sequence order (so that the
/// feed reads nothing from the log that the batch itself carries). This instance's own batches come back through its
/// queue too: each of their events the feed already has is passed over by sequence (<see cref="BusEventOffer"/>),
/// without reading its snapshot. A batch is not dropped for its publisher's id: an outbox sweep publishes other
/// instances' orphaned events under the sweeper's, and a commit whose listeners failed left the feed without them.
/// </summary>
internal sealed class EventsRecordedConsumer(LiveFeed feed, INotificationLog log, ILogger<EventsRecordedConsumer> logger)
    : IConsumer<EventsRecorded>
{
    public async Task Consume(ConsumeContext<EventsRecorded> context)
    {
        var batch = context.Message;
        var events = new List<(long Sequence, Func<LogEntry> Read)>(
            batch.Notifications.Count + batch.Consultations.Count + batch.DirectLines.Count + batch.Alerts.Count);
        events.AddRange(batch.Notifications.Select(e => (e.Sequence, (Func<LogEntry>)e.ToRecordedEvent)));
        events.AddRange(batch.Consultations.Select(e => (e.Sequence, (Func<LogEntry>)e.ToRecordedEvent)));
        events.AddRange(batch.DirectLines.Select(e => (e.Sequence, (Func<LogEntry>)e.ToRecordedEvent)));
        events.AddRange(batch.Alerts.Select(e => (e.Sequence, (Func<LogEntry>)e.ToRecordedEvent)));
        events.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        foreach (var (sequence, read) in events)
        {
            await BusEventOffer.Offer(feed, log, logger, batch.StoreId, sequence, read);
        }
    }
}

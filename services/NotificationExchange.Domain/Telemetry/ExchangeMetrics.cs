using System.Diagnostics;
using System.Diagnostics.Metrics;
using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Domain.Telemetry;

/// <summary>
/// The figures operators ask about: how much is filed, how much is delivered, and how late. One meter for the whole
/// exchange, named <see cref="MeterName"/>.
/// </summary>
public sealed class ExchangeMetrics
{
    public const string MeterName = "NotificationExchange";
    public const string ActivitySourceName = "NotificationExchange";

    /// <summary>Spans for work the exchange does between a gRPC call and the bus (group commit, fan-out).</summary>
    public static readonly ActivitySource ActivitySource = new(ActivitySourceName);

    private readonly Counter<long> _eventsRecorded;
    private readonly Counter<long> _consultationEvents;
    private readonly Counter<long> _escalations;
    private readonly Counter<long> _eventsDelivered;
    private readonly Histogram<double> _deliveryLag;
    private readonly Counter<long> _eventsPublished;
    private readonly Counter<long> _publishFailures;
    private readonly Counter<long> _busParked;
    private readonly Counter<long> _streamsOverrun;
    private readonly UpDownCounter<long> _openStreams;
    private readonly UpDownCounter<long> _heldForStreams;
    private readonly Counter<long> _unreadable;
    private readonly Histogram<int> _commitBatchSize;
    private readonly Counter<long> _webhooksDelivered;
    private readonly Counter<long> _webhookAttemptsFailed;
    private readonly Counter<long> _webhooksGivenUp;
    private readonly Counter<long> _conversationMessages;
    private readonly Counter<long> _conversationDelivered;
    private readonly Histogram<double> _conversationLag;
    private readonly UpDownCounter<long> _conversationStreams;
    private readonly Counter<long> _alertEvents;
    private readonly Histogram<double> _screenDuration;
    private readonly Counter<long> _leavesAppended;
    private readonly Gauge<long> _treeSize;
    private readonly Counter<long> _headsSigned;
    private readonly Histogram<double> _signingLag;
    private readonly Counter<long> _auditRecords;
    private readonly Histogram<double> _auditWriteDuration;
    private readonly Counter<long> _rateLimitRefused;
    private readonly Histogram<double> _embargoReleaseDelay;

    public ExchangeMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _leavesAppended = meter.CreateCounter<long>("nx.transparency.leaves_appended", "{leaf}", "Log entries this instance appended to the transparency tree");
        _treeSize = meter.CreateGauge<long>("nx.transparency.tree_size", "{leaf}", "Leaves in the transparency tree, as this instance last built or signed it");
        _headsSigned = meter.CreateCounter<long>("nx.transparency.heads_signed", "{head}", "Tree heads this instance signed and stored");
        _signingLag = meter.CreateHistogram<double>("nx.transparency.signing_lag", "ms",
            "Time from the newest entry's recording to the first signed tree head that includes it");
        _eventsRecorded = meter.CreateCounter<long>("nx.events.recorded", "{event}", "Notification events committed to the log (filed, amended, cancelled, execution reported)");
        _consultationEvents = meter.CreateCounter<long>("nx.consultations.events", "{event}", "Consultation state changes committed to the log (requested, acknowledged, accepted, declined, escalated, closed...)");
        _escalations = meter.CreateCounter<long>("nx.consultations.escalations", "{counterpart}",
            "Counterparts escalated by this instance because they had not acknowledged a consultation by its deadline");
        _eventsDelivered = meter.CreateCounter<long>("nx.events.delivered", "{event}", "Events written to subscriber streams");
        _deliveryLag = meter.CreateHistogram<double>("nx.delivery.lag", "ms", "Time from an event's commit to its write on a live subscriber stream");
        _eventsPublished = meter.CreateCounter<long>("nx.outbox.published", "{event}", "Events the bus confirmed");
        _publishFailures = meter.CreateCounter<long>("nx.outbox.publish_failures", "{batch}", "Outbox batches that failed or timed out and will be retried");
        _busParked = meter.CreateCounter<long>("nx.bus.parked", "{message}",
            "Bus messages this instance could not consume (after its retries) or had no consumer for, moved to the parking queue; by message type and reason (faulted, skipped)");
        _streamsOverrun = meter.CreateCounter<long>("nx.streams.overrun", "{stream}", "Subscriber streams ended because they could not keep up");
        _openStreams = meter.CreateUpDownCounter<long>("nx.streams.open", "{stream}", "Subscriber streams open on this instance");
        _heldForStreams = meter.CreateUpDownCounter<long>("nx.streams.held", "{event}",
            "Live events held for subscriber streams: buffered, or written to a response and not yet flushed");
        _unreadable = meter.CreateCounter<long>("nx.log.unreadable", "{entry}", "Unreadable log entries sent to subscriber streams in place of their events");
        _commitBatchSize = meter.CreateHistogram<int>("nx.log.commit_batch_size", "{write}", "Writes committed together in one transaction");
        _webhooksDelivered = meter.CreateCounter<long>("nx.webhooks.delivered", "{delivery}", "Webhook deliveries a receiver answered 2xx");
        _webhookAttemptsFailed = meter.CreateCounter<long>("nx.webhooks.failed_attempts", "{attempt}",
            "Webhook attempts that did not deliver (another status, no answer, no secret to sign with)");
        _webhooksGivenUp = meter.CreateCounter<long>("nx.webhooks.given_up", "{delivery}", "Webhook deliveries given up after their last attempt failed");
        _conversationMessages = meter.CreateCounter<long>("nx.conversation.messages", "{message}", "Consultation conversation messages stored (a repeated client message id stores nothing)");
        _conversationDelivered = meter.CreateCounter<long>("nx.conversation.delivered", "{message}", "Conversation messages written to Converse streams");
        _conversationLag = meter.CreateHistogram<double>("nx.conversation.delivery_lag", "ms", "Time from a message's sending to its write on a live Converse stream (any instance)");
        _conversationStreams = meter.CreateUpDownCounter<long>("nx.conversation.streams", "{stream}", "Converse streams open on this instance");
        _alertEvents = meter.CreateCounter<long>("nx.alerts.events", "{event}",
            "Alert changes committed to the log (raised, updated, withdrawn, closed, acknowledged, intent conflict, escalated), with whether the approach is unannounced and whether the alert withholds a restricted notice");
        _embargoReleaseDelay = meter.CreateHistogram<double>("nx.embargoes.release_delay", "ms",
            "Time from an embargo's end to the commit of its release, on the instance that released it (once per embargo)");
        _screenDuration = meter.CreateHistogram<double>("nx.screening.duration", "ms", "Time to screen one notification version against the catalogue, by kind and outcome");
        _auditRecords = meter.CreateCounter<long>("nx.audit.records", "{record}", "Audit records written (one per audited call), by action and outcome");
        _auditWriteDuration = meter.CreateHistogram<double>("nx.audit.write_duration", "ms",
            "Time from queuing an audit record to its commit being durable (the call waits for it before its answer)");
        _rateLimitRefused = meter.CreateCounter<long>("nx.rate_limit.refused", "{call}",
            "Calls refused RESOURCE_EXHAUSTED because their caller was over its rate limit, by caller kind (organisation, anonymous) and reason");
    }

    public void Recorded(LogEntry entry)
    {
        switch (entry)
        {
            case RecordedEvent recorded:
                _eventsRecorded.Add(1, new KeyValuePair<string, object?>("kind", recorded.Keys.Kind.ToString()), new KeyValuePair<string, object?>("event_type", recorded.Type.ToString()));
                break;
            case Consultations.ConsultationRecorded recorded:
                _consultationEvents.Add(1, new KeyValuePair<string, object?>("event_type", recorded.Type.ToString()), new KeyValuePair<string, object?>("urgency", recorded.Consultation.Urgency.ToString()));
                break;
            case Alerts.AlertRecorded recorded:
                _alertEvents.Add(1, new KeyValuePair<string, object?>("event_type", recorded.Type.ToString()),
                    new KeyValuePair<string, object?>("unannounced", recorded.Alert.Unannounced is not null),
                    new KeyValuePair<string, object?>("notice_withheld", recorded.Alert.NoticeWithheld));
                break;
        }
    }

    public void Screened(NotificationKind kind, Alerts.ScreeningState outcome, TimeSpan elapsed) =>
        _screenDuration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("kind", kind.ToString()), new KeyValuePair<string, object?>("outcome", outcome.ToString()));

    /// <summary>One counterpart escalated (counted by the instance whose write escalated it, so once in all).</summary>
    public void Escalated(Consultations.ConsultationRecorded escalation) =>
        _escalations.Add(1, new KeyValuePair<string, object?>("urgency", escalation.Consultation.Urgency.ToString()));

    public void LeavesAppended(int count, long treeSize)
    {
        _leavesAppended.Add(count);
        _treeSize.Record(treeSize);
    }

    /// <summary>A head signed and stored; <paramref name="lag"/> is its newest entry's wait for it (none for the empty tree).</summary>
    public void HeadSigned(long treeSize, TimeSpan? lag)
    {
        _headsSigned.Add(1);
        _treeSize.Record(treeSize);
        if (lag is { } wait)
        {
            _signingLag.Record(Math.Max(0, wait.TotalMilliseconds));
        }
    }

    /// <summary>One embargo released, <paramref name="late"/> after it ended (counted by the instance whose write released it).</summary>
    public void EmbargoReleased(TimeSpan late) => _embargoReleaseDelay.Record(Math.Max(0, late.TotalMilliseconds));

    public void Delivered(int count) => _eventsDelivered.Add(count);

    public void DeliveryLag(TimeSpan lag) => _deliveryLag.Record(lag.TotalMilliseconds);

    public void Published(int count) => _eventsPublished.Add(count);

    public void PublishFailed() => _publishFailures.Add(1);

    /// <summary>
    /// One bus message parked; <paramref name="messageType"/> is an integration event's type name or "unknown" (a body
    /// that is not one), never free text from the message.
    /// </summary>
    public void BusMessageParked(string messageType, string reason) =>
        _busParked.Add(1, new KeyValuePair<string, object?>("message_type", messageType), new KeyValuePair<string, object?>("reason", reason));

    public void StreamOverrun() => _streamsOverrun.Add(1);

    public void StreamOpened() => _openStreams.Add(1);

    public void StreamClosed() => _openStreams.Add(-1);

    public void StreamHeld(int change) => _heldForStreams.Add(change);

    public void Unreadable() => _unreadable.Add(1);

    public void CommitBatch(int size) => _commitBatchSize.Record(size);

    public void WebhookDelivered(string eventKind) => _webhooksDelivered.Add(1, new KeyValuePair<string, object?>("event_kind", eventKind));

    public void WebhookAttemptFailed(string eventKind) => _webhookAttemptsFailed.Add(1, new KeyValuePair<string, object?>("event_kind", eventKind));

    public void WebhookGivenUp(string eventKind) => _webhooksGivenUp.Add(1, new KeyValuePair<string, object?>("event_kind", eventKind));

    public void ConversationMessageStored() => _conversationMessages.Add(1);

    public void ConversationDelivered() => _conversationDelivered.Add(1);

    public void ConversationDeliveryLag(TimeSpan lag) => _conversationLag.Record(lag.TotalMilliseconds);

    public void ConversationStreamOpened() => _conversationStreams.Add(1);

    public void ConversationStreamClosed() => _conversationStreams.Add(-1);

    public void Audited(Audit.AuditAction action, string outcome, TimeSpan writeDuration)
    {
        _auditRecords.Add(1, new KeyValuePair<string, object?>("action", action.ToString()), new KeyValuePair<string, object?>("outcome", outcome));
        _auditWriteDuration.Record(writeDuration.TotalMilliseconds);
    }

    /// <summary>A call refused for its rate limit; <paramref name="callerKind"/> is organisation or anonymous, never who.</summary>
    public void RateLimitRefused(string callerKind, string reason) =>
        _rateLimitRefused.Add(1, new KeyValuePair<string, object?>("caller_kind", callerKind), new KeyValuePair<string, object?>("reason", reason));
}

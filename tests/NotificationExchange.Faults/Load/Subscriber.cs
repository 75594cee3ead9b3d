using Grpc.Core;
using NotificationExchange.Client;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Faults.Load;

/// <summary>
/// One subscription followed as a careful client from the protos follows it: it resumes every new stream after the
/// last position it processed (never after the server's trailer), reconnects after any drop, moves on to the next
/// instance when one cannot be reached or has gone silent, and records every message that stands for a log entry
/// exactly as it arrived. It deliberately does not drop repeats or reorder (as the client library's watch does): the
/// checker must see what the exchange sent, so that a duplicate or a gap is the exchange's and is counted.
/// </summary>
public sealed class Subscriber(SubscriberSpec spec, string subscriptionId)
{
    private readonly Lock _gate = new();
    private readonly List<Delivery> _deliveries = [];
    private readonly HashSet<ulong> _received = [];
    private readonly List<string> _drops = [];
    private long _processed = -1;
    private int _caughtUp;

    public SubscriberSpec Spec { get; } = spec;
    public string SubscriptionId { get; } = subscriptionId;

    /// <summary>How many times a stream of this subscriber opened and announced it had caught up.</summary>
    public int CaughtUpCount => Volatile.Read(ref _caughtUp);

    public int Reconnects { get; private set; }

    /// <summary>Refusals the exchange should never give this subscriber (the subscription taken over, not found...).</summary>
    public List<string> Anomalies { get; } = [];

    public bool Has(ulong sequence)
    {
        lock (_gate)
        {
            return _received.Contains(sequence);
        }
    }

    public IReadOnlyList<Delivery> Deliveries()
    {
        lock (_gate)
        {
            return [.. _deliveries];
        }
    }

    /// <summary>Adds the latency of each of the run's filings that arrived between <paramref name="from"/> and
    /// <paramref name="until"/>, reading back from the newest (arrivals are recorded in order).</summary>
    public void CollectLatencies(DateTime from, DateTime until, List<Checking.LatencySample> into)
    {
        lock (_gate)
        {
            for (var i = _deliveries.Count - 1; i >= 0; i--)
            {
                var delivery = _deliveries[i];
                if (delivery.ReceivedAt < from)
                {
                    break;
                }
                if (delivery.ReceivedAt <= until && delivery.Marker is not null)
                {
                    into.Add(new Checking.LatencySample(delivery.ReceivedAt, delivery.Latency.TotalMilliseconds));
                }
            }
        }
    }

    public IReadOnlyList<string> Drops()
    {
        lock (_gate)
        {
            return [.. _drops];
        }
    }

    /// <summary>Follows the subscription until <paramref name="stop"/>; <paramref name="clients"/> holds this
    /// subscriber's organisation's client on each instance.</summary>
    public async Task RunAsync(IReadOnlyList<NxClient> clients, FilingContent content, Func<int> phase, TimeSpan stallTimeout, CancellationToken stop)
    {
        var instance = Spec.Instance;
        var backoff = TimeSpan.FromMilliseconds(100);
        while (!stop.IsCancellationRequested)
        {
            var progressed = false;
            var stalled = false;
            string reason;
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stop);
            var request = new SubscribeRequest { SubscriptionId = SubscriptionId };
            var resume = Interlocked.Read(ref _processed);
            if (resume >= 0)
            {
                request.ResumeAfterSequence = (ulong)resume;
            }
            try
            {
                using var call = clients[instance].Subscriptions.Raw.Subscribe(request, cancellationToken: attempt.Token);
                while (true)
                {
                    attempt.CancelAfter(stallTimeout);
                    if (!await call.ResponseStream.MoveNext(attempt.Token).ConfigureAwait(false))
                    {
                        break;
                    }
                    progressed |= Handle(call.ResponseStream.Current, content, phase());
                }
                reason = "the stream ended with OK";
            }
            catch (Exception e) when (e is RpcException or OperationCanceledException && !stop.IsCancellationRequested)
            {
                stalled = attempt.IsCancellationRequested;
                reason = stalled ? $"silent for {stallTimeout.TotalSeconds:0} s" : e is RpcException r ? $"{r.StatusCode}: {r.Status.Detail}" : e.Message;
                if (e is RpcException { StatusCode: StatusCode.NotFound or StatusCode.FailedPrecondition or StatusCode.PermissionDenied or StatusCode.Unauthenticated or StatusCode.InvalidArgument } refusal)
                {
                    lock (_gate)
                    {
                        Anomalies.Add($"{DateTime.UtcNow:HH:mm:ss.fff} instance {instance}: {refusal.StatusCode}: {refusal.Status.Detail}");
                    }
                }
            }
            catch (Exception e) when (e is RpcException or OperationCanceledException)
            {
                // stopped
                return;
            }
            lock (_gate)
            {
                Reconnects++;
                _drops.Add($"{DateTime.UtcNow:HH:mm:ss.fff} instance {instance}: {reason}");
            }
            if (!progressed || stalled)
            {
                // that instance is down or paused: try the next, a little later each time
                instance = (instance + 1) % clients.Count;
                try
                {
                    await Task.Delay(backoff, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                backoff = TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 2, 2000));
            }
            else
            {
                backoff = TimeSpan.FromMilliseconds(100);
            }
        }
    }

    /// <summary>Records a message; true when it brought a position (the stream made progress).</summary>
    private bool Handle(SubscriptionMessage message, FilingContent content, int phase)
    {
        var now = DateTime.UtcNow;
        Delivery? delivery = message.MessageCase switch
        {
            SubscriptionMessage.MessageOneofCase.Event => new Delivery(
                message.Event.Sequence, content.MarkerOf(message.Event.Notification),
                $"{message.Event.EventType} {message.Event.Notification.Id}", message.Event.RecordedAt.ToDateTime(), now, phase),
            SubscriptionMessage.MessageOneofCase.Unreadable => new Delivery(message.Unreadable.Sequence, null, $"unreadable: {message.Unreadable.Reason}", now, now, phase),
            SubscriptionMessage.MessageOneofCase.ConsultationEvent => new Delivery(message.ConsultationEvent.Sequence, null, "consultation event", now, now, phase),
            SubscriptionMessage.MessageOneofCase.DirectLineEvent => new Delivery(message.DirectLineEvent.Sequence, null, "direct line event", now, now, phase),
            SubscriptionMessage.MessageOneofCase.AlertEvent => new Delivery(message.AlertEvent.Sequence, null, "alert event", now, now, phase),
            _ => null,
        };
        if (delivery is not null)
        {
            lock (_gate)
            {
                _deliveries.Add(delivery);
                _received.Add(delivery.Sequence);
                if ((long)delivery.Sequence > _processed)
                {
                    Interlocked.Exchange(ref _processed, (long)delivery.Sequence);
                }
            }
            return true;
        }
        if (message.MessageCase == SubscriptionMessage.MessageOneofCase.CaughtUp)
        {
            lock (_gate)
            {
                if ((long)message.CaughtUp.Sequence > _processed)
                {
                    Interlocked.Exchange(ref _processed, (long)message.CaughtUp.Sequence);
                }
            }
            Interlocked.Increment(ref _caughtUp);
            return true;
        }
        return false;
    }
}

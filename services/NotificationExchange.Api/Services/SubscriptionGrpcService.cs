using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using NotificationExchange.Api.Authentication;
using NotificationExchange.Api.Mapping;
using NotificationExchange.Domain.Telemetry;
using NotificationExchange.FanOut;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Api.Services;

internal sealed class SubscriptionGrpcService(
    SubscriptionManager subscriptions,
    IHostApplicationLifetime lifetime,
    ExchangeMetrics metrics,
    TimeProvider clock) : SubscriptionService.SubscriptionServiceBase
{
    public const string ResumeAfterTrailer = "nx-resume-after";
    private const string ErrorDomain = "notification-exchange";
    private static readonly WriteOptions _buffered = new(WriteFlags.BufferHint);

    [MergesWireViolations]
    public override async Task<Protocol.V1.Subscription> CreateSubscription(CreateSubscriptionRequest request, ServerCallContext context)
    {
        var created = await subscriptions.CreateAsync(
            context.OperatorId(),
            request.Name,
            (request.Filter ?? new Protocol.V1.SubscriptionFilter()).ToDomain(),
            request.Start switch
            {
                Protocol.V1.StartPosition.Earliest => FanOut.StartPosition.Earliest,
                Protocol.V1.StartPosition.Latest or Protocol.V1.StartPosition.Unspecified => FanOut.StartPosition.Latest,
                // an unknown number stays unknown (never read as LATEST), and is refused with the request's other faults
                var unknown => (FanOut.StartPosition)(int)unknown,
            },
            WireValueInterceptor.Violations(context),
            context.CancellationToken);
        return created.ToProto();
    }

    public override async Task<Protocol.V1.Subscription> GetSubscription(GetSubscriptionRequest request, ServerCallContext context) =>
        (await subscriptions.GetOwnAsync(context.OperatorId(), request.SubscriptionId, context.CancellationToken)).ToProto();

    public override async Task<ListSubscriptionsResponse> ListSubscriptions(ListSubscriptionsRequest request, ServerCallContext context) =>
        new() { Subscriptions = { (await subscriptions.ListOwnAsync(context.OperatorId(), context.CancellationToken)).Select(s => s.ToProto()) } };

    public override async Task<DeleteSubscriptionResponse> DeleteSubscription(DeleteSubscriptionRequest request, ServerCallContext context)
    {
        await subscriptions.DeleteAsync(context.OperatorId(), request.SubscriptionId, context.CancellationToken);
        return new DeleteSubscriptionResponse();
    }

    public override async Task<AcknowledgeResponse> Acknowledge(AcknowledgeRequest request, ServerCallContext context)
    {
        var stored = await subscriptions.AcknowledgeAsync(
            context.OperatorId(), request.SubscriptionId, (long)Math.Min(request.Sequence, long.MaxValue), context.CancellationToken);
        return new AcknowledgeResponse { AcknowledgedSequence = (ulong)stored };
    }

    public override async Task Subscribe(SubscribeRequest request, IServerStreamWriter<SubscriptionMessage> responseStream, ServerCallContext context)
    {
        var subscription = await subscriptions.GetOwnAsync(context.OperatorId(), request.SubscriptionId, context.CancellationToken);
        var resumeAfter = request.HasResumeAfterSequence ? (long)Math.Min(request.ResumeAfterSequence, long.MaxValue) : subscription.AcknowledgedSequence;
        using var session = subscriptions.OpenStream(subscription, resumeAfter);
        // Reading stops at once when the stream must end; a write under way gets a grace period to finish, so that
        // a subscriber still reading receives the ending status rather than a reset.
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        using var writing = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping, session.EndingWriteGraceOver);
        var lastSent = resumeAfter;
        try
        {
            await foreach (var item in session.ReadAllAsync(reading.Token))
            {
                // Several waiting messages may go in one flush, but never more than the session allows: until flushed,
                // live events count against the stream's capacity (a slow reader is cut off, not buffered without end).
                var flush = !session.MayDeferFlush;
                responseStream.WriteOptions = flush ? null : _buffered;
                await responseStream.WriteAsync(item.ToMessage(), writing.Token);
                if (flush)
                {
                    session.Flushed();
                }
                switch (item)
                {
                    case StreamItem.Event delivered:
                        lastSent = delivered.Entry.Sequence;
                        metrics.Delivered(1);
                        if (delivered.Live)
                        {
                            metrics.DeliveryLag(clock.GetUtcNow().UtcDateTime - delivered.Entry.RecordedAt);
                        }
                        break;
                    case StreamItem.Unreadable unreadable:
                        lastSent = unreadable.Entry.Sequence;
                        metrics.Unreadable();
                        break;
                    case StreamItem.CaughtUp caughtUp:
                        lastSent = Math.Max(lastSent, caughtUp.Sequence);
                        break;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or StreamEndedException or InvalidOperationException
                                  && !context.CancellationToken.IsCancellationRequested)
        {
            throw EndOfStream(session.EndReason ?? e, lastSent);
        }
    }

    /// <summary>
    /// Why the stream ends, as a status the client can act on, with the last sequence this stream sent. The client
    /// resumes after the last sequence it processed, which may be lower (see subscriptions.proto).
    /// </summary>
    private RpcException EndOfStream(Exception reason, long lastSent)
    {
        var resume = $"resume after the last sequence you processed (this stream sent up to {lastSent})";
        var (code, errorReason, message) = reason switch
        {
            SubscriberTooSlowException slow => (Code.ResourceExhausted, "SUBSCRIBER_TOO_SLOW", $"{slow.Message}; {resume}"),
            SubscriptionDeletedException deleted => (Code.NotFound, "SUBSCRIPTION_DELETED", deleted.Message),
            // Not UNAVAILABLE: a client that retries blindly would take the subscription back from the newer stream.
            SubscriptionTakenOverException takenOver => (Code.FailedPrecondition, "SUBSCRIPTION_TAKEN_OVER",
                $"{takenOver.Message}; this stream ends. Reconnect only if this consumer is to take the subscription back, and {resume}"),
            _ when lifetime.ApplicationStopping.IsCancellationRequested =>
                (Code.Unavailable, "SERVER_SHUTTING_DOWN", $"this exchange instance is shutting down; reconnect and {resume}"),
            _ => (Code.Unavailable, "STREAM_ENDED", $"the stream ended ({reason.Message}); reconnect and {resume}"),
        };
        var position = lastSent.ToString(CultureInfo.InvariantCulture);
        var status = new Google.Rpc.Status
        {
            Code = (int)code,
            Message = message,
            Details = { Any.Pack(new ErrorInfo { Reason = errorReason, Domain = ErrorDomain, Metadata = { ["resume_after_sequence"] = position } }) },
        };
        var exception = status.ToRpcException();
        exception.Trailers.Add(ResumeAfterTrailer, position);
        return exception;
    }
}

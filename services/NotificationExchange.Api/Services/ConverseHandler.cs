using Grpc.Core;
using NotificationExchange.Api.Authentication;
using NotificationExchange.Api.Mapping;
using NotificationExchange.Consultations.Conversations;
using NotificationExchange.Domain.Consultations.Conversation;
using NotificationExchange.Domain.Telemetry;
using NotificationExchange.Domain.Validation;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Api.Services;

/// <summary>
/// One Converse call: the first client message opens the stream on a consultation; from then on two halves run side
/// by side. One writes the stream's items (replay, caught_up, live messages and receipts); the other takes the
/// party's messages and receipts, each answered once stored (`accepted` for a message). Writes to the response are
/// one at a time. A bad client message ends the call with its status; a party that stops sending (half-closes) still
/// receives until it cancels. On shutdown the call ends UNAVAILABLE, saying how far the stream got.
/// </summary>
internal sealed class ConverseHandler(ConversationService conversations, IHostApplicationLifetime lifetime, ExchangeMetrics metrics, TimeProvider clock)
{
    public async Task RunAsync(IAsyncStreamReader<ConverseRequest> requests, IServerStreamWriter<ConverseResponse> responses, ServerCallContext context)
    {
        var caller = context.OperatorId();
        using var call = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        ConversationStream opened;
        try
        {
            var open = await FirstAsync(requests, call.Token);
            opened = await conversations.OpenAsync(
                caller, open.ConsultationId, open.HasResumeAfterSequence ? (long)Math.Min(open.ResumeAfterSequence, long.MaxValue) : null, call.Token);
        }
        catch (OperationCanceledException) when (ShuttingDown(context))
        {
            throw Unavailable(0);
        }
        using var stream = opened;
        using var output = new SemaphoreSlim(1, 1);
        using var halves = CancellationTokenSource.CreateLinkedTokenSource(call.Token);
        var sending = SendAsync(stream, responses, output, halves.Token);
        var receiving = ReceiveAsync(requests, responses, output, caller, stream.ConsultationId, halves.Token);
        var ended = await Task.WhenAny(sending, receiving);
        if (ended == receiving && receiving.IsCompletedSuccessfully)
        {
            // The party has said all it will say; it still listens until it cancels.
            ended = sending;
        }
        try
        {
            await ended;
        }
        catch (OperationCanceledException) when (ShuttingDown(context))
        {
            throw Unavailable(stream.Position);
        }
        finally
        {
            // Neither half may outlive the call (nor touch the stream once it has left the hub).
            await halves.CancelAsync();
            await Task.WhenAll(sending, receiving).ContinueWith(static _ => { }, TaskScheduler.Default);
        }
    }

    private static async Task<ConverseOpen> FirstAsync(IAsyncStreamReader<ConverseRequest> requests, CancellationToken cancellationToken)
    {
        if (!await requests.MoveNext(cancellationToken))
        {
            throw ExchangeRuleException.Invalid("open", "is required: the stream ended before its first message, which must be open");
        }
        return requests.Current.KindCase == ConverseRequest.KindOneofCase.Open
            ? requests.Current.Open
            : throw ExchangeRuleException.Invalid("open", $"is required: the first message on a Converse stream must be open, not {Kind(requests.Current)}");
    }

    private async Task SendAsync(ConversationStream stream, IServerStreamWriter<ConverseResponse> responses, SemaphoreSlim output, CancellationToken cancellationToken)
    {
        await foreach (var item in stream.ReadAllAsync(cancellationToken))
        {
            await WriteAsync(responses, output, item switch
            {
                ConversationItem.Message message => new ConverseResponse { Message = message.Stored.ToProto() },
                ConversationItem.CaughtUp caughtUp => new ConverseResponse { CaughtUp = new ConversationCaughtUp { Sequence = (ulong)caughtUp.Sequence } },
                ConversationItem.Receipt receipt => new ConverseResponse { Receipt = receipt.Stored.ToProto() },
                _ => throw new ArgumentOutOfRangeException(nameof(item), item.GetType().Name, null),
            }, cancellationToken);
            if (item is ConversationItem.Message written)
            {
                metrics.ConversationDelivered();
                if (written.Live)
                {
                    metrics.ConversationDeliveryLag(clock.GetUtcNow().UtcDateTime - written.Stored.SentAt);
                }
            }
        }
    }

    private async Task ReceiveAsync(
        IAsyncStreamReader<ConverseRequest> requests, IServerStreamWriter<ConverseResponse> responses, SemaphoreSlim output,
        string caller, string consultationId, CancellationToken cancellationToken)
    {
        while (await requests.MoveNext(cancellationToken))
        {
            var request = requests.Current;
            switch (request.KindCase)
            {
                case ConverseRequest.KindOneofCase.Say:
                    var posted = await conversations.SayAsync(caller, consultationId, ConversationValidation.Check(request.Say.ToDraft()), cancellationToken);
                    await WriteAsync(responses, output, new ConverseResponse
                    {
                        Accepted = new MessageAccepted { ClientMessageId = posted.Message.ClientMessageId, Sequence = (ulong)posted.Message.Sequence },
                    }, cancellationToken);
                    break;
                case ConverseRequest.KindOneofCase.Receipt:
                    await conversations.MoveReceiptAsync(caller, consultationId, request.Receipt.DeliveredThrough, request.Receipt.ReadThrough, cancellationToken);
                    break;
                case ConverseRequest.KindOneofCase.Open:
                    throw ExchangeRuleException.Invalid("open", $"is allowed only as the first message; this stream is open on {consultationId} already (open another stream for another consultation)");
                default:
                    throw ExchangeRuleException.Invalid("kind", "is required: one of open, say, receipt");
            }
        }
    }

    private static async Task WriteAsync(IServerStreamWriter<ConverseResponse> responses, SemaphoreSlim output, ConverseResponse response, CancellationToken cancellationToken)
    {
        await output.WaitAsync(cancellationToken);
        try
        {
            await responses.WriteAsync(response, cancellationToken);
        }
        finally
        {
            output.Release();
        }
    }

    private static string Kind(ConverseRequest request) => request.KindCase switch
    {
        ConverseRequest.KindOneofCase.Say => "say",
        ConverseRequest.KindOneofCase.Receipt => "receipt",
        _ => "an empty message",
    };

    private bool ShuttingDown(ServerCallContext context) => lifetime.ApplicationStopping.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested;

    private static RpcException Unavailable(long position) => new(new Status(StatusCode.Unavailable,
        $"this exchange instance is shutting down; reconnect and resume after the last sequence you processed (this stream sent up to {position})"));
}

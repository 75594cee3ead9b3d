using Grpc.Core;
using Grpc.Core.Interceptors;
using Google.Protobuf;

namespace NotificationExchange.Api.Audit;

/// <summary>
/// Records every audited call (see <see cref="AuditedCalls"/>) once it has ended, whatever its outcome, before its
/// answer leaves: the outermost interceptor, so that it sees the status the client will see. A Converse stream is
/// recorded once, when it ends, with the consultation its first message opened.
/// </summary>
internal sealed class AuditInterceptor(AuditRecorder recorder) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (AuditedCalls.Find(context.Method) is not { } call)
        {
            return await continuation(request, context);
        }
        TResponse response;
        try
        {
            response = await continuation(request, context);
        }
        catch (Exception e)
        {
            await recorder.RecordAsync(call, context.GetHttpContext(), context.Method, request as IMessage, null, Outcome(e, context));
            throw;
        }
        await recorder.RecordAsync(call, context.GetHttpContext(), context.Method, request as IMessage, response as IMessage, StatusCode.OK);
        return response;
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (AuditedCalls.Find(context.Method) is not { } call)
        {
            await continuation(requestStream, responseStream, context);
            return;
        }
        var reader = new FirstMessageReader<TRequest>(requestStream);
        try
        {
            await continuation(reader, responseStream, context);
        }
        catch (Exception e)
        {
            await recorder.RecordAsync(call, context.GetHttpContext(), context.Method, reader.First as IMessage, null, Outcome(e, context));
            throw;
        }
        await recorder.RecordAsync(call, context.GetHttpContext(), context.Method, reader.First as IMessage, null, StatusCode.OK);
    }

    /// <summary>The status the client gets for a call that threw: an RpcException's, CANCELLED for a call the client
    /// gave up, and UNKNOWN for anything else (what grpc-dotnet answers).</summary>
    private static StatusCode Outcome(Exception exception, ServerCallContext context) => exception switch
    {
        RpcException rpc => rpc.StatusCode,
        OperationCanceledException when context.CancellationToken.IsCancellationRequested => StatusCode.Cancelled,
        _ => StatusCode.Unknown,
    };

    /// <summary>Passes a stream's messages on, keeping the first (which names what the stream is about).</summary>
    private sealed class FirstMessageReader<T>(IAsyncStreamReader<T> inner) : IAsyncStreamReader<T>
    {
        public T? First { get; private set; }

        public T Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            var moved = await inner.MoveNext(cancellationToken);
            if (moved && First is null)
            {
                First = inner.Current;
            }
            return moved;
        }
    }
}

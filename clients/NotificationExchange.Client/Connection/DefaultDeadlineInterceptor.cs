using Grpc.Core;
using Grpc.Core.Interceptors;

namespace NotificationExchange.Client.Connection;

/// <summary>Gives every unary call without a deadline of its own one of <paramref name="timeout"/> from now, so that no
/// call waits forever on an exchange that stopped answering. Streaming calls are left alone: a subscription or a
/// conversation lives until it is closed, and its reconnection has its own backoff. The deadline is read from the
/// system clock, the one gRPC measures deadlines on (a fake clock of the application's would give wrong ones).</summary>
internal sealed class DefaultDeadlineInterceptor(TimeSpan timeout) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithDeadline(context));

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, BlockingUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithDeadline(context));

    private ClientInterceptorContext<TRequest, TResponse> WithDeadline<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class
        where TResponse : class =>
        context.Options.Deadline is not null
            ? context
            : new ClientInterceptorContext<TRequest, TResponse>(
                context.Method, context.Host, context.Options.WithDeadline(DateTime.UtcNow + timeout));
}

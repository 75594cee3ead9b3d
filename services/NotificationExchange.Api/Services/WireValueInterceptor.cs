using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Api.Services;

/// <summary>
/// Refuses every request carrying a value the exchange cannot hold (see <see cref="WireValues"/>), with
/// INVALID_ARGUMENT naming every such value. Such a value must never reach the domain: it would be stored as something
/// else, or stored and then fail every read. A method marked <see cref="MergesWireViolationsAttribute"/> is called
/// all the same, to name the request's other bad fields in the same answer; it must refuse the request, and if it did
/// not, the interceptor refuses it (and reports the bug).
/// </summary>
internal sealed class WireValueInterceptor(ILogger<WireValueInterceptor> logger) : Interceptor
{
    private const string Key = "nx.wire-violations";

    /// <summary>The wire violations of the current request; empty when there are none.</summary>
    public static IReadOnlyList<FieldViolation> Violations(ServerCallContext context) =>
        context.UserState.TryGetValue(Key, out var violations) ? (IReadOnlyList<FieldViolation>)violations : [];

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var violations = Check(request, context);
        var response = await continuation(request, context);
        RefuseIfAny(violations, context);
        return response;
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var violations = Check(request, context);
        await continuation(request, responseStream, context);
        RefuseIfAny(violations, context);
    }

    /// <summary>
    /// A client stream's messages are checked as the method reads them, each refused at once: no method merges them,
    /// since the messages before it may have been acted on already.
    /// </summary>
    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(new CheckedReader<TRequest>(requestStream), responseStream, context);

    /// <summary>Refuses the request unless its method merges the violations itself; then hands them over.</summary>
    private static ValidationErrors? Check<TRequest>(TRequest request, ServerCallContext context)
    {
        if (request is not IMessage message)
        {
            return null;
        }
        var errors = new ValidationErrors();
        WireValues.Check(message, errors);
        if (!errors.Any)
        {
            return null;
        }
        if (context.GetHttpContext().GetEndpoint()?.Metadata.GetMetadata<MergesWireViolationsAttribute>() is null)
        {
            errors.ThrowIfAny();
        }
        context.UserState[Key] = errors.Violations;
        return errors;
    }

    private sealed class CheckedReader<TRequest>(IAsyncStreamReader<TRequest> inner) : IAsyncStreamReader<TRequest>
    {
        public TRequest Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (!await inner.MoveNext(cancellationToken))
            {
                return false;
            }
            if (inner.Current is IMessage message)
            {
                var errors = new ValidationErrors();
                WireValues.Check(message, errors);
                errors.ThrowIfAny();
            }
            return true;
        }
    }

    private void RefuseIfAny(ValidationErrors? violations, ServerCallContext context)
    {
        if (violations is not null)
        {
            // The method should have refused the request itself: a bug, but never a reason to answer as if accepted.
            logger.LogError("{Method} handled a request despite its wire violations; refusing it now", context.Method);
            violations.ThrowIfAny();
        }
    }
}

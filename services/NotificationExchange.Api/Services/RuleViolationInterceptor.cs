using System.Data.Common;
using System.Text;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Api.Services;

/// <summary>
/// Turns the domain's refusals into gRPC statuses: INVALID_ARGUMENT with a google.rpc.BadRequest naming every bad
/// field, NOT_FOUND, PERMISSION_DENIED, FAILED_PRECONDITION, ABORTED, ALREADY_EXISTS, and DATA_LOSS for
/// something stored that cannot be read back. A store that cannot be reached or is busy (a database error that says
/// it is transient: PostgreSQL restarting, a dropped connection, SQLite's lock held too long) answers UNAVAILABLE, which
/// clients retry (with the same request id, answered as the first time); any other database error INTERNAL. Never
/// UNKNOWN.
/// </summary>
internal sealed class RuleViolationInterceptor(ILogger<RuleViolationInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            NulCharacterFields.Refuse(request);
            return await continuation(request, context);
        }
        catch (ExchangeRuleException e)
        {
            throw ToRpcException(e);
        }
        catch (DbException e)
        {
            throw StoreFailure(e, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            NulCharacterFields.Refuse(request);
            await continuation(request, responseStream, context);
        }
        catch (ExchangeRuleException e)
        {
            throw ToRpcException(e);
        }
        catch (DbException e)
        {
            throw StoreFailure(e, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(new NulCheckedStreamReader<TRequest>(requestStream), responseStream, context);
        }
        catch (ExchangeRuleException e)
        {
            throw ToRpcException(e);
        }
        catch (DbException e)
        {
            throw StoreFailure(e, context);
        }
    }

    /// <summary>
    /// What one answer may carry: field violations up to <see cref="MaxViolationBytes"/> of text (then one more saying
    /// how many were left out), each text and the status message at most <see cref="MaxText"/> characters. A status
    /// travels in HTTP/2 trailers (the details base64-encoded), which clients refuse past a limit (64 KB in .NET's), so
    /// an unbounded list (10,000 bad catalogue numbers in a filter, a value of a megabyte quoted back) would turn a
    /// clear refusal into a transport error. The domain and the CCSDS reader keep their own lists shorter; this is the
    /// bound for all of them.
    /// </summary>
    public const int MaxViolationBytes = 24_000;

    public const int MaxText = 600;

    public static RpcException ToRpcException(ExchangeRuleException exception)
    {
        var status = new Google.Rpc.Status
        {
            Code = (int)(exception.Kind switch
            {
                RuleViolationKind.InvalidArgument => Code.InvalidArgument,
                RuleViolationKind.NotFound => Code.NotFound,
                RuleViolationKind.PermissionDenied => Code.PermissionDenied,
                RuleViolationKind.FailedPrecondition => Code.FailedPrecondition,
                RuleViolationKind.Aborted => Code.Aborted,
                RuleViolationKind.AlreadyExists => Code.AlreadyExists,
                RuleViolationKind.DataLoss => Code.DataLoss,
                _ => Code.Internal,
            }),
            Message = Bounded(exception.Message),
        };
        var violations = exception.Violations;
        if (violations.Count > 0)
        {
            var badRequest = new BadRequest();
            var bytes = 0;
            foreach (var violation in violations)
            {
                var listed = new BadRequest.Types.FieldViolation { Field = Bounded(violation.Field), Description = Bounded(violation.Description) };
                bytes += Encoding.UTF8.GetByteCount(listed.Field) + Encoding.UTF8.GetByteCount(listed.Description);
                if (bytes > MaxViolationBytes)
                {
                    var left = violations.Count - badRequest.FieldViolations.Count;
                    badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation
                    {
                        Field = listed.Field,
                        Description = $"and {left} more violations not listed here (this one among them); fix those above and send again",
                    });
                    break;
                }
                badRequest.FieldViolations.Add(listed);
            }
            status.Details.Add(Any.Pack(badRequest));
        }
        return status.ToRpcException();
    }

    private RpcException StoreFailure(DbException exception, ServerCallContext context)
    {
        if (MayRetry(exception))
        {
            logger.LogWarning("{Method}: the store cannot be reached ({Error}); answered UNAVAILABLE", context.Method, exception.Message);
        }
        else
        {
            logger.LogError(exception, "{Method}: the store failed; answered INTERNAL", context.Method);
        }
        return ToRpcException(exception);
    }

    /// <summary>A store's failure as the client sees it: UNAVAILABLE when retrying may succeed, INTERNAL otherwise; never the database's own message.</summary>
    public static RpcException ToRpcException(DbException exception) => MayRetry(exception)
        ? new RpcException(new Grpc.Core.Status(StatusCode.Unavailable, "the exchange's store cannot be reached at the moment; retry (with the same request id)"))
        : new RpcException(new Grpc.Core.Status(StatusCode.Internal, "the exchange's store failed; the failure is logged"));

    /// <summary>
    /// Whether the store may answer a retry: what the provider calls transient (Npgsql: the server unreachable,
    /// restarting or shutting down, too many connections), and SQLite's lock still held when the busy timeout ran out
    /// (Microsoft.Data.Sqlite does not call that transient).
    /// </summary>
    private static bool MayRetry(DbException exception) =>
        exception.IsTransient || exception is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 /* SQLITE_BUSY */ or 6 /* SQLITE_LOCKED */ };

    private static string Bounded(string text)
    {
        if (text.Length <= MaxText)
        {
            return text;
        }
        var cut = char.IsHighSurrogate(text[MaxText - 2]) ? MaxText - 2 : MaxText - 1;
        return text[..cut] + "…";
    }
}

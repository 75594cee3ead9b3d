using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Api.Services;

/// <summary>
/// Turns the domain's refusals into gRPC statuses: INVALID_ARGUMENT with a google.rpc.BadRequest naming every bad
/// field, NOT_FOUND, PERMISSION_DENIED, FAILED_PRECONDITION, ABORTED, ALREADY_EXISTS, and DATA_LOSS for
/// something stored that cannot be read back.
/// </summary>
internal sealed class RuleViolationInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (ExchangeRuleException e)
        {
            throw ToRpcException(e);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (ExchangeRuleException e)
        {
            throw ToRpcException(e);
        }
    }

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
            Message = exception.Message,
        };
        if (exception.Violations.Count > 0)
        {
            var badRequest = new BadRequest();
            badRequest.FieldViolations.AddRange(exception.Violations.Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }));
            status.Details.Add(Any.Pack(badRequest));
        }
        return status.ToRpcException();
    }
}

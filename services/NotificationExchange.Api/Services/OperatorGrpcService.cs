using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using NotificationExchange.Api.Authentication;
using NotificationExchange.Api.Mapping;
using NotificationExchange.Domain.Operators;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Validation;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Api.Services;

internal sealed class OperatorGrpcService(IOperatorDirectory directory, OperatorKeyCache keys, TimeProvider clock) : OperatorService.OperatorServiceBase
{
    [Authorize(Roles = CallerExtensions.AdministratorRole)]
    public override async Task<CreateOperatorResponse> CreateOperator(CreateOperatorRequest request, ServerCallContext context)
    {
        var contact = request.Contact?.ToDomain();
        var errors = new ValidationErrors();
        OperatorAccountValidation.Validate(request.OperatorId, request.DisplayName, contact, errors);
        errors.ThrowIfAny();

        var account = new OperatorAccount(request.OperatorId, request.DisplayName.Trim(), contact, request.Administrator, clock.GetUtcNow().UtcDateTime);
        var key = ApiKeys.Generate();
        await directory.CreateAsync(account, ApiKeys.Hash(key), context.CancellationToken);
        return new CreateOperatorResponse { Operator = account.ToProto(), ApiKey = key };
    }

    [Authorize(Roles = CallerExtensions.AdministratorRole)]
    public override async Task<ListOperatorsResponse> ListOperators(ListOperatorsRequest request, ServerCallContext context) =>
        new() { Operators = { (await directory.ListAsync(context.CancellationToken)).Select(a => a.ToProto()) } };

    [Authorize(Roles = CallerExtensions.AdministratorRole)]
    public override async Task<RotateApiKeyResponse> RotateApiKey(RotateApiKeyRequest request, ServerCallContext context)
    {
        var key = ApiKeys.Generate();
        if (!await directory.ReplaceKeyAsync(request.OperatorId, ApiKeys.Hash(key), context.CancellationToken))
        {
            throw ExchangeRuleException.NotFound($"operator {request.OperatorId}");
        }
        keys.Forget(request.OperatorId);
        return new RotateApiKeyResponse { ApiKey = key };
    }

    public override async Task<Operator> WhoAmI(WhoAmIRequest request, ServerCallContext context) =>
        (await directory.GetAsync(context.OperatorId(), context.CancellationToken)
            ?? throw ExchangeRuleException.NotFound($"operator {context.OperatorId()}")).ToProto();
}

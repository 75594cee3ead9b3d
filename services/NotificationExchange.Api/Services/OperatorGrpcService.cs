using System.Buffers.Text;
using System.Text;
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
    // A directory page token: this version byte, then the UTF-8 id of the last organisation on the page before.
    private const byte PageTokenVersion = 1;

    [Authorize(Roles = CallerExtensions.AdministratorRole)]
    [MergesWireViolations]
    public override async Task<CreateOperatorResponse> CreateOperator(CreateOperatorRequest request, ServerCallContext context)
    {
        var errors = new ValidationErrors(WireValueInterceptor.Violations(context));
        var profile = OperatorAccountValidation.Validate(request.OperatorId, request.ToProfile(), request.Contact?.ToDomain(), errors);
        errors.ThrowIfAny();

        var now = clock.GetUtcNow().UtcDateTime;
        var account = new OperatorAccount(request.OperatorId, profile.Normalized(), request.Administrator, now, now);
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

    // The request names no organisation: a caller can only ever replace its own entry.
    [MergesWireViolations]
    public override async Task<DirectoryEntry> UpdateProfile(UpdateProfileRequest request, ServerCallContext context)
    {
        var errors = new ValidationErrors(WireValueInterceptor.Violations(context));
        var profile = request.ToProfile();
        OrganizationProfileValidation.Validate(profile, errors);
        errors.ThrowIfAny();

        var updated = await directory.UpdateProfileAsync(context.OperatorId(), profile.Normalized(), clock.GetUtcNow().UtcDateTime, context.CancellationToken)
            ?? throw ExchangeRuleException.NotFound($"operator {context.OperatorId()}");
        // the display name is a claim of the caller's cached identity
        keys.Forget(updated.Id);
        return updated.ToDirectoryEntry();
    }

    [MergesWireViolations]
    public override async Task<ListDirectoryResponse> ListDirectory(ListDirectoryRequest request, ServerCallContext context)
    {
        var errors = new ValidationErrors(WireValueInterceptor.Violations(context));
        var listing = request.ToDomain();
        listing.Validate(errors);
        string? after = null;
        if (request.PageToken.Length > 0)
        {
            after = DecodePageToken(request.PageToken);
            if (after is null)
            {
                errors.Add("page_token", "is not a token this service issued");
            }
        }
        errors.ThrowIfAny();

        var page = await directory.ListDirectoryAsync(listing.ToQuery(after), context.CancellationToken);
        return new ListDirectoryResponse
        {
            Entries = { page.Accounts.Select(a => a.ToDirectoryEntry()) },
            NextPageToken = page.NextAfterId is { } next ? EncodePageToken(next) : "",
        };
    }

    public override async Task<DirectoryEntry> GetDirectoryEntry(GetDirectoryEntryRequest request, ServerCallContext context) =>
        (await directory.GetAsync(request.OrganizationId, context.CancellationToken)
            ?? throw ExchangeRuleException.NotFound($"organization {Quoted.Value(request.OrganizationId)}")).ToDirectoryEntry();

    private static string EncodePageToken(string afterId) => Base64Url.EncodeToString([PageTokenVersion, .. Encoding.UTF8.GetBytes(afterId)]);

    private static string? DecodePageToken(string token)
    {
        var bytes = new byte[Base64Url.GetMaxDecodedLength(token.Length)];
        if (Base64Url.DecodeFromChars(token, bytes, out _, out var written) != System.Buffers.OperationStatus.Done
            || written < 1 || bytes[0] != PageTokenVersion)
        {
            return null;
        }
        var id = Encoding.UTF8.GetString(bytes, 1, written - 1);
        return OperatorAccount.IsValidId(id) ? id : null;
    }
}

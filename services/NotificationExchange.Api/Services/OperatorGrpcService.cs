using System.Text;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using NotificationExchange.Api.Authentication;
using NotificationExchange.Api.Bus;
using NotificationExchange.Api.Mapping;
using NotificationExchange.Domain.Operators;
using NotificationExchange.Domain.Operators.Credentials;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Validation;
using NotificationExchange.Domain.Webhooks;
using NotificationExchange.Protocol.V1;
using ApiKey = NotificationExchange.Domain.Operators.Credentials.ApiKey;

namespace NotificationExchange.Api.Services;

// webhooks: which webhook URLs contact points may give (the dispatcher calls by the same policy). The credentials'
// calls are in OperatorGrpcService.Credentials.cs.
internal sealed partial class OperatorGrpcService(
    IOperatorDirectory directory, ICredentialStore credentials, IWebhookStore webhookStore, WebhookUrlPolicy webhooks, CredentialCache keys,
    CredentialRevocations revocations, TimeProvider clock)
    : OperatorService.OperatorServiceBase
{
    // A directory page token's position is the UTF-8 id of the last organisation on the page before.
    private const byte PageTokenFormat = 1;

    [Authorize(Roles = CallerExtensions.AdministratorRole)]
    [MergesWireViolations]
    public override async Task<CreateOperatorResponse> CreateOperator(CreateOperatorRequest request, ServerCallContext context)
    {
        var errors = new ValidationErrors(WireValueInterceptor.Violations(context));
        var profile = OperatorAccountValidation.Validate(request.OperatorId, request.ToProfile(), request.Contact?.ToDomain(), webhooks, errors);
        errors.ThrowIfAny();

        var now = clock.GetUtcNow().UtcDateTime;
        var account = new OperatorAccount(request.OperatorId, profile.Normalized(), request.Administrator, now, now);
        var key = ApiKeys.Generate();
        var first = new ApiKey(CredentialIds.NewKeyId(), account.Id, null, now, null, null, null);
        await directory.CreateAsync(account, first, ApiKeys.Hash(key), context.CancellationToken);
        // the creator is answered what it gave, webhooks included
        return new CreateOperatorResponse { Operator = account.ToOwnProto(), ApiKey = key, ApiKeyId = first.Id };
    }

    [Authorize(Roles = CallerExtensions.AdministratorRole)]
    public override async Task<ListOperatorsResponse> ListOperators(ListOperatorsRequest request, ServerCallContext context) =>
        new() { Operators = { (await directory.ListAsync(context.CancellationToken)).Select(a => a.ToProto()) } };

    [Authorize(Roles = CallerExtensions.AdministratorRole)]
    public override async Task<RotateApiKeyResponse> RotateApiKey(RotateApiKeyRequest request, ServerCallContext context)
    {
        var key = ApiKeys.Generate();
        var now = clock.GetUtcNow().UtcDateTime;
        var replacing = new ApiKey(CredentialIds.NewKeyId(), request.OperatorId, null, now, null, null, null);
        var revoked = await directory.ReplaceKeyAsync(replacing, ApiKeys.Hash(key), context.CancellationToken)
            ?? throw ExchangeRuleException.NotFound($"operator {Quoted.Value(request.OperatorId)}");
        await revocations.AnnounceAsync(revoked, now);
        return new RotateApiKeyResponse { ApiKey = key, ApiKeyId = replacing.Id };
    }

    public override async Task<Operator> WhoAmI(WhoAmIRequest request, ServerCallContext context) =>
        (await directory.GetAsync(context.OperatorId(), context.CancellationToken)
            ?? throw ExchangeRuleException.NotFound($"operator {context.OperatorId()}")).ToOwnProto();

    // The request names no organisation: a caller can only ever replace its own entry.
    [MergesWireViolations]
    public override async Task<DirectoryEntry> UpdateProfile(UpdateProfileRequest request, ServerCallContext context)
    {
        var errors = new ValidationErrors(WireValueInterceptor.Violations(context));
        var profile = request.ToProfile();
        OrganizationProfileValidation.Validate(profile, webhooks, errors);
        errors.ThrowIfAny();

        var updated = await directory.UpdateProfileAsync(context.OperatorId(), profile.Normalized(), clock.GetUtcNow().UtcDateTime, context.CancellationToken)
            ?? throw ExchangeRuleException.NotFound($"operator {context.OperatorId()}");
        // the display name is a claim of the caller's cached identity
        keys.ForgetOrganization(updated.Id);
        // the caller's own entry: its webhooks are shown to it, and to nobody else
        return updated.ToOwnDirectoryEntry();
    }

    [MergesWireViolations]
    public override async Task<ListDirectoryResponse> ListDirectory(ListDirectoryRequest request, ServerCallContext context)
    {
        var errors = new ValidationErrors(WireValueInterceptor.Violations(context));
        var listing = request.ToDomain();
        listing.Validate(errors);
        var after = PageTokens.Read(request.PageToken, PageTokenFormat, p => OperatorAccount.IsValidId(Encoding.UTF8.GetString(p)), errors) is { } position
            ? Encoding.UTF8.GetString(position)
            : null;
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

    // The request names no organisation: a caller can only ever rotate its own secret. The secret is kept as issued
    // (not hashed): the exchange signs with it.
    public override async Task<RotateWebhookSecretResponse> RotateWebhookSecret(RotateWebhookSecretRequest request, ServerCallContext context)
    {
        var secret = WebhookSecrets.Generate();
        if (!await webhookStore.ReplaceWebhookSecretAsync(context.OperatorId(), secret, context.CancellationToken))
        {
            throw ExchangeRuleException.NotFound($"operator {context.OperatorId()}");
        }
        return new RotateWebhookSecretResponse { WebhookSecret = secret };
    }

    private static string EncodePageToken(string afterId) => PageTokens.Encode(PageTokenFormat, Encoding.UTF8.GetBytes(afterId));
}

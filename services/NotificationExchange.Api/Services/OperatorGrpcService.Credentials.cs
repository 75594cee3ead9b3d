using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using NotificationExchange.Api.Authentication;
using NotificationExchange.Api.Mapping;
using NotificationExchange.Domain.Operators;
using NotificationExchange.Domain.Operators.Credentials;
using NotificationExchange.Domain.Validation;
using NotificationExchange.Protocol.V1;
using ApiKey = NotificationExchange.Domain.Operators.Credentials.ApiKey;

namespace NotificationExchange.Api.Services;

// Credentials: an organisation's API keys (its own; any organisation's for administrators) and client certificate
// registrations (administrators only). A key or registration the caller may not see is NOT_FOUND, as one that does
// not exist: nothing is revealed of credentials the caller does not hold.
internal sealed partial class OperatorGrpcService
{
    [MergesWireViolations]
    public override async Task<IssueApiKeyResponse> IssueApiKey(IssueApiKeyRequest request, ServerCallContext context)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var command = request.ToCommand();
        CredentialValidation.Validate(command, now, WireValueInterceptor.Violations(context));
        var holder = KeyHolder(command.OperatorId, context);

        var secret = ApiKeys.Generate();
        var key = new ApiKey(CredentialIds.NewKeyId(), holder, command.Label, now, command.ExpiresAt, null, null);
        var issued = await credentials.IssueKeyAsync(key, ApiKeys.Hash(secret), command.RequestId, context.CancellationToken)
            ?? throw ExchangeRuleException.NotFound($"operator {Quoted.Value(holder)}");
        return issued.IsNew
            ? new IssueApiKeyResponse { Key = key.ToProto(), ApiKey = secret }
            : throw new ExchangeRuleException(RuleViolationKind.AlreadyExists,
                $"request {Quoted.Value(command.RequestId)} issued API key {issued.Credential.Id} already; a key is shown once: "
                + $"if that answer was lost, revoke {issued.Credential.Id} and issue another with a new request id");
    }

    [MergesWireViolations]
    public override async Task<ListApiKeysResponse> ListApiKeys(ListApiKeysRequest request, ServerCallContext context)
    {
        var errors = new ValidationErrors(WireValueInterceptor.Violations(context));
        CredentialValidation.OptionalOrganizationId("operator_id", request.OperatorId, errors);
        errors.ThrowIfAny();
        var holder = await ExistingAsync(KeyHolder(request.OperatorId, context), context.CancellationToken);
        return new ListApiKeysResponse { Keys = { (await credentials.ListKeysAsync(holder, context.CancellationToken)).Select(k => k.ToProto()) } };
    }

    [MergesWireViolations]
    public override async Task<Protocol.V1.ApiKey> RevokeApiKey(RevokeApiKeyRequest request, ServerCallContext context)
    {
        var errors = new ValidationErrors(WireValueInterceptor.Violations(context));
        CredentialIds.ValidateKeyId("key_id", request.KeyId, errors);
        errors.ThrowIfAny();

        var notFound = ExchangeRuleException.NotFound($"API key {request.KeyId}");
        var key = await credentials.GetKeyAsync(request.KeyId, context.CancellationToken) ?? throw notFound;
        if (key.OperatorId != context.OperatorId() && !context.IsAdministrator())
        {
            throw notFound;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var revoked = await credentials.RevokeKeyAsync(key.Id, now, context.CancellationToken) ?? throw notFound;
        await revocations.AnnounceAsync([revoked.Id], revoked.RevokedAt ?? now);
        return revoked.ToProto();
    }

    [Authorize(Roles = CallerExtensions.AdministratorRole)]
    [MergesWireViolations]
    public override async Task<ClientCertificate> RegisterClientCertificate(RegisterClientCertificateRequest request, ServerCallContext context)
    {
        var command = CredentialValidation.Validate(request.ToCommand(), WireValueInterceptor.Violations(context));
        var mapping = new ClientCertificateMapping(
            CredentialIds.NewCertificateId(), command.OperatorId, command.Thumbprint, command.Subject, command.Label, clock.GetUtcNow().UtcDateTime, null);
        var registered = await credentials.RegisterCertificateAsync(mapping, command.RequestId, context.CancellationToken)
            ?? throw ExchangeRuleException.NotFound($"operator {Quoted.Value(command.OperatorId)}");
        return registered.Credential.ToProto();
    }

    [Authorize(Roles = CallerExtensions.AdministratorRole)]
    [MergesWireViolations]
    public override async Task<ListClientCertificatesResponse> ListClientCertificates(ListClientCertificatesRequest request, ServerCallContext context)
    {
        var errors = new ValidationErrors(WireValueInterceptor.Violations(context));
        CredentialValidation.OptionalOrganizationId("operator_id", request.OperatorId, errors);
        errors.ThrowIfAny();
        var named = WireScalars.Text(request.OperatorId) is { } id ? await ExistingAsync(id, context.CancellationToken) : null;
        var listed = await credentials.ListCertificatesAsync(named, context.CancellationToken);
        return new ListClientCertificatesResponse { Certificates = { listed.Select(c => c.ToProto()) } };
    }

    [Authorize(Roles = CallerExtensions.AdministratorRole)]
    [MergesWireViolations]
    public override async Task<ClientCertificate> RevokeClientCertificate(RevokeClientCertificateRequest request, ServerCallContext context)
    {
        var errors = new ValidationErrors(WireValueInterceptor.Violations(context));
        CredentialIds.ValidateCertificateId("certificate_id", request.CertificateId, errors);
        errors.ThrowIfAny();

        var now = clock.GetUtcNow().UtcDateTime;
        var revoked = await credentials.RevokeCertificateAsync(request.CertificateId, now, context.CancellationToken)
            ?? throw ExchangeRuleException.NotFound($"client certificate {request.CertificateId}");
        await revocations.AnnounceAsync([revoked.Id], revoked.RevokedAt ?? now);
        return revoked.ToProto();
    }

    /// <summary>An organisation a listing names, NOT_FOUND when there is none, as IssueApiKey answers for it (an empty
    /// list would say that it exists and holds nothing).</summary>
    private async Task<string> ExistingAsync(string operatorId, CancellationToken cancellationToken) =>
        await directory.GetAsync(operatorId, cancellationToken) is not null
            ? operatorId
            : throw ExchangeRuleException.NotFound($"operator {Quoted.Value(operatorId)}");

    /// <summary>
    /// Whose keys a call is about: the caller's own when it names none (or itself); another organisation's only for
    /// an administrator. Organisations are public (the directory), so anyone else naming another is refused as such,
    /// not told that it does not exist.
    /// </summary>
    private static string KeyHolder(string named, ServerCallContext context)
    {
        var caller = context.OperatorId();
        return named.Length == 0 || named == caller ? caller
            : context.IsAdministrator() ? named
            : throw new ExchangeRuleException(RuleViolationKind.PermissionDenied,
                $"only administrators manage another organisation's keys; {Quoted.Value(caller)} may manage its own (leave operator_id empty)");
    }
}

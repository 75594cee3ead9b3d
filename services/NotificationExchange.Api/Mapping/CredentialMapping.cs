using NotificationExchange.Domain.Operators.Credentials;
using P = NotificationExchange.Protocol.V1;

namespace NotificationExchange.Api.Mapping;

/// <summary>Credentials between the wire and the domain, field by field; nothing is checked here (<see cref="CredentialValidation"/> does).</summary>
internal static class CredentialMapping
{
    /// <summary>What anyone allowed to list a key sees of it: never the key nor its hash.</summary>
    public static P.ApiKey ToProto(this ApiKey key) => new()
    {
        KeyId = key.Id,
        OperatorId = key.OperatorId,
        Label = key.Label ?? "",
        CreatedAt = WireScalars.ToTimestamp(key.CreatedAt),
        ExpiresAt = WireScalars.ToTimestamp(key.ExpiresAt),
        RevokedAt = WireScalars.ToTimestamp(key.RevokedAt),
        LastUsedAt = WireScalars.ToTimestamp(key.LastUsedAt),
    };

    public static P.ClientCertificate ToProto(this ClientCertificateMapping mapping) => new()
    {
        CertificateId = mapping.Id,
        OperatorId = mapping.OperatorId,
        Thumbprint = mapping.Thumbprint ?? "",
        Subject = mapping.Subject ?? "",
        Label = mapping.Label ?? "",
        CreatedAt = WireScalars.ToTimestamp(mapping.CreatedAt),
        RevokedAt = WireScalars.ToTimestamp(mapping.RevokedAt),
    };

    /// <summary>The command of an IssueApiKey call; an empty operator_id stays empty (the service reads it as the caller's own).</summary>
    public static IssueApiKeyCommand ToCommand(this P.IssueApiKeyRequest request) =>
        new(request.RequestId, request.OperatorId, WireScalars.Text(request.Label), WireScalars.Time(request.ExpiresAt));

    public static RegisterClientCertificateCommand ToCommand(this P.RegisterClientCertificateRequest request) =>
        new(request.RequestId, request.OperatorId, WireScalars.Text(request.Thumbprint), WireScalars.Text(request.Subject), WireScalars.Text(request.Label));
}

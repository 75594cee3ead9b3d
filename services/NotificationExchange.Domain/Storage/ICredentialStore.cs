using NotificationExchange.Domain.Operators.Credentials;

namespace NotificationExchange.Domain.Storage;

/// <summary>
/// Organisations' credentials: API keys (by the SHA-256 of the key; the key itself is never stored) and the client
/// certificate registrations that map certificates to organisations. Revocation is final: a revoked credential is
/// never made usable again (the configured administrator key is the one exception: see
/// <see cref="IOperatorDirectory.EnsureAdministratorAsync"/>).
/// </summary>
public interface ICredentialStore
{
    /// <summary>The key with this hash and its organisation, whether it still works or not (the caller says why not); null when unknown.</summary>
    Task<ApiKeyHolder?> FindKeyAsync(byte[] keyHash, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a new key for <see cref="ApiKey.OperatorId"/>, unless the organisation already has a key issued under
    /// <paramref name="requestId"/>: then that key, not new. Null when there is no such organisation.
    /// </summary>
    Task<Issued<ApiKey>?> IssueKeyAsync(ApiKey key, byte[] keyHash, string requestId, CancellationToken cancellationToken);

    /// <summary>An organisation's keys, revoked and expired ones too, in order of creation.</summary>
    Task<IReadOnlyList<ApiKey>> ListKeysAsync(string operatorId, CancellationToken cancellationToken);

    Task<ApiKey?> GetKeyAsync(string keyId, CancellationToken cancellationToken);

    /// <summary>Revokes a key at <paramref name="at"/> (a key revoked before keeps its first revocation time); the key as it now is, or null when unknown.</summary>
    Task<ApiKey?> RevokeKeyAsync(string keyId, DateTime at, CancellationToken cancellationToken);

    /// <summary>Records when keys were used; a time earlier than the one recorded leaves it.</summary>
    Task RecordKeyUseAsync(IReadOnlyDictionary<string, DateTime> lastUsed, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a registration, unless one was made for the same organisation under <paramref name="requestId"/>: then
    /// that one. Null when there is no such organisation. An unrevoked registration of the same thumbprint or subject
    /// is <see cref="Validation.RuleViolationKind.AlreadyExists"/>: a certificate maps to one organisation.
    /// </summary>
    Task<Issued<ClientCertificateMapping>?> RegisterCertificateAsync(ClientCertificateMapping mapping, string requestId, CancellationToken cancellationToken);

    /// <summary>Registrations (of one organisation, or all when null), revoked ones too, in order of creation.</summary>
    Task<IReadOnlyList<ClientCertificateMapping>> ListCertificatesAsync(string? operatorId, CancellationToken cancellationToken);

    /// <summary>Revokes a registration (keeping a first revocation time); as it now is, or null when unknown.</summary>
    Task<ClientCertificateMapping?> RevokeCertificateAsync(string mappingId, DateTime at, CancellationToken cancellationToken);

    /// <summary>The unrevoked registration of this thumbprint, else of this subject, with its organisation; null when neither is registered.</summary>
    Task<ClientCertificateHolder?> FindCertificateAsync(string thumbprint, string subject, CancellationToken cancellationToken);
}

using NotificationExchange.Domain.Operators;

namespace NotificationExchange.Domain.Storage;

public interface IOperatorDirectory
{
    Task<OperatorAccount?> FindByKeyHashAsync(byte[] keyHash, CancellationToken cancellationToken);

    Task<OperatorAccount?> GetAsync(string operatorId, CancellationToken cancellationToken);

    Task<IReadOnlyList<OperatorAccount>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Creates an operator; <see cref="Validation.RuleViolationKind.AlreadyExists"/> when the id is taken.</summary>
    Task CreateAsync(OperatorAccount account, byte[] keyHash, CancellationToken cancellationToken);

    /// <summary>Replaces an operator's key; false when there is no such operator.</summary>
    Task<bool> ReplaceKeyAsync(string operatorId, byte[] keyHash, CancellationToken cancellationToken);

    /// <summary>Makes sure the configured administrator exists with this key (the bootstrap account).</summary>
    Task EnsureAdministratorAsync(OperatorAccount account, byte[] keyHash, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces an operator's profile whole and sets when it was updated, leaving its key, administrator flag and
    /// creation time; the account as it now is, or null when there is no such operator.
    /// </summary>
    Task<OperatorAccount?> UpdateProfileAsync(string operatorId, OrganizationProfile profile, DateTime updatedAt, CancellationToken cancellationToken);

    /// <summary>A page of the directory, in order of id.</summary>
    Task<DirectoryPage> ListDirectoryAsync(DirectoryQuery query, CancellationToken cancellationToken);
}

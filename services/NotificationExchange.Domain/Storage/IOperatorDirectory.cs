using NotificationExchange.Domain.Operators;
using NotificationExchange.Domain.Operators.Credentials;

namespace NotificationExchange.Domain.Storage;

public interface IOperatorDirectory
{
    Task<OperatorAccount?> GetAsync(string operatorId, CancellationToken cancellationToken);

    Task<IReadOnlyList<OperatorAccount>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Creates an operator with its first key; <see cref="Validation.RuleViolationKind.AlreadyExists"/> when the id is
    /// taken.
    /// </summary>
    Task CreateAsync(OperatorAccount account, ApiKey firstKey, byte[] keyHash, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a new key of <see cref="ApiKey.OperatorId"/> and revokes its other keys at the new key's creation time,
    /// in one transaction; the ids of the keys revoked, or null when there is no such operator.
    /// </summary>
    Task<IReadOnlyList<string>?> ReplaceKeyAsync(ApiKey key, byte[] keyHash, CancellationToken cancellationToken);

    /// <summary>
    /// Makes sure the configured administrator exists, is an administrator, and answers to this key (the bootstrap
    /// account): the key is stored, or made usable again if it was revoked, and the keys of earlier configurations
    /// (the other keys labelled <paramref name="key"/>'s label) are revoked. The ids of the keys revoked.
    /// </summary>
    Task<IReadOnlyList<string>> EnsureAdministratorAsync(OperatorAccount account, ApiKey key, byte[] keyHash, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces an operator's profile whole and sets when it was updated, leaving its key, administrator flag and
    /// creation time; the account as it now is, or null when there is no such operator.
    /// </summary>
    Task<OperatorAccount?> UpdateProfileAsync(string operatorId, OrganizationProfile profile, DateTime updatedAt, CancellationToken cancellationToken);

    /// <summary>A page of the directory, in order of id.</summary>
    Task<DirectoryPage> ListDirectoryAsync(DirectoryQuery query, CancellationToken cancellationToken);
}

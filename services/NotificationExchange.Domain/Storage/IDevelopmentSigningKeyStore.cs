namespace NotificationExchange.Domain.Storage;

/// <summary>
/// Where a host with no configured signing key for the transparency log (any environment but Production, which
/// requires one) keeps the key it generated, so that the key survives restarts and every instance on the store signs
/// with the same one: beside the SQLite file, or in the PostgreSQL database that all instances share.
/// </summary>
public interface IDevelopmentSigningKeyStore
{
    /// <summary>Where the key is kept, for the log and for error messages.</summary>
    string DevelopmentKeyLocation { get; }

    /// <summary>
    /// The stored key (PEM). When none is stored yet, stores what <paramref name="generatePem"/> makes first; of several
    /// instances starting at once one key is stored, and every one of them gets that one.
    /// </summary>
    string GetOrAddDevelopmentSigningKey(Func<string> generatePem);
}

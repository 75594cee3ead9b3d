namespace NotificationExchange.Api.Transparency;

/// <summary>Exchange:Transparency: the verifiable log (docs/transparency.md).</summary>
public sealed class TransparencyOptions
{
    public const string Section = "Exchange:Transparency";

    /// <summary>Commitments, the tree and signing; off only to measure what they cost (the service then refuses).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the tree follows the log and a head is signed when it has grown.</summary>
    public TimeSpan SignInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The ECDSA P-256 private key heads are signed with: PEM text, or the path of a PEM file. Required in Production;
    /// elsewhere a key is generated once and kept by the store (<see cref="NotificationExchange.Domain.Storage.IDevelopmentSigningKeyStore"/>:
    /// beside the SQLite file, or in the PostgreSQL database).
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>The log's name, the second line of every signed head; by default "notification-exchange/&lt;store id&gt;".</summary>
    public string? Origin { get; set; }

    /// <summary>How long the tree builder's lease on the log lasts without renewal (another instance takes over after it).</summary>
    public TimeSpan BuilderLease { get; set; } = TimeSpan.FromSeconds(15);
}

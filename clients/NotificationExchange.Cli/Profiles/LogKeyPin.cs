namespace NotificationExchange.Cli.Profiles;

/// <summary>The transparency log key nxc trusts for one exchange: its origin, the public key (PEM) and its id
/// (SHA-256 of the key, hex), as `nxc log key` pinned it.</summary>
internal sealed record LogKeyPin(string Origin, string PublicKeyPem, string KeyId);

namespace NotificationExchange.IntegrationEvents;

/// <summary>
/// API keys or client certificate registrations revoked on one exchange instance (committed already). Every other
/// instance forgets what it remembered of them, so that they stop working there within a second. Published directly,
/// not through the outbox: one lost is bounded by each instance's cache lifetime (a few seconds).
/// </summary>
public sealed record CredentialsRevoked
{
    /// <summary>The store the credentials live in; consumers ignore messages of another deployment.</summary>
    public required Guid StoreId { get; init; }

    /// <summary>The instance that revoked them; it has forgotten them already.</summary>
    public required string InstanceId { get; init; }

    /// <summary>Key ids (KEY-...) and certificate registration ids (CRT-...).</summary>
    public required IReadOnlyList<string> CredentialIds { get; init; }

    public required DateTime RevokedAt { get; init; }
}

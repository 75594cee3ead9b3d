namespace NotificationExchange.Domain.Operators.Credentials;

/// <summary>
/// One of an organisation's API keys as the exchange knows it: never the key itself (only its hash is stored), but
/// what its holder may see of it. A key works from its creation until it expires or is revoked, whichever is first.
/// <see cref="LastUsedAt"/> is coarse (see <see cref="ApiKeyUse.Precision"/>) and null for a key not yet used.
/// </summary>
public sealed record ApiKey(
    string Id, string OperatorId, string? Label, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt)
{
    /// <summary>Why a presented key does not authenticate at <paramref name="now"/>, or null when it does.</summary>
    public string? RefusalAt(DateTime now) =>
        RevokedAt is { } revoked ? $"API key {Id} was revoked at {Instant(revoked)}"
        : ExpiresAt is { } expires && expires <= now ? $"API key {Id} expired at {Instant(expires)}"
        : null;

    private static string Instant(DateTime at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}

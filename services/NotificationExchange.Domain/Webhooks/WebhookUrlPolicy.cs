namespace NotificationExchange.Domain.Webhooks;

/// <summary>
/// Which webhook URLs the exchange accepts and calls: https only, unless <see cref="AllowInsecureLoopback"/> lets
/// plain http reach this machine (tests and development: a receiver on localhost without a certificate). The host
/// makes one from its configuration (Exchange:Webhooks:AllowInsecureLoopback); the profile rules and the dispatcher
/// both take that one, so that what is accepted and what is called cannot drift apart.
/// </summary>
public sealed record WebhookUrlPolicy(bool AllowInsecureLoopback)
{
    /// <summary>https only: the policy wherever nothing configured another.</summary>
    public static WebhookUrlPolicy HttpsOnly { get; } = new(false);
}

namespace NotificationExchange.Exchange.Tests.Support;

/// <summary>
/// A POST a <see cref="WebhookReceiver"/> received: its path, the headers the exchange promises, the body's exact
/// bytes, and what the receiver made of the signature (<see cref="SignedAt"/> is its t, when it parsed).
/// </summary>
internal sealed record ReceivedWebhook(
    string Path, string? ContentType, string? DeliveryId, string? EventKind, string? Signature, byte[] Body, bool SignatureValid, long? SignedAt);

using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Domain.Commands;

/// <summary>A request the exchange has answered: the digest of what it asked for, and the event it recorded.</summary>
public sealed record RememberedRequest(byte[] Fingerprint, RecordedEvent First);

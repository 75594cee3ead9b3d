using NotificationExchange.Client.Streams;

namespace NotificationExchange.Client.Services;

public sealed partial class ConsultationsApi
{
    /// <summary>A consultation's conversation that reconnects by itself (see <see cref="ResilientConversation"/>);
    /// nothing is sent until <see cref="ResilientConversation.ReadAllAsync"/> is enumerated.
    /// <see cref="WatchOptions.Acknowledge"/> does not apply: receipts are the caller's to send.</summary>
    public ResilientConversation Converse(string consultationId, WatchOptions? options = null) =>
        new(Raw, consultationId, options ?? new WatchOptions());
}

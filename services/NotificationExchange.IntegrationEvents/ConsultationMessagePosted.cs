namespace NotificationExchange.IntegrationEvents;

/// <summary>
/// A consultation's conversation message stored by one exchange instance. Every instance's hub then reads from the
/// store what its streams of that consultation lack, up to this sequence. Published directly after the commit, not
/// through the outbox: the store holds the message, and a lost announcement is made up for by the next one or by each
/// instance's periodic look at the store.
/// </summary>
public sealed record ConsultationMessagePosted
{
    /// <summary>The store the message was stored in; consumers ignore messages of another deployment.</summary>
    public required Guid StoreId { get; init; }

    public required string ConsultationId { get; init; }

    /// <summary>The message's sequence within its consultation (1, 2, 3, ...; contiguous and in commit order).</summary>
    public required long Sequence { get; init; }
}

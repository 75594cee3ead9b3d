namespace NotificationExchange.IntegrationEvents;

/// <summary>
/// A party's receipt in a consultation's conversation moved forward, as stored. Every instance passes it to the other
/// parties' streams of that consultation. Published directly after the commit, not through the outbox: a lost one is
/// made up for by a later one or by each instance's periodic look at the store.
/// </summary>
public sealed record ConsultationReceiptMoved
{
    /// <summary>The store the receipt was stored in; consumers ignore messages of another deployment.</summary>
    public required Guid StoreId { get; init; }

    public required string ConsultationId { get; init; }

    public required string OrganizationId { get; init; }

    /// <summary>Every message up to this sequence reached the party.</summary>
    public required long DeliveredThrough { get; init; }

    /// <summary>The party has read every message up to this sequence.</summary>
    public required long ReadThrough { get; init; }

    public required DateTime UpdatedAt { get; init; }
}

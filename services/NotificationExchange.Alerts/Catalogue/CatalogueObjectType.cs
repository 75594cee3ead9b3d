namespace NotificationExchange.Alerts.Catalogue;

/// <summary>What a catalogued object is, as Space-Track and CelesTrak classify it (their OBJECT_TYPE values).</summary>
public enum CatalogueObjectType
{
    Payload,
    RocketBody,
    Debris,
    /// <summary>The source says it does not know (UNKNOWN, TBA).</summary>
    Unknown,
}

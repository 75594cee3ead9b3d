namespace NotificationExchange.Ccsds.Syntax;

internal enum KvnTokenKind
{
    KeyValue,
    Comment,
    /// <summary>A block marker such as META_START or COVARIANCE_STOP.</summary>
    Marker,
    DataLine,
}

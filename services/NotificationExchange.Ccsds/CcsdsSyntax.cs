namespace NotificationExchange.Ccsds;

/// <summary>KVN text or NDM/XML.</summary>
public enum CcsdsSyntax
{
    Kvn,
    Xml,
}

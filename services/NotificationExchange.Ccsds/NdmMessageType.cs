namespace NotificationExchange.Ccsds;

/// <summary>The five Navigation Data Messages this library reads and writes.</summary>
public enum NdmMessageType
{
    Opm,
    Omm,
    Oem,
    Ocm,
    Cdm,
}

namespace NotificationExchange.Ccsds;

public enum NdmMessageType
{
    Opm,
    Omm,
    Oem,
    Ocm,
    Cdm,
}

using NotificationExchange.Ccsds.Odm;

namespace NotificationExchange.Ccsds.Opm;

/// <summary>OPM metadata.</summary>
public sealed class OpmMetadata : OdmObjectMetadata;

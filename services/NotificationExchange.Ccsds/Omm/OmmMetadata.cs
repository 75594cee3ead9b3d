using NotificationExchange.Ccsds.Odm;

namespace NotificationExchange.Ccsds.Omm;

/// <summary>OMM metadata.</summary>
public sealed class OmmMetadata : OdmObjectMetadata
{
    public OmmMetadata()
    {
        RefFrame = "TEME";
    }

    /// <summary>SGP/SGP4, SGP4, SGP4-XP, DSST, USM, ...</summary>
    public string MeanElementTheory { get; set; } = "SGP4";
}

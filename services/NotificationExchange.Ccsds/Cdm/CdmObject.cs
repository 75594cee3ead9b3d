namespace NotificationExchange.Ccsds.Cdm;

/// <summary>One of the two objects of a conjunction.</summary>
public sealed class CdmObject
{
    public CdmObjectMetadata Metadata { get; set; } = new();
    public CdmOdParameters? OdParameters { get; set; }
    public CdmAdditionalParameters? AdditionalParameters { get; set; }
    public CdmStateVector StateVector { get; set; } = new();
    /// <summary>Mandatory in 508.0-B-1; null when not known (such a CDM reads back only with <see cref="CcsdsReadOptions.AllowMissingCdmCovariance"/>).</summary>
    public CdmCovariance? Covariance { get; set; }
}

namespace NotificationExchange.Ccsds.Ocm;

/// <summary>An OCM covariance section: a time history of covariance matrices of COV_TYPE, ordered by COV_ORDERING (LTM by default).</summary>
public sealed class OcmCovariance : CcsdsBlock
{
    public string? CovId { get; set; }
    public string? CovPrevId { get; set; }
    public string? CovNextId { get; set; }
    public string? CovBasis { get; set; }
    public string? CovBasisId { get; set; }
    public string? CovRefFrame { get; set; }
    public CcsdsTime? CovFrameEpoch { get; set; }
    public double? CovScaleMin { get; set; }
    public double? CovScaleMax { get; set; }
    public double? CovConfidence { get; set; }
    public string? CovType { get; set; }
    /// <summary>LTM (default), UTM, FULL, LTMWCC or UTMWCC.</summary>
    public string? CovOrdering { get; set; }
    public List<string>? CovUnits { get; set; }
    public List<OcmStateLine> Lines { get; set; } = [];
}

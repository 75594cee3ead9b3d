namespace NotificationExchange.Ccsds;

/// <summary>Deliberate leniencies a caller may ask for; the default reads strictly.</summary>
public sealed record CcsdsReadOptions
{
    public static CcsdsReadOptions Strict { get; } = new();

    /// <summary>Accept an empty or absent CREATION_DATE and ORIGINATOR (CelesTrak's OMM XML leaves both empty).</summary>
    public bool AllowEmptyHeader { get; init; }

    /// <summary>Accept a CDM object without covariance (508.0-B-1 makes it mandatory; this library's writer omits it when unknown).</summary>
    public bool AllowMissingCdmCovariance { get; init; }
}

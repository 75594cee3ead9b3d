using NotificationExchange.Ccsds.Syntax;

namespace NotificationExchange.Ccsds;

/// <summary>Any block of a message: it carries the COMMENT lines written at its start.</summary>
public abstract class CcsdsBlock
{
    private SourceLocation? _location;
    private Dictionary<string, SourceLocation>? _keywordLocations;

    public List<string> Comments { get; set; } = [];

    /// <summary>Where a reader found this block (for an OEM ephemeris line, the line); null for a block built in code.</summary>
    public SourceLocation? Location => _location;

    /// <summary>Where a reader found the value of <paramref name="keyword"/> in this block; null when it was not read from a message.</summary>
    public SourceLocation? LocationOf(string keyword) => _keywordLocations?.GetValueOrDefault(keyword);

    internal void Locate(SourceLocation location) => _location = location;

    internal void Locate(string keyword, SourceLocation location) => (_keywordLocations ??= [])[keyword] = location;

    /// <summary>Takes an entry no keyword of the block claims (user-defined parameters); false leaves it an unknown keyword.</summary>
    internal virtual bool AcceptUnknown(Entry entry, ReadContext context) => false;

    /// <summary>Writes what the keyword map does not cover (user-defined parameters).</summary>
    internal virtual void WriteExtra(Node node)
    {
    }
}

/// <summary>KVN text or NDM/XML.</summary>
public enum CcsdsSyntax
{
    Kvn,
    Xml,
}

/// <summary>Deliberate leniencies a caller may ask for; the default reads strictly.</summary>
public sealed record CcsdsReadOptions
{
    public static CcsdsReadOptions Strict { get; } = new();

    /// <summary>Accept an empty or absent CREATION_DATE and ORIGINATOR (CelesTrak's OMM XML leaves both empty).</summary>
    public bool AllowEmptyHeader { get; init; }

    /// <summary>Accept a CDM object without covariance (508.0-B-1 makes it mandatory; this library's writer omits it when unknown).</summary>
    public bool AllowMissingCdmCovariance { get; init; }
}

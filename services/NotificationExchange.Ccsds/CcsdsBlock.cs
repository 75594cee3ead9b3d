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

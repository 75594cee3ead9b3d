namespace NotificationExchange.Ccsds.Syntax;

/// <summary>
/// One KEYWORD = value [unit] line, or one XML element with text (and a units attribute). Without a raw text the
/// value is taken as written (XML, whose unit is an attribute).
/// </summary>
internal sealed class Entry(string keyword, string value, string? unit, SourceLocation location, string? raw = null, bool unitIsAttribute = false)
{
    public string Keyword { get; } = keyword;

    /// <summary>The value without its unit.</summary>
    public string Value { get; } = value;

    /// <summary>The unit in brackets (KVN) or the units attribute (XML); null when none is given.</summary>
    public string? Unit { get; } = unit;

    public SourceLocation Location { get; } = location;

    /// <summary>
    /// The value exactly as written: for KVN with the bracketed text that <see cref="Unit"/> took, which is part of a
    /// text value ("POS[3], VEL[3]") or a list ("[km, km/s]"); for XML the element's text.
    /// </summary>
    public string Raw { get; } = raw ?? value;

    /// <summary>Whether the unit came from an XML units attribute rather than from brackets, which are part of <see cref="Raw"/>.</summary>
    public bool UnitIsAttribute { get; } = unitIsAttribute;

    /// <summary>The same entry with another value (and raw text), its unit and where it came from kept.</summary>
    public Entry WithValue(string newValue) => new(Keyword, newValue, Unit, Location, newValue, UnitIsAttribute);
}

namespace NotificationExchange.Ccsds.Syntax;

/// <summary>
/// The syntax-neutral form of a message that both KVN and XML are read into and written from: a tree of blocks named
/// as the XML schema names them (header, segment, metadata, data, stateVector, ...), each holding comments, keyword
/// entries, data lines and child blocks in order. One binder per message type works on it, so a KVN file and its XML
/// twin are checked by the same rules and give the same content.
/// </summary>
internal sealed class Node(string name, SourceLocation location)
{
    public string Name { get; } = name;

    public SourceLocation Location { get; set; } = location;

    public List<string> Comments { get; } = [];

    /// <summary>Entries, child nodes and data lines, in source order.</summary>
    public List<object> Items { get; } = [];

    /// <summary>XML attributes of a message root (id, version); the KVN reader fills them from the CCSDS_xxx_VERS line.</summary>
    public Dictionary<string, string> Attributes { get; } = [];

    /// <summary>When set, the KVN writer frames this block with NAME_START and NAME_STOP lines.</summary>
    public string? KvnMarker { get; set; }

    /// <summary>The XML element name of this block's data lines (trajLine, covLine, manLine).</summary>
    public string? LineElement { get; set; }

    public IEnumerable<Entry> Entries => Items.OfType<Entry>();

    public IEnumerable<Node> Children => Items.OfType<Node>();

    public IEnumerable<DataLine> Lines => Items.OfType<DataLine>();

    public bool IsEmpty => Comments.Count == 0 && Items.Count == 0;

    public Node? Child(string childName) => Children.FirstOrDefault(child => child.Name == childName);

    public IEnumerable<Node> ChildrenNamed(string childName) => Children.Where(child => child.Name == childName);

    public Node AddChild(string childName, SourceLocation? childLocation = null)
    {
        var child = new Node(childName, childLocation ?? Location);
        Items.Add(child);
        return child;
    }

    public void Add(string keyword, string value, string? unit = null) => Items.Add(new Entry(keyword, value, unit, Location));

    public void AddLine(string text) => Items.Add(new DataLine(text, Location));

    /// <summary>Values of this block that cannot be written (a number that is not finite), found while building it for a writer.</summary>
    public List<(string? Keyword, string Message)> Refusals { get; } = [];

    /// <summary>Notes that a value of this block cannot be written; the writer refuses the message, naming each such value.</summary>
    public void Refuse(string? keyword, string message) => Refusals.Add((keyword, message));

    /// <summary>
    /// A line of numbers, each formatted as CCSDS writes it; a number that is not finite is refused under the name
    /// <paramref name="nameOf"/> gives its position.
    /// </summary>
    public void AddNumberLine(string? leading, IEnumerable<double> numbers, Func<int, string> nameOf)
    {
        var texts = new List<string>();
        if (leading is not null)
        {
            texts.Add(leading);
        }
        var index = 0;
        foreach (var number in numbers)
        {
            if (!double.IsFinite(number))
            {
                Refuse(nameOf(index), $"{number}, value {index + 1} of the line{(leading is null ? "" : " at " + leading)}, is not a number a CCSDS message can hold");
            }
            texts.Add(CcsdsNumbers.Format(number));
            index++;
        }
        AddLine(string.Join(' ', texts));
    }
}

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

/// <summary>A line of whitespace-separated values: OEM ephemeris and covariance rows, OCM trajLine, covLine and manLine.</summary>
internal sealed record DataLine(string Text, SourceLocation Location)
{
    public string[] Tokens => Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}

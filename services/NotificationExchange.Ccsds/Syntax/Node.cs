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

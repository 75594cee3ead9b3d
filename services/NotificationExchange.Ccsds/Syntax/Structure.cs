namespace NotificationExchange.Ccsds.Syntax;

/// <summary>Checks of the structural blocks (root, body, segment, data) that hold blocks rather than keywords.</summary>
internal static class Structure
{
    /// <summary>
    /// The segment of a one-segment message (OPM, OMM, OCM: in XML inside a body, as read from KVN without one) and
    /// its data block, after checking that root, body and segment hold only what they may and data only the given
    /// blocks.
    /// </summary>
    public static (Node? Segment, Node? Data) SingleSegment(
        Node root, ReadContext context, IReadOnlyCollection<string> dataBlocks, IReadOnlyCollection<string>? repeatableDataBlocks = null)
    {
        var segment = root.Child("body")?.Child("segment") ?? root.Child("segment");
        var data = segment?.Child("data");
        ExpectOnly(root, context, ["header", "body", "segment"]);
        ExpectOnly(root.Child("body"), context, ["segment"]);
        ExpectOnly(segment, context, ["metadata", "data"]);
        ExpectOnly(data, context, dataBlocks, repeatableDataBlocks);
        return (segment, data);
    }

    /// <summary>
    /// Reports what does not belong directly in <paramref name="node"/>: keyword entries, data lines, and child
    /// blocks not named in <paramref name="single"/> or <paramref name="repeatable"/> (or a single one given twice).
    /// </summary>
    public static void ExpectOnly(Node? node, ReadContext context, IReadOnlyCollection<string> single, IReadOnlyCollection<string>? repeatable = null)
    {
        if (node is null)
        {
            return;
        }
        var seen = new HashSet<string>();
        foreach (var item in node.Items)
        {
            switch (item)
            {
                case Entry entry:
                    context.Error(CcsdsErrorKind.UnknownKeyword, entry.Location, entry.Keyword, $"{entry.Keyword} does not belong directly in {node.Name}");
                    break;
                case DataLine line:
                    context.Error(CcsdsErrorKind.MalformedStructure, line.Location, null, $"{node.Name} holds no data lines");
                    break;
                case Node child when repeatable?.Contains(child.Name) == true:
                    break;
                case Node child when single.Contains(child.Name):
                    if (!seen.Add(child.Name))
                    {
                        context.Error(CcsdsErrorKind.DuplicateKeyword, child.Location, child.Name, $"{node.Name} holds more than one {child.Name}");
                    }
                    break;
                case Node child:
                    context.Error(CcsdsErrorKind.UnknownKeyword, child.Location, child.Name, $"{child.Name} does not belong in {node.Name}");
                    break;
            }
        }
    }
}

namespace NotificationExchange.Ccsds.Syntax;

/// <summary>What every writer does around its message-specific part: the root node with its version and header, and the text.</summary>
internal static class MessageWriting
{
    /// <summary>The root of a message of <paramref name="kind"/> in <paramref name="version"/>, holding its header.</summary>
    public static Node NewRoot(MessageKind kind, string version, Node header)
    {
        var root = new Node(kind.RootName, default);
        root.Attributes["id"] = kind.VersionKeyword;
        root.Attributes["version"] = version;
        root.Items.Add(header);
        return root;
    }

    /// <summary>
    /// The segment of a one-segment message (OPM, OMM, OCM) under a body of <paramref name="root"/>, holding
    /// <paramref name="metadata"/>; returns its data block, empty, for the caller to fill.
    /// </summary>
    public static Node AddSingleSegment(Node root, Node metadata)
    {
        var segment = root.AddChild("body").AddChild("segment");
        segment.Items.Add(metadata);
        return segment.AddChild("data");
    }

    /// <summary>The message as text; a value that cannot be written faithfully is refused first (<see cref="WriteCheck"/>).</summary>
    public static string Write(Node root, CcsdsSyntax syntax)
    {
        WriteCheck.ThrowIfUnwritable(root);
        return syntax == CcsdsSyntax.Kvn ? KvnNodeWriter.Write(root) : XmlNodeWriter.Write(root);
    }
}

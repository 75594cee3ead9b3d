namespace NotificationExchange.Ccsds.Syntax;

/// <summary>What every reader and writer does around its message-specific part: telling KVN from XML, the version line, the XML root.</summary>
internal static class MessageText
{
    public static CcsdsSyntax Detect(string text) => text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('<') ? CcsdsSyntax.Xml : CcsdsSyntax.Kvn;

    /// <summary>
    /// Tokenizes KVN text and reads its first line, which must be CCSDS_xxx_VERS = version; null when it is not, or when
    /// the version is one this library does not read: that one error says it all, where reading on by the rules of
    /// another version would report every keyword the versions do not share.
    /// </summary>
    public static (KvnCursor Cursor, Node Root)? StartKvn(string text, string rootName, string versionKeyword, IReadOnlyCollection<string> versions, ReadContext context)
    {
        var cursor = new KvnCursor(KvnTokenizer.Tokenize(text));
        var first = cursor.PeekPastComments();
        if (first is not { Kind: KvnTokenKind.KeyValue } || first.Keyword != versionKeyword)
        {
            context.Error(CcsdsErrorKind.MalformedStructure, first?.Location ?? SourceLocation.AtLine(1), versionKeyword,
                $"the message must start with {versionKeyword} = version");
            return null;
        }
        cursor.Next();
        cursor.PendingComments.Clear();
        var root = new Node(rootName, first.Location);
        root.Attributes["id"] = versionKeyword;
        root.Attributes["version"] = first.Value;
        return CheckVersion(first.Value, versions, first.Location, versionKeyword, context) ? (cursor, root) : null;
    }

    /// <summary>
    /// The XML elements of the messages named <paramref name="rootName"/> in the text: the root itself, or each such
    /// child of an &lt;ndm&gt; root. Reports a wrong root; a message without a supported version attribute is reported
    /// once and left out (see <see cref="StartKvn"/>).
    /// </summary>
    public static List<Node> ReadXmlMessages(string text, string rootName, string versionKeyword, IReadOnlyCollection<string> versions, ReadContext context)
    {
        if (XmlNodeReader.Read(text, context) is not { } root)
        {
            return [];
        }
        var messages = root.Name == "ndm" ? root.ChildrenNamed(rootName).ToList() : root.Name == rootName ? [root] : [];
        if (messages.Count == 0)
        {
            context.Error(CcsdsErrorKind.UnknownFormat, root.Location, root.Name, $"expected an <{rootName}> message, found <{root.Name}>");
        }
        var supported = new List<Node>();
        foreach (var message in messages)
        {
            var version = message.Attributes.GetValueOrDefault("version");
            if (version is null)
            {
                context.Error(CcsdsErrorKind.MissingMandatoryKeyword, message.Location, "version", $"<{rootName}> has no version attribute");
                continue;
            }
            if (CheckVersion(version, versions, message.Location, versionKeyword, context))
            {
                message.Attributes["id"] = versionKeyword;
                supported.Add(message);
            }
        }
        return supported;
    }

    public static Node NewRoot(string rootName, string versionKeyword, string version)
    {
        var root = new Node(rootName, default);
        root.Attributes["id"] = versionKeyword;
        root.Attributes["version"] = version;
        return root;
    }

    /// <summary>The message as text; a value that cannot be written faithfully is refused first (<see cref="WriteCheck"/>).</summary>
    public static string Write(Node root, CcsdsSyntax syntax)
    {
        WriteCheck.ThrowIfUnwritable(root);
        return syntax == CcsdsSyntax.Kvn ? KvnNodeWriter.Write(root) : XmlNodeWriter.Write(root);
    }

    /// <summary>The header, which must have CREATION_DATE and ORIGINATOR unless the options allow them empty.</summary>
    public static OdmHeader ReadOdmHeader(Node? header, Node root, ReadContext context)
    {
        var model = OdmMaps.Header.Read(header, context, root.Location);
        model.Version = root.Attributes["version"];
        if (!context.Options.AllowEmptyHeader && header?.Entries.Any() != true)
        {
            // no header at all is one error, not one per keyword it lacks
            context.Error(CcsdsErrorKind.MissingMandatoryKeyword, header?.Location ?? root.Location, "CREATION_DATE",
                "the header is missing: CREATION_DATE, ORIGINATOR are mandatory");
        }
        else if (!context.Options.AllowEmptyHeader)
        {
            if (model.CreationDate is null && !HasEntry(header, "CREATION_DATE"))
            {
                context.Error(CcsdsErrorKind.MissingMandatoryKeyword, header?.Location ?? root.Location, "CREATION_DATE", "mandatory CREATION_DATE is missing or empty");
            }
            if (model.Originator.Length == 0)
            {
                context.Error(CcsdsErrorKind.MissingMandatoryKeyword, header?.Location ?? root.Location, "ORIGINATOR", "mandatory ORIGINATOR is missing or empty");
            }
        }
        return model;
    }

    public static Node WriteOdmHeader(OdmHeader header) => OdmMaps.Header.Write(header);

    private static bool HasEntry(Node? node, string keyword) =>
        node?.Entries.Any(entry => entry.Keyword == keyword && entry.Value.Length > 0) == true;

    /// <summary>Sets the version being read; false, with the error reported, when it is not one of <paramref name="versions"/>.</summary>
    public static bool CheckVersion(string version, IReadOnlyCollection<string> versions, SourceLocation location, string keyword, ReadContext context)
    {
        context.Version = version;
        if (versions.Contains(version))
        {
            return true;
        }
        context.Error(CcsdsErrorKind.UnsupportedVersion, location, keyword, $"version {version} is not supported (only {string.Join(", ", versions)})");
        return false;
    }
}

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

namespace NotificationExchange.Ccsds.Syntax;

/// <summary>
/// The part of reading every message type shares: the public read-or-throw and try-read faces, and the opening of the
/// text (KVN or XML, the version line or the root element and its version) up to the message-specific part.
/// </summary>
internal static class MessageReading
{
    public static T Read<T>(string text, CcsdsReadOptions? options, Func<string, ReadContext, T?> read) where T : class
    {
        var context = new ReadContext(options ?? CcsdsReadOptions.Strict);
        var message = read(text, context);
        context.ThrowIfErrors();
        return message ?? throw new InvalidOperationException("a reader returned nothing without reporting an error");
    }

    public static bool TryRead<T>(string text, CcsdsReadOptions? options, Func<string, ReadContext, T?> read, out T? message, out IReadOnlyList<CcsdsError> errors)
        where T : class
    {
        var context = new ReadContext(options ?? CcsdsReadOptions.Strict);
        message = read(text, context);
        errors = context.Errors;
        if (errors.Count > 0)
        {
            message = null;
        }
        return message is not null;
    }

    /// <summary>
    /// A text holding one message of <paramref name="kind"/>: XML is parsed into its node tree; KVN is opened at its
    /// version line and <paramref name="readKvn"/> reads the rest into the root node, comments left at the end going to
    /// the last block. Either tree is then bound by <paramref name="bind"/>. Null when the opening failed (reported).
    /// </summary>
    public static T? ReadOne<T>(string text, MessageKind kind, ReadContext context, Action<KvnCursor, Node, ReadContext> readKvn,
        Func<Node, ReadContext, T> bind) where T : class
    {
        if (NdmReader.DetectSyntax(text) == CcsdsSyntax.Xml)
        {
            var roots = ReadXmlMessages(text, kind, context);
            if (roots.Count > 1)
            {
                context.Error(CcsdsErrorKind.MalformedStructure, roots[1].Location, kind.RootName, $"expected one <{kind.RootName}>, found {roots.Count}");
            }
            return roots.Count == 1 ? bind(roots[0], context) : null;
        }
        if (StartKvn(text, kind, context) is not var (cursor, root))
        {
            return null;
        }
        readKvn(cursor, root, context);
        cursor.FinishComments(root);
        return bind(root, context);
    }

    /// <summary>
    /// Tokenizes KVN text and reads its first line, which must be CCSDS_xxx_VERS = version; null when it is not, or when
    /// the version is one this library does not read: that one error says it all, where reading on by the rules of
    /// another version would report every keyword the versions do not share.
    /// </summary>
    public static (KvnCursor Cursor, Node Root)? StartKvn(string text, MessageKind kind, ReadContext context)
    {
        var cursor = new KvnCursor(KvnTokenizer.Tokenize(text));
        var first = cursor.PeekPastComments();
        if (first is not { Kind: KvnTokenKind.KeyValue } || first.Keyword != kind.VersionKeyword)
        {
            context.Error(CcsdsErrorKind.MalformedStructure, first?.Location ?? SourceLocation.AtLine(1), kind.VersionKeyword,
                $"the message must start with {kind.VersionKeyword} = version");
            return null;
        }
        cursor.Next();
        cursor.PendingComments.Clear();
        var root = KvnRoot(kind, first);
        return CheckVersion(first.Value, kind, first.Location, context) ? (cursor, root) : null;
    }

    /// <summary>The root node of a KVN message opened by its version line.</summary>
    public static Node KvnRoot(MessageKind kind, KvnToken versionLine)
    {
        var root = new Node(kind.RootName, versionLine.Location);
        root.Attributes["id"] = kind.VersionKeyword;
        root.Attributes["version"] = versionLine.Value;
        return root;
    }

    /// <summary>
    /// The XML elements of the messages of <paramref name="kind"/> in the text: the root itself, or each such child of
    /// an &lt;ndm&gt; root. Reports a wrong root; a message without a supported version attribute is reported once and
    /// left out (see <see cref="StartKvn"/>).
    /// </summary>
    public static List<Node> ReadXmlMessages(string text, MessageKind kind, ReadContext context) =>
        [.. XmlMessageElements(text, kind, context).Where(message => CheckXmlVersion(message, kind, context))];

    /// <summary>
    /// The XML elements of the messages of <paramref name="kind"/> in the text, their versions not yet checked: the root
    /// itself, or each such child of an &lt;ndm&gt; root. Reports XML that is not well formed and a wrong root.
    /// </summary>
    public static List<Node> XmlMessageElements(string text, MessageKind kind, ReadContext context)
    {
        if (XmlNodeReader.Read(text, context) is not { } root)
        {
            return [];
        }
        var rootName = kind.RootName;
        var messages = root.Name == "ndm" ? root.ChildrenNamed(rootName).ToList() : root.Name == rootName ? [root] : [];
        if (messages.Count == 0)
        {
            context.Error(CcsdsErrorKind.UnknownFormat, root.Location, root.Name, $"expected an <{rootName}> message, found <{root.Name}>");
        }
        return messages;
    }

    /// <summary>
    /// Whether an XML message element carries a version this library reads (then marked as read by the kind's version
    /// keyword); otherwise its one error is reported (see <see cref="StartKvn"/>).
    /// </summary>
    public static bool CheckXmlVersion(Node message, MessageKind kind, ReadContext context)
    {
        var version = message.Attributes.GetValueOrDefault("version");
        if (version is null)
        {
            context.Error(CcsdsErrorKind.MissingMandatoryKeyword, message.Location, "version", $"<{kind.RootName}> has no version attribute");
            return false;
        }
        if (!CheckVersion(version, kind, message.Location, context))
        {
            return false;
        }
        message.Attributes["id"] = kind.VersionKeyword;
        return true;
    }

    /// <summary>Sets the version being read; false, with the error reported, when it is not one of the kind's versions.</summary>
    public static bool CheckVersion(string version, MessageKind kind, SourceLocation location, ReadContext context)
    {
        context.Version = version;
        if (kind.Versions.Contains(version))
        {
            return true;
        }
        context.Error(CcsdsErrorKind.UnsupportedVersion, location, kind.VersionKeyword,
            $"version {version} is not supported (only {string.Join(", ", kind.Versions)})");
        return false;
    }
}

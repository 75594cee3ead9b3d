namespace NotificationExchange.Ccsds.Syntax;

/// <summary>A block of a flat KVN part (one without START/STOP markers): the keywords it owns decide where a line goes.</summary>
/// <param name="Name">The block's node name (its XML element name).</param>
/// <param name="Owns">Whether a keyword belongs to this block.</param>
/// <param name="StartKeyword">For a repeating block, the keyword that opens a new instance (MAN_EPOCH_IGNITION).</param>
internal sealed record FlatBlock(string Name, Func<string, bool> Owns, string? StartKeyword = null);

/// <summary>A run of flat blocks that follow one another: a message's header, its metadata, its data blocks.</summary>
internal sealed record FlatPhase(Node Parent, IReadOnlyList<FlatBlock> Blocks);

/// <summary>Reads KVN tokens in order, keeping the comments not yet attached to a block.</summary>
internal sealed class KvnCursor(List<KvnToken> tokens)
{
    private int _index;

    public List<string> PendingComments { get; } = [];

    /// <summary>The block that took the last keyword: comments left at the end of the file go there.</summary>
    public Node? LastNode { get; set; }

    public KvnToken? Peek() => _index < tokens.Count ? tokens[_index] : null;

    public KvnToken Next() => tokens[_index++];

    public bool AtEnd => _index >= tokens.Count;

    /// <summary>Skips comments, collecting them, and returns the next token that is not a comment.</summary>
    public KvnToken? PeekPastComments()
    {
        while (Peek() is { Kind: KvnTokenKind.Comment } comment)
        {
            PendingComments.Add(comment.Value);
            _index++;
        }
        return Peek();
    }

    public void FlushCommentsInto(Node node)
    {
        node.Comments.AddRange(PendingComments);
        PendingComments.Clear();
    }

    /// <summary>Attaches comments found after the last keyword of the file to the last block.</summary>
    public void FinishComments(Node fallback) => FlushCommentsInto(LastNode ?? fallback);
}

internal static class KvnStructure
{
    /// <summary>
    /// Reads keyword lines into the blocks of <paramref name="phases"/> until <paramref name="stop"/> accepts a token
    /// (left unread) or the tokens run out. A comment goes to the block of the keyword after it. A keyword of an earlier
    /// phase than the current one is misplaced; a keyword no block owns is unknown. Markers accepted by
    /// <paramref name="tolerateMarker"/> are skipped (the META_START/META_STOP some tools put around OPM and OMM metadata).
    /// </summary>
    public static void ReadFlat(KvnCursor cursor, IReadOnlyList<FlatPhase> phases, ReadContext context,
        Func<KvnToken, bool> stop, Func<KvnToken, bool>? tolerateMarker = null)
    {
        var phaseIndex = 0;
        var current = new Dictionary<FlatBlock, Node>();
        while (cursor.PeekPastComments() is { } token && !stop(token))
        {
            cursor.Next();
            switch (token.Kind)
            {
                case KvnTokenKind.Marker when tolerateMarker?.Invoke(token) == true:
                    continue;
                case KvnTokenKind.Marker:
                    context.Error(CcsdsErrorKind.MalformedStructure, token.Location, token.Keyword, $"{token.Keyword} is not expected here");
                    continue;
                case KvnTokenKind.DataLine:
                    context.Error(CcsdsErrorKind.MalformedStructure, token.Location, null,
                        $"'{Shorten(token.Value)}' is not a KEYWORD = value line and no data lines belong here");
                    continue;
            }

            var (foundPhase, block) = FindOwner(phases, phaseIndex, token.Keyword);
            if (block is null)
            {
                var earlier = phases.Take(phaseIndex).Any(phase => phase.Blocks.Any(b => b.Owns(token.Keyword)));
                context.Error(earlier ? CcsdsErrorKind.MisplacedKeyword : CcsdsErrorKind.UnknownKeyword, token.Location, token.Keyword,
                    earlier ? $"{token.Keyword} belongs to an earlier part of the message" : $"{token.Keyword} is not a keyword of this part of the message");
                continue;
            }
            phaseIndex = foundPhase;
            if (!current.TryGetValue(block, out var node)
                || (block.StartKeyword is not null
                    && (token.Keyword == block.StartKeyword || node.Entries.Any(entry => entry.Keyword == token.Keyword))
                    && node.Entries.Any()))
            {
                node = phases[foundPhase].Parent.AddChild(block.Name, token.Location);
                current[block] = node;
            }
            cursor.FlushCommentsInto(node);
            node.Items.Add(token.ToEntry());
            cursor.LastNode = node;
        }
    }

    /// <summary>
    /// Reads the inside of a NAME_START ... NAME_STOP block (NAME_START already read) into <paramref name="node"/>:
    /// comments, keyword entries and, when allowed, data lines. Reports a missing NAME_STOP.
    /// </summary>
    public static void ReadSection(KvnCursor cursor, Node node, string name, int startLine, ReadContext context, bool allowDataLines)
    {
        cursor.FlushCommentsInto(node);
        while (cursor.Peek() is { } token)
        {
            if (token.Kind == KvnTokenKind.Marker)
            {
                if (token.Keyword == name + "_STOP")
                {
                    cursor.Next();
                    cursor.FlushCommentsInto(node);
                    cursor.LastNode = node;
                    return;
                }
                break;
            }
            cursor.Next();
            switch (token.Kind)
            {
                case KvnTokenKind.Comment:
                    node.Comments.Add(token.Value);
                    break;
                case KvnTokenKind.KeyValue:
                    node.Items.Add(token.ToEntry());
                    break;
                case KvnTokenKind.DataLine when allowDataLines:
                    node.Items.Add(new DataLine(token.Value, token.Location));
                    break;
                default:
                    context.Error(CcsdsErrorKind.MalformedStructure, token.Location, null,
                        $"'{Shorten(token.Value)}' is not a KEYWORD = value line and {name} blocks hold no data lines");
                    break;
            }
        }
        context.Error(CcsdsErrorKind.MalformedStructure, SourceLocation.AtLine(startLine), name + "_START",
            $"{name}_START has no matching {name}_STOP");
    }

    private static (int Phase, FlatBlock? Block) FindOwner(IReadOnlyList<FlatPhase> phases, int fromPhase, string keyword)
    {
        for (var index = fromPhase; index < phases.Count; index++)
        {
            var block = phases[index].Blocks.FirstOrDefault(b => b.Owns(keyword));
            if (block is not null)
            {
                return (index, block);
            }
        }
        return (fromPhase, null);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}

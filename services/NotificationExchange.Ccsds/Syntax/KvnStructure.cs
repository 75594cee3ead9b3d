namespace NotificationExchange.Ccsds.Syntax;

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

namespace NotificationExchange.Ccsds.Syntax;

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

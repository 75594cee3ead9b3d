namespace NotificationExchange.Ccsds.Syntax;

/// <summary>One line of KVN; for a keyword line, Raw is its whole value, brackets included, which Value and Unit split.</summary>
internal sealed record KvnToken(KvnTokenKind Kind, int Line, string Keyword, string Value, string? Unit, string? Raw = null)
{
    public SourceLocation Location => SourceLocation.AtLine(Line);

    public Entry ToEntry() => new(Keyword, Value, Unit, Location, Raw ?? Value);
}

namespace NotificationExchange.Ccsds;

/// <summary>One problem in a message: its kind, where it is, the keyword concerned (when there is one) and what is wrong.</summary>
public sealed record CcsdsError(CcsdsErrorKind Kind, SourceLocation Location, string? Keyword, string Message)
{
    public int? Line => Location.Line;

    public string? Path => Location.Path;

    public override string ToString() => Keyword is null
        ? $"{Location}: {Kind}: {Message}"
        : $"{Location}: {Keyword}: {Kind}: {Message}";
}

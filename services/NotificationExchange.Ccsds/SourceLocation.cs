namespace NotificationExchange.Ccsds;

/// <summary>Where in its source an error was found: a line (KVN, CSV, and XML when known) and an element path (XML, JSON).</summary>
public readonly record struct SourceLocation(int? Line, string? Path)
{
    public static SourceLocation AtLine(int line) => new(line, null);

    public override string ToString() => (Line, Path) switch
    {
        ({ } line, { } path) => $"line {line} ({path})",
        ({ } line, null) => $"line {line}",
        (null, { } path) => path,
        _ => "(unknown location)",
    };
}

namespace NotificationExchange.Ccsds.Syntax;

/// <summary>A line of whitespace-separated values: OEM ephemeris and covariance rows, OCM trajLine, covLine and manLine.</summary>
internal sealed record DataLine(string Text, SourceLocation Location)
{
    public string[] Tokens => Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}

namespace NotificationExchange.Alerts.Catalogue;

/// <summary>
/// Where an entry of a catalogue file is: its line (TLE: its line 1 or the line at fault; KVN: its version line; CSV:
/// its row; XML: its &lt;omm&gt; element) and its index from 0 among the file's OMM entries (JSON: its index in the
/// array; also for KVN, XML and CSV). A TLE entry has no index, a JSON record no line.
/// </summary>
public readonly record struct CatalogueLocation(int? Line, int? Index)
{
    public override string ToString() => (Line, Index) switch
    {
        ({ } line, { } index) => $"line {line} (entry {index})",
        ({ } line, null) => $"line {line}",
        (null, { } index) => $"entry {index}",
        _ => "(unknown location)",
    };
}

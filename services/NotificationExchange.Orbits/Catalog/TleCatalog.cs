using NotificationExchange.Orbits.Elements;

namespace NotificationExchange.Orbits.Catalog;

/// <summary>An element set read from a catalogue file, with the file line its line 1 sits on (1-based).</summary>
public sealed record CatalogEntry(TwoLineElementSet Tle, int FileLine);

/// <summary>
/// An entry the loader turned down: the file line where the problem is (1-based), the TLE line and columns when the
/// problem is inside one, and why.
/// </summary>
public sealed record CatalogRejection(int FileLine, string Reason, TleError? TleError = null)
{
    public override string ToString() => $"line {FileLine}: {Reason}";
}

public sealed record CatalogLoadResult(IReadOnlyList<CatalogEntry> Entries, IReadOnlyList<CatalogRejection> Rejections);

/// <summary>
/// Reads whole catalogue files of two-line (1/2) or three-line (0 name/1/2) element sets, the forms Space-Track and
/// CelesTrak publish. Every entry is checked with the strict <see cref="TleParser"/>; a bad entry is reported with its
/// file line and reason and the loader goes on with the next one, resynchronising on the next line 1.
/// </summary>
public static class TleCatalog
{
    public static CatalogLoadResult Load(string path, bool verifyChecksums = true) =>
        Parse(File.ReadAllLines(path), verifyChecksums);

    public static CatalogLoadResult Parse(string text, bool verifyChecksums = true) =>
        Parse(text.Split('\n'), verifyChecksums);

    public static CatalogLoadResult Parse(IReadOnlyList<string> lines, bool verifyChecksums = true)
    {
        // First split the file into candidate entries (cheap, sequential), then parse them in parallel: parsing is
        // the costly part and entries are independent.
        var candidates = new List<(int FileLine, string? Name, string Line1, string Line2)>();
        var rejections = new List<CatalogRejection>();
        string? pendingName = null;
        var pendingNameLine = 0;
        for (var index = 0; index < lines.Count; index++)
        {
            var line = lines[index].TrimEnd('\r', ' ', '\t');
            var fileLine = index + 1;
            if (line.Length == 0)
            {
                continue;
            }
            if (line.StartsWith("1 ", StringComparison.Ordinal))
            {
                var next = index + 1 < lines.Count ? lines[index + 1].TrimEnd('\r', ' ', '\t') : null;
                if (next is null || !next.StartsWith("2 ", StringComparison.Ordinal))
                {
                    rejections.Add(new CatalogRejection(fileLine, "line 1 is not followed by a line 2"));
                    pendingName = null;
                    continue;
                }
                candidates.Add((fileLine, pendingName, line, next));
                pendingName = null;
                index++;
                continue;
            }
            if (line.StartsWith("2 ", StringComparison.Ordinal))
            {
                rejections.Add(new CatalogRejection(fileLine, "line 2 without a line 1 before it"));
                pendingName = null;
                continue;
            }
            if (pendingName is not null)
            {
                rejections.Add(new CatalogRejection(pendingNameLine, $"name line '{pendingName}' is not followed by element lines"));
            }
            // three-line sets mark the name with a leading "0 "; some sources give the bare name
            pendingName = line.StartsWith("0 ", StringComparison.Ordinal) ? line[2..] : line;
            pendingNameLine = fileLine;
        }
        if (pendingName is not null)
        {
            rejections.Add(new CatalogRejection(pendingNameLine, $"name line '{pendingName}' is not followed by element lines"));
        }

        var parsed = new (CatalogEntry? Entry, CatalogRejection? Rejection)[candidates.Count];
        Parallel.For(0, candidates.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var (fileLine, name, line1, line2) = candidates[i];
            parsed[i] = TleParser.TryParse(line1, line2, out var tle, out var error, name, verifyChecksums)
                ? (new CatalogEntry(tle!, fileLine), null)
                : (null, new CatalogRejection(fileLine + error!.Line - 1, $"TLE {error}", error));
        });

        var entries = new List<CatalogEntry>(candidates.Count);
        foreach (var (entry, rejection) in parsed)
        {
            if (entry is not null)
            {
                entries.Add(entry);
            }
            else
            {
                rejections.Add(rejection!);
            }
        }
        rejections.Sort((a, b) => a.FileLine.CompareTo(b.FileLine));
        return new CatalogLoadResult(entries, rejections);
    }
}

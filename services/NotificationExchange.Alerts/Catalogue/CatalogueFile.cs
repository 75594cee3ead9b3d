using NotificationExchange.Ccsds;
using NotificationExchange.Ccsds.Omm;
using NotificationExchange.Orbits.Elements;

namespace NotificationExchange.Alerts.Catalogue;

/// <summary>
/// Reads a reference catalogue file in whichever form it comes (TLE/3LE, OMM as KVN, XML, GP JSON or GP CSV), told
/// from its content. Every entry is checked; a bad entry is turned down with its line or index and why, and the others
/// are read. Each catalogue number is taken once (<see cref="CatalogueDuplicates"/>).
/// </summary>
public static class CatalogueFile
{
    public static CatalogueReadResult ReadFile(string path) => Read(File.ReadAllText(path));

    public static CatalogueReadResult Read(string text)
    {
        var format = DetectFormat(text);
        var objects = new List<CatalogueObject>();
        var rejections = new List<CatalogueRejection>();
        if (format == CatalogueFormat.Tle)
        {
            TleCatalogueReader.Read(text, objects, rejections);
        }
        else
        {
            OmmCatalogueReader.Read(text, objects, rejections);
        }
        var kept = CatalogueDuplicates.KeepNewest(objects, rejections);
        return new CatalogueReadResult(format, kept,
            [.. rejections.OrderBy(rejection => rejection.Location.Line ?? int.MaxValue).ThenBy(rejection => rejection.Location.Index ?? int.MaxValue)]);
    }

    /// <summary>
    /// The form of a catalogue file: XML when it starts with '&lt;', GP JSON with '[' or '{', OMM KVN when its first line
    /// (past comments) is CCSDS_OMM_VERS, GP CSV when its first line is a header naming EPOCH among comma-separated
    /// names; anything else is read as TLE/3LE (whose entries then say what is wrong with them).
    /// </summary>
    public static CatalogueFormat DetectFormat(string text)
    {
        var start = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (start.StartsWith('<'))
        {
            return CatalogueFormat.OmmXml;
        }
        if (start.StartsWith('[') || start.StartsWith('{'))
        {
            return CatalogueFormat.OmmJson;
        }
        var lines = start.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0);
        var first = lines.FirstOrDefault(line => !line.StartsWith("COMMENT", StringComparison.Ordinal)) ?? "";
        if (first.StartsWith("CCSDS_OMM_VERS", StringComparison.Ordinal))
        {
            return CatalogueFormat.OmmKvn;
        }
        var header = lines.FirstOrDefault() ?? "";
        return header.Contains(',') && header.Split(',').Any(name => name.Trim().Trim('"') == "EPOCH") ? CatalogueFormat.OmmCsv : CatalogueFormat.Tle;
    }

    /// <summary>
    /// One element set as <see cref="CatalogueObject.ElementSet"/> holds it (a TLE's two lines, optionally after a name
    /// line; or one OMM in KVN or XML) as a catalogue object with what the text says. Throws <see cref="FormatException"/>
    /// saying what is wrong.
    /// </summary>
    public static CatalogueObject ReadElementSet(string elementSet)
    {
        var lines = elementSet.Split('\n').Select(line => line.TrimEnd('\r', ' ', '\t')).Where(line => line.Trim().Length > 0).ToList();
        if (lines.Count is 2 or 3 && lines[^2].StartsWith("1 ", StringComparison.Ordinal))
        {
            var name = lines.Count == 3 ? (lines[0].StartsWith("0 ", StringComparison.Ordinal) ? lines[0][2..] : lines[0]) : null;
            return TleParser.TryParse(lines[^2], lines[^1], out var tle, out var error, name)
                ? TleCatalogueReader.FromTle(tle!, null)
                : throw new FormatException($"element set: TLE {error}");
        }
        if (NdmReader.DetectType(elementSet) != NdmMessageType.Omm)
        {
            throw new FormatException("element set: neither a TLE (two lines, 1 and 2) nor a CCSDS OMM in KVN or XML");
        }
        var file = OmmReader.ReadEntries(elementSet);
        var problems = file.AllErrors.Select(OmmCatalogueReader.Describe).ToList();
        if (problems.Count > 0)
        {
            throw new FormatException("element set: " + string.Join("; ", problems));
        }
        if (file.Entries.Count != 1)
        {
            throw new FormatException($"element set: expected one OMM, found {file.Entries.Count}");
        }
        return OmmCatalogueReader.TryFromOmm(file.Entries[0].Message!, null, null, out var catalogued, out var reason)
            ? catalogued
            : throw new FormatException("element set: " + reason);
    }
}

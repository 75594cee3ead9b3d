using System.Text;
using System.Text.Json;
using NotificationExchange.Ccsds.Syntax;

namespace NotificationExchange.Ccsds.Omm;

/// <summary>
/// Reads OMMs in every form the field uses. KVN and XML are read as the CCSDS standard says. JSON and CSV carry the
/// OMM keywords as field names, with the header and metadata they leave out taken as the GP format defines them
/// (CENTER_NAME EARTH, REF_FRAME TEME, TIME_SYSTEM UTC, MEAN_ELEMENT_THEORY SGP4). Every form goes through the same
/// checks; every error found is reported, each naming its line, row or element and its keyword.
/// </summary>
public static class OmmReader
{
    // Fields Space-Track and CelesTrak add to GP records; they are not OMM keywords and are ignored
    private static readonly HashSet<string> _gpExtras =
    [
        "SEMIMAJOR_AXIS", "PERIOD", "APOAPSIS", "PERIAPSIS", "OBJECT_TYPE", "RCS_SIZE", "COUNTRY_CODE", "LAUNCH_DATE", "SITE",
        "DECAY_DATE", "FILE", "GP_ID", "TLE_LINE0", "TLE_LINE1", "TLE_LINE2",
    ];

    /// <summary>Leniency for every form read by <see cref="ReadAll(string)"/>: CelesTrak leaves CREATION_DATE and ORIGINATOR empty.</summary>
    private static readonly CcsdsReadOptions _gpOptions = new() { AllowEmptyHeader = true };

    /// <summary>Detects the form from the content and returns every OMM in it; throws <see cref="CcsdsFormatException"/> listing every error.</summary>
    public static IReadOnlyList<OmmMessage> ReadAll(string text)
    {
        var file = ReadEntries(text);
        var errors = file.AllErrors.ToList();
        if (errors.Count > 0)
        {
            throw new CcsdsFormatException([.. errors.OrderBy(error => error.Line ?? int.MaxValue)]);
        }
        return [.. file.Messages];
    }

    /// <summary>
    /// Like <see cref="ReadAll(string)"/>, without throwing: <paramref name="messages"/> holds the messages read without
    /// error (never one half built), <paramref name="errors"/> every error of the others; true when there are none.
    /// </summary>
    public static bool TryReadAll(string text, out IReadOnlyList<OmmMessage> messages, out IReadOnlyList<CcsdsError> errors)
    {
        var file = ReadEntries(text);
        messages = [.. file.Messages];
        errors = [.. file.AllErrors];
        return errors.Count == 0;
    }

    /// <summary>
    /// Detects the form from the content and reads the file entry by entry (a catalogue's way): each KVN message,
    /// &lt;omm&gt; element, JSON record or CSV row gives its message or its own errors, and a bad entry does not stop the
    /// others. Never throws for the text's content.
    /// </summary>
    public static OmmFile ReadEntries(string text)
    {
        var context = new ReadContext(_gpOptions);
        var entries = new OmmEntryList(context);
        var format = DetectFormat(text);
        switch (format)
        {
            case OmmFormat.Xml:
                ReadXml(text, entries, context);
                break;
            case OmmFormat.Json:
                ReadJson(text, entries, context);
                break;
            case OmmFormat.Csv:
                ReadCsv(text, entries, context);
                break;
            default:
                ReadKvn(text, entries, context);
                break;
        }
        return new OmmFile(format, entries.Entries, entries.FileErrors());
    }

    /// <summary>One CCSDS OMM in KVN or XML, read strictly unless <paramref name="options"/> say otherwise.</summary>
    public static OmmMessage Read(string text, CcsdsReadOptions? options = null)
    {
        var context = new ReadContext(options ?? CcsdsReadOptions.Strict);
        var format = DetectFormat(text);
        var entries = new OmmEntryList(context);
        if (format is OmmFormat.Kvn)
        {
            ReadKvn(text, entries, context);
        }
        else if (format is OmmFormat.Xml)
        {
            ReadXml(text, entries, context);
        }
        else
        {
            context.Error(CcsdsErrorKind.UnknownFormat, SourceLocation.AtLine(1), null, $"expected a CCSDS OMM in KVN or XML, found {format}");
        }
        if (entries.Entries.Count != 1 && !context.HasErrors)
        {
            context.Error(CcsdsErrorKind.MalformedStructure, SourceLocation.AtLine(1), null, $"expected one OMM, found {entries.Entries.Count}");
        }
        context.ThrowIfErrors();
        return entries.Entries[0].Message!;
    }

    public static OmmFormat DetectFormat(string text)
    {
        if (NdmReader.DetectSyntax(text) == CcsdsSyntax.Xml)
        {
            return OmmFormat.Xml;
        }
        var trimmed = NdmReader.StartOfContent(text);
        if (trimmed.StartsWith('[') || trimmed.StartsWith('{'))
        {
            return OmmFormat.Json;
        }
        var firstLine = trimmed.Split('\n', 2)[0];
        return firstLine.Contains(',') && !firstLine.Contains('=') ? OmmFormat.Csv : OmmFormat.Kvn;
    }

    private static void ReadXml(string text, OmmEntryList entries, ReadContext context)
    {
        foreach (var root in MessageReading.XmlMessageElements(text, OmmBinding.Kind, context))
        {
            entries.Begin(root.Location);
            entries.End(MessageReading.CheckXmlVersion(root, OmmBinding.Kind, context) ? OmmBinding.Bind(root, context) : null);
        }
    }

    private static void ReadKvn(string text, OmmEntryList entries, ReadContext context)
    {
        var cursor = new KvnCursor(KvnTokenizer.Tokenize(text));
        var first = cursor.PeekPastComments();
        if (first is not { Kind: KvnTokenKind.KeyValue } || first.Keyword != OmmBinding.Kind.VersionKeyword)
        {
            context.Error(CcsdsErrorKind.MalformedStructure, first?.Location ?? SourceLocation.AtLine(1), OmmBinding.Kind.VersionKeyword,
                $"the message must start with {OmmBinding.Kind.VersionKeyword} = version");
            return;
        }
        // comments before the first version line belong to no block of the message
        cursor.PendingComments.Clear();
        // several OMMs one after another (Space-Track's bulk KVN): each starts with its own version line
        while (cursor.Peek() is { } versionLine)
        {
            cursor.Next();
            entries.Begin(versionLine.Location);
            if (!MessageReading.CheckVersion(versionLine.Value, OmmBinding.Kind, versionLine.Location, context))
            {
                // one of a version this library does not read is reported once and skipped to the next
                while (cursor.Peek() is { } token && token.Keyword != OmmBinding.Kind.VersionKeyword)
                {
                    cursor.Next();
                }
                cursor.PendingComments.Clear();
                entries.End(null);
                continue;
            }
            var root = MessageReading.KvnRoot(OmmBinding.Kind, versionLine);
            cursor.LastNode = null;
            var segment = root.AddChild("segment");
            var data = segment.AddChild("data");
            KvnStructure.ReadFlat(cursor,
                [new FlatPhase(root, OmmBinding.HeaderBlocks), new FlatPhase(segment, OmmBinding.MetadataBlocks), new FlatPhase(data, OmmBinding.DataBlocks)],
                context,
                stop: token => token.Keyword == OmmBinding.Kind.VersionKeyword,
                tolerateMarker: token => token.Keyword is "META_START" or "META_STOP");
            cursor.FinishComments(root);
            entries.End(OmmBinding.Bind(root, context));
        }
    }

    private static void ReadJson(string text, OmmEntryList entries, ReadContext context)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException exception)
        {
            context.Error(CcsdsErrorKind.UnknownFormat, new SourceLocation((int?)exception.LineNumber + 1, exception.Path), null, "not valid JSON: " + exception.Message);
            return;
        }
        using (document)
        {
            var isArray = document.RootElement.ValueKind == JsonValueKind.Array;
            var records = isArray ? document.RootElement.EnumerateArray().ToList() : [document.RootElement];
            for (var index = 0; index < records.Count; index++)
            {
                var record = records[index];
                var where = new SourceLocation(null, isArray ? $"$[{index}]" : "$");
                entries.Begin(where);
                if (record.ValueKind != JsonValueKind.Object)
                {
                    context.Error(CcsdsErrorKind.MalformedStructure, where, null, $"each GP record must be a JSON object, found {record.ValueKind}");
                    entries.End(null);
                    continue;
                }
                var fields = record.EnumerateObject().Select(property => (
                    Name: property.Name,
                    Value: property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString() ?? "",
                        JsonValueKind.Null => "",
                        _ => property.Value.GetRawText(),
                    },
                    Location: new SourceLocation(null, $"{where.Path}.{property.Name}"))).ToList();
                entries.End(BindRecord(fields, where, context, entries.GpFields));
            }
        }
    }

    private static void ReadCsv(string text, OmmEntryList entries, ReadContext context)
    {
        // blank lines (before the header too) are no rows
        var rows = CsvRows(text, context).Where(row => row.Cells.Count > 1 || row.Cells[0].Trim().Length > 0).ToList();
        if (rows.Count == 0)
        {
            return;
        }
        var header = rows[0].Cells.Select(name => name.Trim()).ToList();
        foreach (var (lineNumber, cells) in rows.Skip(1))
        {
            var where = SourceLocation.AtLine(lineNumber);
            entries.Begin(where);
            if (cells.Count != header.Count)
            {
                context.Error(CcsdsErrorKind.WrongColumnCount, where, null, $"row has {cells.Count} values for {header.Count} columns");
                entries.End(null);
                continue;
            }
            var fields = header.Select((name, column) => (name, cells[column].Trim(), new SourceLocation(lineNumber, $"column {name}"))).ToList();
            entries.End(BindRecord(fields, where, context, entries.GpFields));
        }
    }

    /// <summary>
    /// One GP record (JSON object or CSV row) as an OMM: each field goes to the block owning its keyword. Null when its
    /// CCSDS_OMM_VERS is a version this library does not read (reported once, its other fields not looked at).
    /// </summary>
    private static OmmMessage? BindRecord(IReadOnlyList<(string Name, string Value, SourceLocation Location)> fields, SourceLocation where, ReadContext context,
        Dictionary<string, string> gpFields)
    {
        // the GP formats are OMM 2.0 unless a record says otherwise
        var (version, versionLocation) = fields.Where(field => field.Name == OmmBinding.Kind.VersionKeyword)
            .Select(field => (field.Value, field.Location)).FirstOrDefault(("2.0", where));
        if (!MessageReading.CheckVersion(version, OmmBinding.Kind, versionLocation, context))
        {
            return null;
        }
        var root = new Node(OmmBinding.Kind.RootName, where);
        var header = root.AddChild("header", where);
        var segment = root.AddChild("segment", where);
        var metadata = segment.AddChild("metadata", where);
        var data = segment.AddChild("data", where);
        var blocks = OmmBinding.DataBlocks.Select(block => (Block: block, Parent: data))
            .Prepend((Block: OmmBinding.MetadataBlocks[0], Parent: segment)).Prepend((Block: OmmBinding.HeaderBlocks[0], Parent: root)).ToList();
        var nodes = new Dictionary<string, Node> { ["header"] = header, ["metadata"] = metadata };
        foreach (var (name, value, location) in fields)
        {
            if (name == OmmBinding.Kind.VersionKeyword)
            {
                continue;
            }
            if (name == "COMMENT")
            {
                if (value.Length > 0)
                {
                    header.Comments.Add(value);
                }
                continue;
            }
            if (_gpExtras.Contains(name))
            {
                gpFields[name] = value;
                continue;
            }
            var owner = blocks.FirstOrDefault(candidate => candidate.Block.Owns(name));
            if (owner.Block is null)
            {
                context.Error(CcsdsErrorKind.UnknownKeyword, location, name, $"{name} is not an OMM keyword");
                continue;
            }
            if (!nodes.TryGetValue(owner.Block.Name, out var node))
            {
                node = owner.Parent.AddChild(owner.Block.Name, where);
                nodes[owner.Block.Name] = node;
            }
            var (bare, unit) = KvnTokenizer.SplitUnit(value);
            node.Items.Add(new Entry(name, bare, unit, location, value));
        }
        // what the GP format leaves out because it is always the same
        AddDefault(metadata, "CENTER_NAME", "EARTH");
        AddDefault(metadata, "REF_FRAME", "TEME");
        AddDefault(metadata, "TIME_SYSTEM", CcsdsTimeSystems.Utc);
        AddDefault(metadata, "MEAN_ELEMENT_THEORY", "SGP4");
        root.Attributes["id"] = OmmBinding.Kind.VersionKeyword;
        root.Attributes["version"] = version;
        return OmmBinding.Bind(root, context);
    }

    private static void AddDefault(Node node, string keyword, string value)
    {
        if (!node.Entries.Any(entry => entry.Keyword == keyword))
        {
            node.Items.Add(new Entry(keyword, value, null, node.Location));
        }
    }

    /// <summary>
    /// The rows of a CSV text with the line each starts on (RFC 4180: "a,b", doubled quotes inside quotes, and line
    /// breaks inside quotes, which continue the row). A quote left open is the file's error at the line it opened.
    /// </summary>
    private static List<(int Line, List<string> Cells)> CsvRows(string text, ReadContext context)
    {
        var rows = new List<(int Line, List<string> Cells)>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var line = 1;
        var rowLine = 1;
        var quoteLine = 1;
        var start = text.StartsWith('\uFEFF') ? 1 : 0;
        for (var index = start; index < text.Length; index++)
        {
            var character = text[index];
            if (quoted)
            {
                if (character == '"' && index + 1 < text.Length && text[index + 1] == '"')
                {
                    cell.Append('"');
                    index++;
                }
                else if (character == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (character == '\n' || (character == '\r' && (index + 1 == text.Length || text[index + 1] != '\n')))
                    {
                        line++;
                    }
                    cell.Append(character);
                }
            }
            else if (character == '"')
            {
                quoted = true;
                quoteLine = line;
            }
            else if (character == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (character is '\r' or '\n')
            {
                if (character == '\r' && index + 1 < text.Length && text[index + 1] == '\n')
                {
                    index++;
                }
                cells.Add(cell.ToString());
                cell.Clear();
                rows.Add((rowLine, cells));
                cells = [];
                line++;
                rowLine = line;
            }
            else
            {
                cell.Append(character);
            }
        }
        if (quoted)
        {
            context.Error(CcsdsErrorKind.MalformedStructure, SourceLocation.AtLine(quoteLine), null,
                "a quoted CSV value is not closed before the end of the file");
            return rows;
        }
        if (cells.Count > 0 || cell.Length > 0)
        {
            cells.Add(cell.ToString());
            rows.Add((rowLine, cells));
        }
        return rows;
    }
}

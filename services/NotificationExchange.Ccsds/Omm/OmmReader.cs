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
        var context = new ReadContext(_gpOptions);
        var messages = ReadAny(text, context);
        context.ThrowIfErrors();
        return messages;
    }

    /// <summary>
    /// Like <see cref="ReadAll(string)"/>, without throwing: <paramref name="messages"/> holds the messages read without
    /// error (never one half built), <paramref name="errors"/> every error of the others; true when there are none.
    /// </summary>
    public static bool TryReadAll(string text, out IReadOnlyList<OmmMessage> messages, out IReadOnlyList<CcsdsError> errors)
    {
        var context = new ReadContext(_gpOptions);
        messages = ReadAny(text, context);
        errors = context.Errors;
        return errors.Count == 0;
    }

    /// <summary>One CCSDS OMM in KVN or XML, read strictly unless <paramref name="options"/> say otherwise.</summary>
    public static OmmMessage Read(string text, CcsdsReadOptions? options = null)
    {
        var context = new ReadContext(options ?? CcsdsReadOptions.Strict);
        var format = DetectFormat(text);
        var messages = format is OmmFormat.Kvn or OmmFormat.Xml ? ReadAny(text, context) : [];
        if (format is not (OmmFormat.Kvn or OmmFormat.Xml))
        {
            context.Error(CcsdsErrorKind.UnknownFormat, SourceLocation.AtLine(1), null, $"expected a CCSDS OMM in KVN or XML, found {format}");
        }
        else if (messages.Count != 1 && !context.HasErrors)
        {
            context.Error(CcsdsErrorKind.MalformedStructure, SourceLocation.AtLine(1), null, $"expected one OMM, found {messages.Count}");
        }
        context.ThrowIfErrors();
        return messages[0];
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

    /// <summary>The messages of the text that read without error; the errors of the others are in the context.</summary>
    private static List<OmmMessage> ReadAny(string text, ReadContext context) => DetectFormat(text) switch
    {
        OmmFormat.Xml => ReadXml(text, context),
        OmmFormat.Json => ReadJson(text, context),
        OmmFormat.Csv => ReadCsv(text, context),
        _ => ReadKvn(text, context),
    };

    /// <summary>Adds a message read since the context held <paramref name="errorsBefore"/> errors, unless reading it added one.</summary>
    private static void KeepIfClean(List<OmmMessage> messages, OmmMessage? message, ReadContext context, int errorsBefore)
    {
        if (message is not null && context.Errors.Count == errorsBefore)
        {
            messages.Add(message);
        }
    }

    private static List<OmmMessage> ReadXml(string text, ReadContext context)
    {
        var messages = new List<OmmMessage>();
        foreach (var root in MessageReading.ReadXmlMessages(text, OmmBinding.Kind, context))
        {
            var before = context.Errors.Count;
            KeepIfClean(messages, OmmBinding.Bind(root, context), context, before);
        }
        return messages;
    }

    private static List<OmmMessage> ReadKvn(string text, ReadContext context)
    {
        var messages = new List<OmmMessage>();
        if (MessageReading.StartKvn(text, OmmBinding.Kind, context) is not var (cursor, root))
        {
            return messages;
        }
        var before = context.Errors.Count;
        while (true)
        {
            var segment = root.AddChild("segment");
            var data = segment.AddChild("data");
            KvnStructure.ReadFlat(cursor,
                [new FlatPhase(root, OmmBinding.HeaderBlocks), new FlatPhase(segment, OmmBinding.MetadataBlocks), new FlatPhase(data, OmmBinding.DataBlocks)],
                context,
                stop: token => token.Keyword == OmmBinding.Kind.VersionKeyword,
                tolerateMarker: token => token.Keyword is "META_START" or "META_STOP");
            cursor.FinishComments(root);
            KeepIfClean(messages, OmmBinding.Bind(root, context), context, before);
            // several OMMs one after another (Space-Track's bulk KVN): each starts with its own version line; one of a
            // version this library does not read is reported once and skipped to the next
            KvnToken? next = null;
            while (!cursor.AtEnd)
            {
                next = cursor.Next();
                before = context.Errors.Count;
                if (MessageReading.CheckVersion(next.Value, OmmBinding.Kind, next.Location, context))
                {
                    break;
                }
                while (cursor.Peek() is { } token && token.Keyword != OmmBinding.Kind.VersionKeyword)
                {
                    cursor.Next();
                }
                cursor.PendingComments.Clear();
                next = null;
            }
            if (next is null)
            {
                return messages;
            }
            root = MessageReading.KvnRoot(OmmBinding.Kind, next);
        }
    }

    private static List<OmmMessage> ReadJson(string text, ReadContext context)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException exception)
        {
            context.Error(CcsdsErrorKind.UnknownFormat, new SourceLocation((int?)exception.LineNumber + 1, exception.Path), null, "not valid JSON: " + exception.Message);
            return [];
        }
        using (document)
        {
            var records = document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement.EnumerateArray().ToList()
                : [document.RootElement];
            var messages = new List<OmmMessage>();
            for (var index = 0; index < records.Count; index++)
            {
                var record = records[index];
                var path = document.RootElement.ValueKind == JsonValueKind.Array ? $"$[{index}]" : "$";
                if (record.ValueKind != JsonValueKind.Object)
                {
                    context.Error(CcsdsErrorKind.MalformedStructure, new SourceLocation(null, path), null, "each GP record must be a JSON object");
                    continue;
                }
                var before = context.Errors.Count;
                var fields = record.EnumerateObject().Select(property => (
                    Name: property.Name,
                    Value: property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString() ?? "",
                        JsonValueKind.Null => "",
                        _ => property.Value.GetRawText(),
                    },
                    Location: new SourceLocation(null, $"{path}.{property.Name}")));
                KeepIfClean(messages, BindRecord(fields, new SourceLocation(null, path), context), context, before);
            }
            return messages;
        }
    }

    private static List<OmmMessage> ReadCsv(string text, ReadContext context)
    {
        var lines = text.Split(["\r\n", "\n", "\r"], StringSplitOptions.None);
        var header = SplitCsv(lines[0]).Select(name => name.Trim()).ToList();
        var messages = new List<OmmMessage>();
        for (var index = 1; index < lines.Length; index++)
        {
            if (lines[index].Trim().Length == 0)
            {
                continue;
            }
            var lineNumber = index + 1;
            var cells = SplitCsv(lines[index]);
            if (cells.Count != header.Count)
            {
                context.Error(CcsdsErrorKind.WrongColumnCount, SourceLocation.AtLine(lineNumber), null,
                    $"row has {cells.Count} values for {header.Count} columns");
                continue;
            }
            var before = context.Errors.Count;
            var fields = header.Select((name, column) => (name, cells[column].Trim(), new SourceLocation(lineNumber, $"column {name}")));
            KeepIfClean(messages, BindRecord(fields, SourceLocation.AtLine(lineNumber), context), context, before);
        }
        return messages;
    }

    /// <summary>
    /// One GP record (JSON object or CSV row) as an OMM: each field goes to the block owning its keyword. Null when its
    /// CCSDS_OMM_VERS is a version this library does not read (reported once, its other fields not looked at).
    /// </summary>
    private static OmmMessage? BindRecord(IEnumerable<(string Name, string Value, SourceLocation Location)> fields, SourceLocation where, ReadContext context)
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

    /// <summary>Splits a CSV row (RFC 4180 quoting: "a,b" and doubled quotes inside).</summary>
    private static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var index = 0; index < line.Length; index++)
        {
            var character = line[index];
            if (quoted)
            {
                if (character == '"' && index + 1 < line.Length && line[index + 1] == '"')
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
                    cell.Append(character);
                }
            }
            else if (character == '"')
            {
                quoted = true;
            }
            else if (character == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(character);
            }
        }
        cells.Add(cell.ToString());
        return cells;
    }
}

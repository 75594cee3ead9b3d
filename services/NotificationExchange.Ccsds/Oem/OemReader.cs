using NotificationExchange.Ccsds.Odm;
using NotificationExchange.Ccsds.Syntax;

namespace NotificationExchange.Ccsds.Oem;

/// <summary>Reads an OEM in KVN or XML (detected from the content), reporting every error it finds.</summary>
public static class OemReader
{
    public static OemMessage Read(string text, CcsdsReadOptions? options = null) => MessageReading.Read(text, options, Read);

    public static bool TryRead(string text, out OemMessage? message, out IReadOnlyList<CcsdsError> errors, CcsdsReadOptions? options = null) =>
        MessageReading.TryRead(text, options, Read, out message, out errors);

    internal static OemMessage? Read(string text, ReadContext context) =>
        MessageReading.ReadOne(text, OemBinding.Kind, context, ReadKvn, OemBinding.Bind);

    /// <summary>The KVN after the version line: the header, then segments each opened by META_START.</summary>
    private static void ReadKvn(KvnCursor cursor, Node root, ReadContext context)
    {
        KvnStructure.ReadFlat(cursor, [new FlatPhase(root, [OdmMaps.Header.AsFlatBlock()])], context,
            stop: token => token.Kind == KvnTokenKind.Marker);
        var body = root.AddChild("body");
        while (cursor.PeekPastComments() is { } token)
        {
            cursor.Next();
            if (token.Keyword != "META_START")
            {
                context.Error(CcsdsErrorKind.MalformedStructure, token.Location, token.Keyword.Length > 0 ? token.Keyword : null,
                    "expected META_START, which opens an OEM segment");
                continue;
            }
            var segment = body.AddChild("segment", token.Location);
            KvnStructure.ReadSection(cursor, segment.AddChild("metadata", token.Location), "META", token.Line, context, allowDataLines: false);
            ReadData(cursor, segment.AddChild("data", token.Location), context);
        }
    }

    /// <summary>Ephemeris lines, then optionally a COVARIANCE_START ... COVARIANCE_STOP block of matrices each opened by EPOCH.</summary>
    private static void ReadData(KvnCursor cursor, Node data, ReadContext context)
    {
        cursor.FlushCommentsInto(data);
        while (cursor.Peek() is { } token && token.Keyword != "META_START")
        {
            cursor.Next();
            switch (token.Kind)
            {
                case KvnTokenKind.Comment:
                    data.Comments.Add(token.Value);
                    break;
                case KvnTokenKind.DataLine:
                    data.Items.Add(new DataLine(token.Value, token.Location));
                    break;
                case KvnTokenKind.Marker when token.Keyword == "COVARIANCE_START":
                    ReadCovariances(cursor, data, token, context);
                    break;
                default:
                    context.Error(token.Kind == KvnTokenKind.KeyValue ? CcsdsErrorKind.MisplacedKeyword : CcsdsErrorKind.MalformedStructure,
                        token.Location, token.Keyword, $"{token.Keyword} does not belong among ephemeris lines");
                    break;
            }
        }
    }

    private static void ReadCovariances(KvnCursor cursor, Node data, KvnToken start, ReadContext context)
    {
        Node? matrix = null;
        var comments = new List<string>();
        while (cursor.Peek() is { } token)
        {
            cursor.Next();
            switch (token.Kind)
            {
                case KvnTokenKind.Marker when token.Keyword == "COVARIANCE_STOP":
                    matrix?.Comments.AddRange(comments);
                    return;
                case KvnTokenKind.Comment:
                    comments.Add(token.Value);
                    break;
                case KvnTokenKind.KeyValue when token.Keyword == "EPOCH" || matrix is null:
                    matrix = data.AddChild("covarianceMatrix", token.Location);
                    matrix.Comments.AddRange(comments);
                    comments.Clear();
                    matrix.Items.Add(token.ToEntry());
                    break;
                case KvnTokenKind.KeyValue:
                    matrix.Items.Add(token.ToEntry());
                    break;
                case KvnTokenKind.DataLine when matrix is not null:
                    matrix.Items.Add(new DataLine(token.Value, token.Location));
                    break;
                default:
                    context.Error(CcsdsErrorKind.MalformedStructure, token.Location, token.Keyword.Length > 0 ? token.Keyword : null,
                        "a covariance matrix starts with EPOCH");
                    break;
            }
        }
        context.Error(CcsdsErrorKind.MalformedStructure, start.Location, "COVARIANCE_START", "COVARIANCE_START has no matching COVARIANCE_STOP");
    }
}

using System.Xml;
using NotificationExchange.Ccsds.Cdm;
using NotificationExchange.Ccsds.Ocm;
using NotificationExchange.Ccsds.Oem;
using NotificationExchange.Ccsds.Omm;
using NotificationExchange.Ccsds.Opm;
using NotificationExchange.Ccsds.Syntax;

namespace NotificationExchange.Ccsds;

/// <summary>Reads any of the five messages, telling type and syntax (KVN or XML) from the content.</summary>
public static class NdmReader
{
    private static readonly Dictionary<string, NdmMessageType> _types = new()
    {
        ["opm"] = NdmMessageType.Opm,
        ["omm"] = NdmMessageType.Omm,
        ["oem"] = NdmMessageType.Oem,
        ["ocm"] = NdmMessageType.Ocm,
        ["cdm"] = NdmMessageType.Cdm,
    };

    /// <summary>
    /// KVN or XML: XML when the text's first character, past a byte-order mark and blanks, is '&lt;'. Every reader of
    /// this library tells the syntax this way, so a caller naming the syntax of a message it read agrees with them.
    /// </summary>
    public static CcsdsSyntax DetectSyntax(string text) => StartOfContent(text).StartsWith('<') ? CcsdsSyntax.Xml : CcsdsSyntax.Kvn;

    /// <summary>The text from its first character that is not a byte-order mark or a blank: what tells its syntax or form.</summary>
    internal static string StartOfContent(string text) => text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');

    /// <summary>The message type: from the CCSDS_xxx_VERS keyword of KVN, or the root element (or first message in &lt;ndm&gt;) of XML.</summary>
    public static NdmMessageType? DetectType(string text) => DetectType(text, out _);

    /// <summary>
    /// The message type, as <see cref="DetectType(string)"/>; when there is none, <paramref name="problem"/> says why
    /// if the text is XML that is not well formed (with the line of the fault), and is null when the text is simply
    /// not one of the five messages.
    /// </summary>
    public static NdmMessageType? DetectType(string text, out CcsdsError? problem)
    {
        problem = null;
        if (DetectSyntax(text) == CcsdsSyntax.Kvn)
        {
            var first = KvnTokenizer.Tokenize(text).FirstOrDefault(token => token.Kind != KvnTokenKind.Comment);
            return first is { Kind: KvnTokenKind.KeyValue } && first.Keyword.StartsWith("CCSDS_", StringComparison.Ordinal)
                && first.Keyword.EndsWith("_VERS", StringComparison.Ordinal)
                && _types.TryGetValue(first.Keyword["CCSDS_".Length..^"_VERS".Length].ToLowerInvariant(), out var kvnType)
                ? kvnType : null;
        }
        using var reader = Syntax.XmlNodeReader.CreateReader(text);
        try
        {
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element
                    || (reader.Depth == 0 && reader.LocalName == "ndm")
                    // an <ndm> may start with comments before its first message
                    || (reader.Depth == 1 && reader.LocalName == "COMMENT"))
                {
                    continue;
                }
                return _types.TryGetValue(reader.LocalName, out var xmlType) ? xmlType : null;
            }
        }
        catch (XmlException exception)
        {
            // not well formed (an undeclared prefix, a DTD, ...) before the type could be told: that is the error to report
            problem = Syntax.XmlNodeReader.MalformedXml(exception, text);
        }
        return null;
    }

    /// <summary>
    /// The message as <see cref="OpmMessage"/>, <see cref="OmmMessage"/>, <see cref="OemMessage"/>,
    /// <see cref="OcmMessage"/> or <see cref="CdmMessage"/>; throws <see cref="CcsdsFormatException"/> listing every error.
    /// </summary>
    public static object Read(string text, CcsdsReadOptions? options = null) => DetectType(text, out var problem) switch
    {
        NdmMessageType.Opm => OpmReader.Read(text, options),
        NdmMessageType.Omm => OmmReader.Read(text, options),
        NdmMessageType.Oem => OemReader.Read(text, options),
        NdmMessageType.Ocm => OcmReader.Read(text, options),
        NdmMessageType.Cdm => CdmReader.Read(text, options),
        _ => throw new CcsdsFormatException([problem ?? new CcsdsError(CcsdsErrorKind.UnknownFormat, SourceLocation.AtLine(1), null,
            "not an OPM, OMM, OEM, OCM or CDM: KVN starts with CCSDS_xxx_VERS, XML with <opm>, <omm>, <oem>, <ocm>, <cdm> or <ndm>")]),
    };
}

using NotificationExchange.Ccsds.Cdm;
using NotificationExchange.Ccsds.Ocm;
using NotificationExchange.Ccsds.Oem;
using NotificationExchange.Ccsds.Omm;
using NotificationExchange.Ccsds.Opm;
using NotificationExchange.Ccsds.Syntax;

namespace NotificationExchange.Ccsds.Tests;

/// <summary>The five message types behind one interface, so tests can run over every file whatever its type.</summary>
internal static class Messages
{
    /// <summary>Reads a message of the type named by its folder (opm, omm, ...) and returns its content as a node tree.</summary>
    public static Node ReadContent(string type, string text) => Content(type, Read(type, text));

    public static object Read(string type, string text) => type switch
    {
        "opm" => OpmReader.Read(text),
        "omm" => OmmReader.Read(text),
        "oem" => OemReader.Read(text),
        "ocm" => OcmReader.Read(text),
        "cdm" => CdmReader.Read(text),
        _ => throw new ArgumentException(type, nameof(type)),
    };

    public static string Write(object message, CcsdsSyntax syntax) => message switch
    {
        OpmMessage opm => OpmWriter.Write(opm, syntax),
        OmmMessage omm => OmmWriter.Write(omm, syntax),
        OemMessage oem => OemWriter.Write(oem, syntax),
        OcmMessage ocm => OcmWriter.Write(ocm, syntax),
        CdmMessage cdm => CdmWriter.Write(cdm, syntax),
        _ => throw new ArgumentException(message.GetType().Name, nameof(message)),
    };

    /// <summary>The message's content in canonical form (the XML-shaped node tree the writers produce).</summary>
    public static Node Content(string type, object message) => message switch
    {
        OpmMessage opm => OpmBinding.Write(opm),
        OmmMessage omm => OmmBinding.Write(omm),
        OemMessage oem => OemBinding.Write(oem, CcsdsSyntax.Xml),
        OcmMessage ocm => OcmBinding.Write(ocm),
        CdmMessage cdm => CdmBinding.Write(cdm),
        _ => throw new ArgumentException(type, nameof(type)),
    };

    /// <summary>The keywords a KVN text uses (not counting COMMENT and block markers).</summary>
    public static HashSet<string> KvnKeywords(string text) =>
        [.. KvnTokenizer.Tokenize(text).Where(token => token.Kind == KvnTokenKind.KeyValue).Select(token => token.Keyword)];

    /// <summary>The 1-based number of the first line of <paramref name="text"/> that starts with <paramref name="start"/> (after blanks).</summary>
    public static int LineOf(string text, string start)
    {
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            if (lines[index].TrimStart().StartsWith(start, StringComparison.Ordinal))
            {
                return index + 1;
            }
        }
        throw new ArgumentException($"no line starts with {start}", nameof(start));
    }
}

using NotificationExchange.Ccsds.Syntax;

namespace NotificationExchange.Ccsds.Opm;

/// <summary>Reads an OPM in KVN or XML (detected from the content), reporting every error it finds.</summary>
public static class OpmReader
{
    public static OpmMessage Read(string text, CcsdsReadOptions? options = null) => MessageReading.Read(text, options, Read);

    public static bool TryRead(string text, out OpmMessage? message, out IReadOnlyList<CcsdsError> errors, CcsdsReadOptions? options = null) =>
        MessageReading.TryRead(text, options, Read, out message, out errors);

    internal static OpmMessage? Read(string text, ReadContext context) =>
        MessageReading.ReadOne(text, OpmBinding.Kind, context, ReadKvn, OpmBinding.Bind);

    /// <summary>The flat KVN after the version line: header, metadata, then the data blocks, each keyword going to the block that owns it.</summary>
    private static void ReadKvn(KvnCursor cursor, Node root, ReadContext context)
    {
        var segment = root.AddChild("segment");
        var data = segment.AddChild("data");
        // beyond wraps OPM metadata in META_START/META_STOP, which OPM KVN does not have: tolerated
        KvnStructure.ReadFlat(cursor, OpmBinding.KvnPhases(root, segment, data), context, stop: _ => false,
            tolerateMarker: token => token.Keyword is "META_START" or "META_STOP");
    }
}

using NotificationExchange.Ccsds.Odm;
using NotificationExchange.Ccsds.Syntax;

namespace NotificationExchange.Ccsds.Ocm;

/// <summary>Reads an OCM in KVN or XML (detected from the content), reporting every error it finds.</summary>
public static class OcmReader
{
    public static OcmMessage Read(string text, CcsdsReadOptions? options = null) => MessageReading.Read(text, options, Read);

    public static bool TryRead(string text, out OcmMessage? message, out IReadOnlyList<CcsdsError> errors, CcsdsReadOptions? options = null) =>
        MessageReading.TryRead(text, options, Read, out message, out errors);

    internal static OcmMessage? Read(string text, ReadContext context) =>
        MessageReading.ReadOne(text, OcmBinding.Kind, context, ReadKvn, OcmBinding.Bind);

    /// <summary>
    /// The KVN after the version line: the header, META_START ... META_STOP, then the sections, each within its own
    /// markers. A missing metadata block is left for the binding to report once, as the missing metadata block.
    /// </summary>
    private static void ReadKvn(KvnCursor cursor, Node root, ReadContext context)
    {
        KvnStructure.ReadFlat(cursor, [new FlatPhase(root, [OdmMaps.Header.AsFlatBlock()])], context, stop: token => token.Kind == KvnTokenKind.Marker);
        var segment = root.AddChild("segment");
        var data = segment.AddChild("data");
        var sawMetadata = false;
        var sawSection = false;
        while (cursor.PeekPastComments() is { } token)
        {
            cursor.Next();
            var marker = token.Kind == KvnTokenKind.Marker && token.Keyword.EndsWith("_START", StringComparison.Ordinal)
                ? token.Keyword[..^"_START".Length] : null;
            if (marker == "META" && !sawMetadata)
            {
                sawMetadata = true;
                if (sawSection)
                {
                    context.Error(CcsdsErrorKind.MalformedStructure, token.Location, "META_START", "the metadata must come right after the header, before the data sections");
                }
                var metadata = new Node("metadata", token.Location);
                segment.Items.Insert(0, metadata);
                KvnStructure.ReadSection(cursor, metadata, "META", token.Line, context, allowDataLines: false);
            }
            else if (marker is not null && OcmBinding.SectionName(marker) is { } name)
            {
                // a section is read even where it is out of place, so that a missing or late metadata block is one
                // error rather than one per section
                sawSection = true;
                var section = data.AddChild(name, token.Location);
                section.LineElement = name + "Line";
                KvnStructure.ReadSection(cursor, section, marker, token.Line, context, allowDataLines: name is "traj" or "cov" or "man");
            }
            else
            {
                context.Error(CcsdsErrorKind.MalformedStructure, token.Location, token.Keyword.Length > 0 ? token.Keyword : null,
                    sawMetadata ? "expected a section: TRAJ_START, PHYS_START, COV_START, MAN_START, PERT_START, OD_START or USER_START"
                        : "expected META_START after the header, or a section");
            }
        }
    }
}

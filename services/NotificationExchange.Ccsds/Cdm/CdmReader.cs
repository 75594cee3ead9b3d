using NotificationExchange.Ccsds.Syntax;

namespace NotificationExchange.Ccsds.Cdm;

/// <summary>Reads a CDM in KVN or XML (detected from the content), reporting every error it finds.</summary>
public static class CdmReader
{
    public static CdmMessage Read(string text, CcsdsReadOptions? options = null) => MessageReading.Read(text, options, Read);

    public static bool TryRead(string text, out CdmMessage? message, out IReadOnlyList<CcsdsError> errors, CcsdsReadOptions? options = null) =>
        MessageReading.TryRead(text, options, Read, out message, out errors);

    internal static CdmMessage? Read(string text, ReadContext context) =>
        MessageReading.ReadOne(text, CdmBinding.Kind, context, ReadKvn, CdmBinding.Bind);

    /// <summary>The flat KVN after the version line: header, relative metadata, then each object from its OBJECT line on.</summary>
    private static void ReadKvn(KvnCursor cursor, Node root, ReadContext context)
    {
        var body = root.AddChild("body");
        KvnStructure.ReadFlat(cursor,
            [new FlatPhase(root, [CdmBinding.Header.AsFlatBlock()]), new FlatPhase(body, [CdmBinding.Relative.AsFlatBlock()])],
            context, stop: token => token.Keyword == "OBJECT");
        // each object starts at its OBJECT line; comments just before it belong to its metadata
        while (cursor.PeekPastComments() is { } objectToken)
        {
            var segment = body.AddChild("segment", objectToken.Location);
            var data = segment.AddChild("data", objectToken.Location);
            var objectLine = cursor.Next();
            var metadata = new Node("metadata", objectLine.Location);
            segment.Items.Insert(0, metadata);
            cursor.FlushCommentsInto(metadata);
            metadata.Items.Add(objectLine.ToEntry());
            cursor.LastNode = metadata;
            KvnStructure.ReadFlat(cursor,
                [new FlatPhase(segment, [CdmBinding.Metadata.AsFlatBlock()]), new FlatPhase(data, CdmBinding.DataBlocks)],
                context, stop: token => token.Keyword == "OBJECT");
            // the flat reader put later metadata lines in a second metadata node: merge it into the first
            foreach (var extra in segment.ChildrenNamed("metadata").Skip(1).ToList())
            {
                metadata.Comments.AddRange(extra.Comments);
                metadata.Items.AddRange(extra.Items);
                segment.Items.Remove(extra);
            }
        }
    }
}

using System.Text;

namespace NotificationExchange.Ccsds.Syntax;

/// <summary>Writes a message's <see cref="Node"/> tree as KVN text.</summary>
internal static class KvnNodeWriter
{
    private const int KeywordWidth = 20;

    public static string Write(Node root)
    {
        var text = new StringBuilder();
        text.Append(Pad(root.Attributes["id"])).Append(" = ").Append(root.Attributes["version"]).Append('\n');
        WriteItems(root, text, topLevel: true);
        return text.ToString();
    }

    private static void WriteNode(Node node, StringBuilder text, bool topLevel)
    {
        if (topLevel && text.Length > 0 && !EndsWithBlankLine(text))
        {
            text.Append('\n');
        }
        if (node.KvnMarker is not null)
        {
            text.Append(node.KvnMarker).Append("_START\n");
        }
        WriteItems(node, text, topLevel: node.KvnMarker is null && topLevel);
        if (node.KvnMarker is not null)
        {
            text.Append(node.KvnMarker).Append("_STOP\n");
        }
    }

    private static void WriteItems(Node node, StringBuilder text, bool topLevel)
    {
        foreach (var comment in node.Comments)
        {
            text.Append("COMMENT ").Append(comment).Append('\n');
        }
        foreach (var item in node.Items)
        {
            switch (item)
            {
                case Entry entry:
                    text.Append(Pad(entry.Keyword)).Append(" = ").Append(entry.Value);
                    if (entry.Unit is not null)
                    {
                        text.Append(" [").Append(entry.Unit).Append(']');
                    }
                    text.Append('\n');
                    break;
                case DataLine line:
                    text.Append(line.Text).Append('\n');
                    break;
                case Node child:
                    WriteNode(child, text, topLevel);
                    break;
            }
        }
    }

    private static string Pad(string keyword) => keyword.PadRight(KeywordWidth);

    private static bool EndsWithBlankLine(StringBuilder text) => text.Length >= 2 && text[^1] == '\n' && text[^2] == '\n';
}

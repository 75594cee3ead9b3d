using System.Text;
using System.Xml;

namespace NotificationExchange.Ccsds.Syntax;

/// <summary>Writes a message's <see cref="Node"/> tree as NDM/XML (unqualified, with units attributes).</summary>
internal static class XmlNodeWriter
{
    private const string SchemaInstance = "http://www.w3.org/2001/XMLSchema-instance";
    private const string SchemaLocation = "https://sanaregistry.org/r/ndmxml_unqualified/ndmxml-3.0.0-master-3.0.xsd";

    public static string Write(Node root)
    {
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement(root.Name);
            writer.WriteAttributeString("xmlns", "xsi", null, SchemaInstance);
            writer.WriteAttributeString("xsi", "noNamespaceSchemaLocation", SchemaInstance, SchemaLocation);
            foreach (var (name, value) in root.Attributes)
            {
                writer.WriteAttributeString(name, value);
            }
            WriteContent(root, writer);
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteContent(Node node, XmlWriter writer)
    {
        foreach (var comment in node.Comments)
        {
            writer.WriteElementString("COMMENT", comment);
        }
        foreach (var item in node.Items)
        {
            switch (item)
            {
                case Entry entry when entry.Keyword.StartsWith("USER_DEFINED_", StringComparison.Ordinal):
                    writer.WriteStartElement("USER_DEFINED");
                    writer.WriteAttributeString("parameter", entry.Keyword["USER_DEFINED_".Length..]);
                    writer.WriteString(entry.Value);
                    writer.WriteEndElement();
                    break;
                case Entry entry:
                    writer.WriteStartElement(entry.Keyword);
                    if (entry.Unit is not null)
                    {
                        writer.WriteAttributeString("units", entry.Unit);
                    }
                    writer.WriteString(entry.Value);
                    writer.WriteEndElement();
                    break;
                case DataLine line:
                    writer.WriteElementString(node.LineElement ?? throw new InvalidOperationException($"{node.Name} has data lines but no line element name"), line.Text);
                    break;
                case Node child:
                    writer.WriteStartElement(child.Name);
                    WriteContent(child, writer);
                    writer.WriteEndElement();
                    break;
            }
        }
    }
}

using System.Xml;
using System.Xml.Linq;

namespace NotificationExchange.Ccsds.Syntax;

/// <summary>
/// Reads NDM/XML into <see cref="Node"/>s. Namespaces are ignored (elements are matched by local name), so schema-
/// qualified and unqualified files read alike. Structural elements (lower-case names: header, segment, stateVector)
/// become nodes; keyword elements (upper-case) become entries with their units attribute; COMMENT elements become
/// comments; trajLine/covLine/manLine become data lines; USER_DEFINED parameter="X" becomes entry USER_DEFINED_X.
/// </summary>
internal static class XmlNodeReader
{
    public static Node? Read(string text, ReadContext context)
    {
        XDocument document;
        try
        {
            // no DTDs: NDM/XML has none, and refusing them shuts out entity expansion attacks
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(text), settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException exception)
        {
            context.Error(CcsdsErrorKind.MalformedXml, new SourceLocation(exception.LineNumber > 0 ? exception.LineNumber : null, null), null, exception.Message);
            return null;
        }
        var root = document.Root!;
        return ReadElement(root, "/" + root.Name.LocalName, context);
    }

    private static Node ReadElement(XElement element, string path, ReadContext context)
    {
        var node = new Node(element.Name.LocalName, LocationOf(element, path));
        foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration))
        {
            node.Attributes[attribute.Name.LocalName] = attribute.Value;
        }
        var siblingCounts = element.Elements().GroupBy(child => child.Name.LocalName).ToDictionary(group => group.Key, group => group.Count());
        var seen = new Dictionary<string, int>();
        foreach (var child in element.Elements())
        {
            var name = child.Name.LocalName;
            seen[name] = seen.GetValueOrDefault(name) + 1;
            var childPath = path + "/" + name + (siblingCounts[name] > 1 ? $"[{seen[name]}]" : "");
            var location = LocationOf(child, childPath);
            if (name == "COMMENT")
            {
                node.Comments.Add(child.Value.Trim());
            }
            else if (name is "trajLine" or "covLine" or "manLine")
            {
                node.LineElement = name;
                node.Items.Add(new DataLine(child.Value.Trim(), location));
            }
            else if (char.IsLower(name[0]))
            {
                node.Items.Add(ReadElement(child, childPath, context));
            }
            else if (child.HasElements)
            {
                context.Error(CcsdsErrorKind.MalformedStructure, location, name, $"keyword element {name} must hold text, not elements");
            }
            else
            {
                var keyword = name == "USER_DEFINED" ? "USER_DEFINED_" + (child.Attribute("parameter")?.Value ?? "") : name;
                var unit = child.Attributes().FirstOrDefault(a => a.Name.LocalName == "units")?.Value;
                node.Items.Add(new Entry(keyword, child.Value.Trim(), unit, location));
            }
        }
        return node;
    }

    private static SourceLocation LocationOf(XElement element, string path) =>
        new(element is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null, path);
}

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
        using var reader = CreateReader(text);
        try
        {
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException exception)
        {
            context.Errors.Add(MalformedXml(exception, text));
            return null;
        }
        var root = document.Root!;
        return ReadElement(root, "/" + root.Name.LocalName, context);
    }

    /// <summary>
    /// A reader of NDM/XML text. No DTDs: NDM/XML has none, and refusing them shuts out entity expansion attacks. A
    /// byte order mark left at the start of the text (decoded without being recognized) is dropped, as the KVN reader
    /// and the syntax detection drop it; XmlReader would refuse the text.
    /// </summary>
    public static XmlReader CreateReader(string text) =>
        XmlReader.Create(new StringReader(text.StartsWith('\uFEFF') ? text[1..] : text),
            new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });

    /// <summary>
    /// The error for XML that is not well formed, at the exception's line. XmlReader gives no line when it refuses a
    /// DTD (and its own line info is reset by then), so that error is placed at the line of the &lt;!DOCTYPE.
    /// </summary>
    public static CcsdsError MalformedXml(XmlException exception, string text)
    {
        var line = exception.LineNumber > 0 ? exception.LineNumber : LineOf(text, text.IndexOf("<!DOCTYPE", StringComparison.Ordinal));
        return new CcsdsError(CcsdsErrorKind.MalformedXml, new SourceLocation(line, null), null, exception.Message);
    }

    private static int? LineOf(string text, int index) => index < 0 ? null : text.AsSpan(0, index).Count('\n') + 1;

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
                node.Items.Add(new Entry(keyword, child.Value.Trim(), unit, location, unitIsAttribute: unit is not null));
            }
        }
        return node;
    }

    private static SourceLocation LocationOf(XElement element, string path) =>
        new(element is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null, path);
}

using System.Text.RegularExpressions;
using System.Xml;
using NotificationExchange.Ccsds.Odm;

namespace NotificationExchange.Ccsds.Syntax;

/// <summary>
/// What a writer checks before it writes a message: every value must come back from the text exactly as it went in,
/// in KVN and in XML alike (a message written in one syntax is often converted to the other). A value that cannot is
/// refused by field, all of them at once, with the library's own error: a number that is not finite (refused where it
/// is formatted, <see cref="Node.Refuse"/>), a text <see cref="CcsdsText.Problem"/> finds fault with, and a keyword
/// that is not a KVN keyword (a user-defined parameter name).
/// </summary>
internal static partial class WriteCheck
{
    public static void ThrowIfUnwritable(Node root)
    {
        var errors = new List<CcsdsError>();
        var path = "/" + root.Name;
        foreach (var (name, value) in root.Attributes)
        {
            Check(value, path + "/@" + name, name == "version" ? root.Attributes.GetValueOrDefault("id") : name, errors);
        }
        Walk(root, path, errors);
        if (errors.Count > 0)
        {
            throw new CcsdsFormatException(errors);
        }
    }

    private static void Walk(Node node, string path, List<CcsdsError> errors)
    {
        foreach (var (keyword, message) in node.Refusals)
        {
            errors.Add(Error(path, keyword, message));
        }
        foreach (var comment in node.Comments)
        {
            Check(comment, path + "/COMMENT", "COMMENT", errors);
        }
        var counts = node.Children.GroupBy(child => child.Name).ToDictionary(group => group.Key, group => group.Count());
        var seen = new Dictionary<string, int>();
        var lineNumber = 0;
        foreach (var item in node.Items)
        {
            switch (item)
            {
                case Entry entry:
                    if (!KeywordPattern().IsMatch(entry.Keyword) || entry.Keyword == UserDefinedParameters.Prefix)
                    {
                        errors.Add(Error(path, entry.Keyword, $"'{entry.Keyword}' is not a keyword (letters, digits and _ only)"));
                    }
                    Check(entry.Value, path + "/" + entry.Keyword, entry.Keyword, errors);
                    if (entry.Unit is { } unit)
                    {
                        Check(unit, path + "/" + entry.Keyword + "/@units", entry.Keyword, errors);
                    }
                    break;
                case DataLine line:
                    lineNumber++;
                    var element = node.LineElement ?? node.Name;
                    Check(line.Text, $"{path}/{element}[{lineNumber}]", element, errors);
                    break;
                case Node child:
                    seen[child.Name] = seen.GetValueOrDefault(child.Name) + 1;
                    Walk(child, path + "/" + child.Name + (counts[child.Name] > 1 ? $"[{seen[child.Name]}]" : ""), errors);
                    break;
            }
        }
    }

    private static void Check(string text, string path, string? keyword, List<CcsdsError> errors)
    {
        if (CcsdsText.Problem(text) is { } problem)
        {
            errors.Add(Error(path, keyword, $"{Show(text)} {problem}"));
        }
    }

    private static CcsdsError Error(string path, string? keyword, string message) =>
        new(CcsdsErrorKind.InvalidValue, new SourceLocation(null, path), keyword, "cannot be written: " + message);

    /// <summary>The text as it can be shown in a message: control characters as \uXXXX, at most 40 characters.</summary>
    private static string Show(string text)
    {
        var shown = string.Concat(text.Take(40).Select(c => char.IsControl(c) || !XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString()));
        return $"'{shown}{(text.Length > 40 ? "..." : "")}'";
    }

    [GeneratedRegex("^[A-Za-z0-9_]+\\z", RegexOptions.CultureInvariant)]
    private static partial Regex KeywordPattern();
}

using NotificationExchange.Ccsds.Syntax;

namespace NotificationExchange.Ccsds.Odm;

/// <summary>USER_DEFINED_x = value parameters, in order.</summary>
public sealed class UserDefinedParameters : CcsdsBlock
{
    /// <summary>Parameter names without the USER_DEFINED_ prefix, with their values.</summary>
    public List<KeyValuePair<string, string>> Parameters { get; set; } = [];

    internal const string Prefix = "USER_DEFINED_";

    internal override bool AcceptUnknown(Entry entry, ReadContext context)
    {
        if (!entry.Keyword.StartsWith(Prefix, StringComparison.Ordinal) || entry.Keyword.Length == Prefix.Length)
        {
            return false;
        }
        var name = entry.Keyword[Prefix.Length..];
        if (Parameters.Any(parameter => parameter.Key == name))
        {
            context.Error(CcsdsErrorKind.DuplicateKeyword, entry.Location, entry.Keyword, $"{entry.Keyword} is given more than once");
            return true;
        }
        // the value as written: brackets at its end are part of it
        Parameters.Add(new(name, entry.Raw));
        Locate(entry.Keyword, entry.Location);
        return true;
    }

    internal override void WriteExtra(Node node)
    {
        foreach (var (name, value) in Parameters)
        {
            node.Add(Prefix + name, value);
        }
    }
}

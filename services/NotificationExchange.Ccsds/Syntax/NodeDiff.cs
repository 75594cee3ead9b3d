namespace NotificationExchange.Ccsds.Syntax;

/// <summary>
/// Compares two messages' content through their written node trees (values in canonical form, so 1.50 and 1.5 or a
/// calendar and a day-of-year date of the same instant compare equal). Lists what each side has that the other lacks.
/// </summary>
internal static class NodeDiff
{
    public static List<string> Compare(Node left, Node right)
    {
        var leftFacts = Flatten(left);
        var rightFacts = Flatten(right);
        var differences = new List<string>();
        foreach (var fact in Subtract(leftFacts, rightFacts))
        {
            differences.Add("- " + fact);
        }
        foreach (var fact in Subtract(rightFacts, leftFacts))
        {
            differences.Add("+ " + fact);
        }
        return differences;
    }

    public static List<string> Flatten(Node root)
    {
        var facts = new List<string>();
        Flatten(root, root.Name, facts);
        return facts;
    }

    private static void Flatten(Node node, string path, List<string> facts)
    {
        foreach (var (name, value) in node.Attributes)
        {
            facts.Add($"{path}@{name}={value}");
        }
        foreach (var comment in node.Comments)
        {
            facts.Add($"{path}#COMMENT={comment}");
        }
        var counts = new Dictionary<string, int>();
        var lineNumber = 0;
        foreach (var item in node.Items)
        {
            switch (item)
            {
                case Entry entry:
                    facts.Add($"{path}/{entry.Keyword}={entry.Value}" + (entry.Unit is null ? "" : $" [{entry.Unit}]"));
                    break;
                case DataLine line:
                    facts.Add($"{path}/line[{++lineNumber}]={string.Join(' ', line.Tokens)}");
                    break;
                case Node child:
                    counts[child.Name] = counts.GetValueOrDefault(child.Name) + 1;
                    Flatten(child, $"{path}/{child.Name}[{counts[child.Name]}]", facts);
                    break;
            }
        }
    }

    private static IEnumerable<string> Subtract(List<string> from, List<string> remove)
    {
        var remaining = remove.GroupBy(fact => fact).ToDictionary(group => group.Key, group => group.Count());
        foreach (var fact in from)
        {
            if (remaining.TryGetValue(fact, out var count) && count > 0)
            {
                remaining[fact] = count - 1;
            }
            else
            {
                yield return fact;
            }
        }
    }
}

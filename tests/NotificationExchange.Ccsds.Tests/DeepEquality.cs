using System.Collections;
using System.Reflection;

namespace NotificationExchange.Ccsds.Tests;

/// <summary>
/// Compares two models property by property (doubles exactly, CcsdsTime by instant), independently of the writers'
/// formatting, so a writer that loses precision cannot hide behind a comparison that formats both sides alike.
/// </summary>
internal static class DeepEquality
{
    public static List<string> Differences(object? left, object? right)
    {
        var differences = new List<string>();
        Compare(left, right, "message", differences);
        return differences;
    }

    private static void Compare(object? left, object? right, string path, List<string> differences)
    {
        if (left is null || right is null)
        {
            if (left is not null || right is not null)
            {
                differences.Add($"{path}: {Show(left)} vs {Show(right)}");
            }
            return;
        }
        if (left.GetType() != right.GetType())
        {
            differences.Add($"{path}: {left.GetType().Name} vs {right.GetType().Name}");
            return;
        }
        switch (left)
        {
            case double number when !number.Equals((double)right):
                differences.Add($"{path}: {number:R} vs {(double)right:R}");
                return;
            case string or double or int or long or bool or CcsdsTime or Enum:
                if (!left.Equals(right))
                {
                    differences.Add($"{path}: {Show(left)} vs {Show(right)}");
                }
                return;
            case IEnumerable sequence:
                var leftItems = sequence.Cast<object?>().ToList();
                var rightItems = ((IEnumerable)right).Cast<object?>().ToList();
                if (leftItems.Count != rightItems.Count)
                {
                    differences.Add($"{path}: {leftItems.Count} items vs {rightItems.Count}");
                    return;
                }
                for (var index = 0; index < leftItems.Count; index++)
                {
                    Compare(leftItems[index], rightItems[index], $"{path}[{index}]", differences);
                }
                return;
        }
        if (left.GetType().IsGenericType && left.GetType().GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
        {
            Compare(left.GetType().GetProperty("Key")!.GetValue(left), right.GetType().GetProperty("Key")!.GetValue(right), path + ".Key", differences);
            Compare(left.GetType().GetProperty("Value")!.GetValue(left), right.GetType().GetProperty("Value")!.GetValue(right), path + ".Value", differences);
            return;
        }
        foreach (var property in left.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            Compare(property.GetValue(left), property.GetValue(right), $"{path}.{property.Name}", differences);
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        double number => number.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

using System.CommandLine;
using NotificationExchange.Cli.Output;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Cli;

/// <summary>
/// An enum of the protos on the command line, as the words <see cref="Words.Token"/> makes of it
/// ("collision-avoidance"); the UNSPECIFIED value is never a choice. Reading is forgiving about case and separators
/// (COLLISION_AVOIDANCE and CollisionAvoidance are read too); tab completion offers the words.
/// </summary>
internal static class ProtoEnum<T>
    where T : struct, Enum
{
    /// <summary>Every value but UNSPECIFIED (0), in declaration order.</summary>
    public static IReadOnlyList<T> Values { get; } = Enum.GetValues<T>().Where(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) != 0).ToArray();

    public static IReadOnlyList<string> Words { get; } = Values.Select(v => Output.Words.Token(v)).ToArray();

    public static string Choices => string.Join(", ", Words) + string.Concat(Aliases.Select(a => $" ({a.Key} for {Output.Words.Token(a.Value)})"));

    /// <summary>Other words for a value, as nxc's verbs name it (nxc file rpo files a proximity operation).</summary>
    private static readonly Dictionary<string, T> Aliases = typeof(T) == typeof(NotificationKind)
        ? new() { ["rpo"] = (T)(object)NotificationKind.ProximityOperation }
        : [];

    public static T Parse(string text)
    {
        var key = Key(text);
        if (Aliases.TryGetValue(key, out var alias))
        {
            return alias;
        }
        foreach (var value in Values)
        {
            if (Key(value.ToString()) == key)
            {
                return value;
            }
        }
        throw new FormatException($"'{text}' is not one of: {Choices}");
    }

    /// <summary>An option taking one of the words.</summary>
    public static Option<T?> Option(string name, string description)
    {
        var option = Cli.Values.Scalar<T>(name, $"{description}: {Choices}", Parse, "WORD");
        option.CompletionSources.Add([.. Words, .. Aliases.Keys]);
        return option;
    }

    /// <summary>An option taking any number of the words, repeated or separated by commas.</summary>
    public static Option<T[]> Options(string name, string description)
    {
        var option = Cli.Values.List(name, $"{description}: {Choices}; repeat or separate by commas", Parse, helpName: "WORD");
        option.CompletionSources.Add([.. Words, .. Aliases.Keys]);
        return option;
    }

    private static string Key(string text) => new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}

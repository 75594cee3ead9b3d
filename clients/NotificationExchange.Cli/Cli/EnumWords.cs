using System.CommandLine;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Cli;

/// <summary>
/// Every enum-valued option of nxc: an enum (the protos' own where the option chooses one of their values) as the
/// words <see cref="Output.Words.Token"/> makes of it ("collision-avoidance", "will-not-maneuver"); a proto enum's
/// UNSPECIFIED value is never a choice. Reading is forgiving about case and separators (COLLISION_AVOIDANCE and
/// CollisionAvoidance are read too) and knows the shorter words nxc's verbs use (<see cref="AllAliases"/>). Help lists
/// the choices, tab completion offers them, and a wrong word is one line naming the option and the choices.
/// </summary>
internal static class EnumWords<T>
    where T : struct, Enum
{
    /// <summary>Short words for values, as people say them on a command line: nxc file rpo files a proximity
    /// operation; an alert's answer is will or wont; the 24/7 desk is ops.</summary>
    private static readonly (string Word, Enum Value)[] AllAliases =
    [
        ("rpo", NotificationKind.ProximityOperation),
        ("will", ManeuverIntent.WillManeuver),
        ("wont", ManeuverIntent.WillNotManeuver),
        ("ops", ContactRole.Operations247),
        ("derived", SharingPolicy.DerivedOnly),
        ("full", SharingPolicy.FullState),
    ];

    private static readonly Dictionary<string, T> Aliases = AllAliases.Where(a => a.Value is T).ToDictionary(a => a.Word, a => (T)a.Value);

    /// <summary>Every value but a proto enum's UNSPECIFIED, in declaration order.</summary>
    public static IReadOnlyList<T> Values { get; } = Enum.GetValues<T>().Where(v => Enum.GetName(v) != "Unspecified").ToArray();

    public static IReadOnlyList<string> Words { get; } = Values.Select(v => Output.Words.Token(v)).ToArray();

    /// <summary>"leo, meo, geo, heo"; with aliases "..., will-not-maneuver (will for will-maneuver, wont for ...)".</summary>
    public static string Choices =>
        string.Join(", ", Words) + (Aliases.Count == 0 ? "" : $" ({string.Join(", ", Aliases.Select(a => $"{a.Key} for {Output.Words.Token(a.Value)}"))})");

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

    /// <summary>An option taking one of the words; null when absent (the verb says what that means).</summary>
    public static Option<T?> Option(string name, string description, bool required = false)
    {
        var option = ValueOptions.Scalar<T>(name, $"{description}: {Choices}", Parse, "WORD", required);
        option.CompletionSources.Add([.. Words, .. Aliases.Keys]);
        return option;
    }

    /// <summary>An option taking any number of the words, repeated or separated by commas.</summary>
    public static Option<T[]> Options(string name, string description)
    {
        var option = ValueOptions.List(name, $"{description}: {Choices}; repeat or separate by commas", Parse, helpName: "WORD");
        option.CompletionSources.Add([.. Words, .. Aliases.Keys]);
        return option;
    }

    private static string Key(string text) => new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}

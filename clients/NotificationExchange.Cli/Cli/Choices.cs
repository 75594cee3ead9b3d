using System.CommandLine;
using System.CommandLine.Parsing;

namespace NotificationExchange.Cli.Cli;

/// <summary>
/// Options whose value is one of an enum's names, written in lower case (--urgency routine|priority|urgent): read
/// case-insensitively, listed in the help, and a wrong value is one line naming the option and the choices (the
/// parser's own message names the .NET type and lists the choices on lines of their own).
/// </summary>
internal static class Choices
{
    /// <summary>One value; when the option is absent, the enum's first name (its zero), unless it is required.</summary>
    public static Option<T> One<T>(string name, string description, bool required = false)
        where T : struct, Enum => new(name)
        {
            Description = description,
            Required = required,
            HelpName = Names<T>(),
            CustomParser = result => result.Tokens.Count == 0 ? default : Parse<T>(result, result.Tokens[0].Value) ?? default,
        };

    public static Option<T?> Optional<T>(string name, string description)
        where T : struct, Enum => new(name)
        {
            Description = description,
            HelpName = Names<T>(),
            CustomParser = result => result.Tokens.Count == 0 ? null : Parse<T>(result, result.Tokens[0].Value),
        };

    /// <summary>Repeatable: --state open --state closing.</summary>
    public static Option<T[]> Many<T>(string name, string description)
        where T : struct, Enum => new(name)
        {
            Description = description,
            HelpName = Names<T>(),
            CustomParser = result => [.. result.Tokens.Select(t => Parse<T>(result, t.Value)).OfType<T>()],
        };

    private static T? Parse<T>(ArgumentResult result, string text)
        where T : struct, Enum
    {
        if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !text.Any(char.IsAsciiDigit))
        {
            return value;
        }
        var option = result.Parent is OptionResult parent ? parent.Option.Name : result.Argument.Name;
        var names = Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToArray();
        result.AddError($"{option}: '{text}' is not {string.Join(", ", names[..^1])} or {names[^1]}");
        return null;
    }

    private static string Names<T>()
        where T : struct, Enum => string.Join('|', Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));
}

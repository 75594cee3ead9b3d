using System.CommandLine;
using System.CommandLine.Parsing;

namespace NotificationExchange.Cli.Cli;

/// <summary>
/// Options and arguments whose values a reader of <see cref="Values"/> (or any function throwing
/// <see cref="FormatException"/>) reads while the command line is parsed: a value that cannot be read is a parse error
/// "NAME: what was wrong", one line, so nothing is sent (exit status 2).
/// </summary>
internal static class ValueOptions
{
    /// <summary>An option whose one value <paramref name="parse"/> reads. Given more than once, the last one counts (a
    /// script may add to a command line it was given).</summary>
    public static Option<T?> Scalar<T>(string name, string description, Func<string, T> parse, string? helpName = null, bool required = false)
        where T : struct =>
        new(name)
        {
            Description = description,
            HelpName = helpName,
            Required = required,
            Arity = ArgumentArity.OneOrMore,
            CustomParser = result => Last(result, token => (T?)parse(token)),
        };

    /// <summary>As <see cref="Scalar{T}"/>, for a reference type.</summary>
    public static Option<T?> Reference<T>(string name, string description, Func<string, T> parse, string? helpName = null, bool required = false)
        where T : class =>
        new(name)
        {
            Description = description,
            HelpName = helpName,
            Required = required,
            Arity = ArgumentArity.OneOrMore,
            CustomParser = result => Last(result, parse),
        };

    /// <summary>An option that may be repeated, each value read by <paramref name="parse"/>; with
    /// <paramref name="commaLists"/> a value may also list several, separated by commas.</summary>
    public static Option<T[]> List<T>(string name, string description, Func<string, T> parse, bool commaLists = true, string? helpName = null) =>
        new(name)
        {
            Description = description,
            HelpName = helpName,
            Arity = ArgumentArity.OneOrMore,
            CustomParser = result => All(result, parse, commaLists),
        };

    /// <summary>A plain text option; the last one given counts.</summary>
    public static Option<string?> Text(string name, string description, string? helpName = null, bool required = false) =>
        Reference(name, description, text => text, helpName, required);

    /// <summary>A TLE: its two lines, each quoted, after one option (the exchange names a faulty line and column).</summary>
    public static Option<string[]> Tle(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "LINE1 LINE2",
        Arity = new ArgumentArity(2, 2),
        AllowMultipleArgumentsPerToken = true,
    };

    /// <summary>An argument of one value that <paramref name="parse"/> reads.</summary>
    public static Argument<T> Argument<T>(string name, string description, Func<string, T> parse) =>
        new(name)
        {
            Description = description,
            CustomParser = result => Last(result, parse)!,
        };

    /// <summary>An argument of one or more values, each read by <paramref name="parse"/>.</summary>
    public static Argument<T[]> Arguments<T>(string name, string description, Func<string, T> parse) =>
        new(name)
        {
            Description = description,
            Arity = ArgumentArity.OneOrMore,
            CustomParser = result => All(result, parse, commaLists: false),
        };

    /// <summary>Whether the command line gave <paramref name="option"/> (a default is not given).</summary>
    public static bool Given(this ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    /// <summary>The name a failure is reported under: the option's (--norad), or the argument's (NORAD).</summary>
    public static string NameOf(ArgumentResult result) => result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;

    private static T? Last<T>(ArgumentResult result, Func<string, T?> parse)
    {
        var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        try
        {
            return parse(token);
        }
        catch (FormatException e)
        {
            result.AddError($"{NameOf(result)}: {e.Message}");
            return default;
        }
    }

    private static T[] All<T>(ArgumentResult result, Func<string, T> parse, bool commaLists)
    {
        var values = new List<T>();
        foreach (var token in result.Tokens)
        {
            var parts = commaLists ? token.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [token.Value];
            foreach (var part in parts)
            {
                try
                {
                    values.Add(parse(part));
                }
                catch (FormatException e)
                {
                    result.AddError($"{NameOf(result)}: {e.Message}");
                    return [];
                }
            }
        }
        return [.. values];
    }
}

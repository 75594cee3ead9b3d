using System.Text;
using Google.Protobuf.WellKnownTypes;
using NotificationExchange.Cli.Cli;

namespace NotificationExchange.Cli.Commands.Filing;

/// <summary>
/// One compound option value: KEY=VALUE pairs separated by commas, e.g. <c>type=hold,range=1000,description="hold
/// point 1, V-bar"</c>; a value in double quotes may hold commas. Each key is read once; a key the value does not
/// know, or given twice, is a <see cref="FormatException"/> naming it.
/// </summary>
internal sealed class Spec
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly string[] _keys;

    private Spec(string[] keys) => _keys = keys;

    /// <summary>Reads <paramref name="text"/>, which may use only <paramref name="keys"/>.</summary>
    public static Spec Parse(string text, params string[] keys)
    {
        var spec = new Spec(keys);
        foreach (var pair in Split(text))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"'{pair}' is not KEY=VALUE (keys: {string.Join(", ", keys)})");
            }
            var key = pair[..equals].Trim();
            if (!keys.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                throw new FormatException($"unknown key '{key}' (keys: {string.Join(", ", keys)})");
            }
            if (!spec._values.TryAdd(key, Unquote(pair[(equals + 1)..].Trim())))
            {
                throw new FormatException($"key '{key}' given twice");
            }
        }
        return spec;
    }

    public bool Has(string key) => _values.ContainsKey(key);

    public string? Text(string key) => _values.GetValueOrDefault(key);

    public double? Number(string key) => Read(key, Values.Number);

    public uint? Count(string key) => Read(key, Values.Count);

    public uint? Norad(string key) => Read(key, Values.Norad);

    public Timestamp? Time(string key) => _values.TryGetValue(key, out var text) ? Wrap(key, () => Values.Time(text)) : null;

    public string Required(string key) =>
        _values.TryGetValue(key, out var text) && text.Length > 0 ? text : throw new FormatException($"{key}= is required (keys: {string.Join(", ", _keys)})");

    private T? Read<T>(string key, Func<string, T> parse)
        where T : struct =>
        _values.TryGetValue(key, out var text) ? Wrap(key, () => parse(text)) : null;

    private static T Wrap<T>(string key, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (FormatException e)
        {
            throw new FormatException($"{key}=: {e.Message}", e);
        }
    }

    private static IEnumerable<string> Split(string text)
    {
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            if (c == ',' && !quoted)
            {
                yield return current.ToString();
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        if (quoted)
        {
            throw new FormatException("a quoted value is not closed");
        }
        if (current.ToString().Trim().Length > 0)
        {
            yield return current.ToString();
        }
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;
}

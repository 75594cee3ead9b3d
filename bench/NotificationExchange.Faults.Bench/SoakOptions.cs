using System.Globalization;

namespace NotificationExchange.Faults.Bench;

/// <summary>The soak's command line: --minutes 10, --cluster, --store postgres|sqlite, --filers 3, --rate 20,
/// --subscribers 54, --pause-seconds 30, --cluster-port 5791, --cluster-epmd-port 4491 (the cluster's first AMQP port
/// and its epmd's).</summary>
internal sealed class SoakOptions
{
    private readonly Dictionary<string, string> _values = [];
    private readonly HashSet<string> _flags = [];

    public static SoakOptions Parse(string[] args)
    {
        var options = new SoakOptions();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }
            var name = args[i][2..];
            if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                options._values[name] = args[++i];
            }
            else
            {
                options._flags.Add(name);
            }
        }
        return options;
    }

    public bool Flag(string name) => _flags.Contains(name);

    public string Get(string name, string fallback) => _values.TryGetValue(name, out var value) ? value : fallback;

    public double GetDouble(string name, double fallback) =>
        _values.TryGetValue(name, out var value) ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public int GetInt(string name, int fallback) =>
        _values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}

using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;

namespace NotificationExchange.Clients.Tests.Cli;

/// <summary>
/// Command lines for nxc made from its real verb tree: a verb's path, then values for its arguments and a few of its
/// options (the global ones among them), each value either one of the kind the option reads (a time, a NORAD number, a
/// word it completes, a file) or hostile (empty, huge, unicode, control characters, negative, NaN, bad times, Alpha-5
/// edge cases, paths that do not exist). Every choice comes from the <see cref="Random"/> given, so that a seed makes
/// the same command line again.
/// </summary>
internal sealed class CommandLines
{
    /// <summary>Values that are wrong for any option, or right for none in particular.</summary>
    private static readonly string[] Hostile =
    [
        "", " ", "\t", new string('x', 5000), "ISS (ЗАРЯ) 🚀", "\u202eevil", "a\nb", "\u001b[31mred\u001b[0m", "\0", "\u2028", "-1", "-0", "NaN",
        "-Infinity", "1e309", "0", "4294967296", "18446744073709551616", "now+", "now+99999999d", "2026-13-01T00:00:00Z", "2026-06-01T10:00:00",
        "yesterday", "I0000", "O0000", "Z9999", "A0000", "z9999", "Z99999", "-", "=", "a=b=c", "type=hold,range=", "\"unclosed", "/", "now/now",
        "/no/such/file.json", "%s%n{0}", "'; DROP TABLE notifications;--",
    ];

    private static readonly Dictionary<string, string[]> Typed = new()
    {
        ["time"] = ["now", "now+6h", "now-30m", "2030-01-02T10:00:00Z", "2026-06-01 10:00:00+02:00", "now+1d2h30m"],
        ["window"] = ["now+1h/now+2h", "2030-01-02T10:00:00Z/2030-01-02T11:00:00Z", "now+2h/now+1h", "now+1h"],
        ["norad"] = ["25544", "70001", "A0001", "99999999", "1", "a0001"],
        ["number"] = ["0.35", "50", "-52.77", "1e-6", "3600", "0"],
        ["count"] = ["1", "2", "500", "0", "3"],
        ["duration"] = ["30m", "2h", "PT15M", "90s", "40d"],
        ["rtn"] = ["0,0.35,0", "1,2", "a,b,c", "0/0.1/0"],
        ["point"] = ["5.2,-52.77", "91,181", "x,y"],
        ["compound"] =
        [
            "type=hold,range=1000", "type=far-range-rendezvous,range=5000,start=now+1d,end=now+2d", "epoch=now,sma=7000,ecc=0.001,inc=51.6",
            "epoch=now+7h,apogee=421,perigee=415,inc=51.64,raan=196.3,argp=13.8,ma=97.4", "at=now+1h,t=0.05", "at=now+3d,r=0.012,t=-0.02,n=0.001",
            "name=SAT,perigee=500,apogee=520,inc=97.4", "item=boosters,min-lat=5,max-lat=7,min-lon=-50,max-lon=-48,start=now,end=now+1h",
            "norad=70001,name=X", "colour=red", "type=hold,type=hold", "description=\"a, b\"",
        ],
        ["action"] = ["fuzz-peer=WILL maneuver 25544", "noequals", "=nothing", "fuzz-ops="],
        ["text"] = ["hello", "Station keeping", "We burn 0.35 m/s at the window start."],
        ["url"] = ["http://127.0.0.1:1", "ftp://example.org", "not a url", "https://", "http://[::1"],
        ["seconds"] = ["0.001", "5", "0", "-3", "31536001", "NaN"],
    };

    private readonly Dictionary<string, string[]> _pools;

    /// <param name="root">nxc's verb tree.</param>
    /// <param name="skipped">Verbs left out (their whole path, e.g. "consult talk"): those that block or change the
    /// test's own credentials.</param>
    /// <param name="pools">Values the test made real (ids of notifications, consultations, files it wrote), by kind:
    /// "id", "org", "file".</param>
    public CommandLines(RootCommand root, IReadOnlySet<string> skipped, IReadOnlyDictionary<string, string[]> pools)
    {
        _pools = new Dictionary<string, string[]>(Typed);
        foreach (var (kind, values) in pools)
        {
            _pools[kind] = values;
        }
        Globals = [.. root.Options.Where(o => o.Recursive && o is not HelpOption and not VersionOption)];
        var verbs = new List<(string[] Path, Command Command)>();
        void Walk(Command command, string[] path)
        {
            if (command.Action is not null && !skipped.Any(s => string.Join(' ', path).StartsWith(s, StringComparison.Ordinal)))
            {
                verbs.Add((path, command));
            }
            foreach (var sub in command.Subcommands)
            {
                Walk(sub, [.. path, sub.Name]);
            }
        }
        foreach (var verb in root.Subcommands)
        {
            Walk(verb, [verb.Name]);
        }
        Verbs = verbs;
    }

    public IReadOnlyList<(string[] Path, Command Command)> Verbs { get; }

    private IReadOnlyList<Option> Globals { get; }

    /// <summary>A command line for verb <paramref name="verb"/>.</summary>
    public string[] Make(int verb, Random random)
    {
        var (path, command) = Verbs[verb];
        var args = new List<string>(path);
        foreach (var argument in command.Arguments)
        {
            if (random.NextDouble() < 0.9)
            {
                var count = Math.Min(argument.Arity.MaximumNumberOfValues, random.Next(1, 3));
                for (var i = 0; i < count; i++)
                {
                    args.Add(Value(argument, argument.Name, null, random));
                }
            }
        }
        var options = command.Options.Where(o => o is not HelpOption and not VersionOption).ToList();
        var chosen = options.Where(o => o.Required && random.NextDouble() < 0.8).ToList();
        var more = random.Next(0, 5);
        for (var i = 0; i < more && options.Count > 0; i++)
        {
            chosen.Add(options[random.Next(options.Count)]);
        }
        if (random.NextDouble() < 0.15)
        {
            chosen.Add(Globals[random.Next(Globals.Count)]);
        }
        foreach (var option in chosen.OrderBy(_ => random.Next()))
        {
            args.Add(option.Name);
            if (option.ValueType == typeof(bool))
            {
                continue;
            }
            var values = option.Arity.MinimumNumberOfValues == 2 && random.NextDouble() < 0.9 ? 2 : 1;
            for (var i = 0; i < values; i++)
            {
                args.Add(Value(option, option.Name, option.HelpName, random));
            }
        }
        if (random.NextDouble() < 0.5)
        {
            args.AddRange(["--output", "json"]);
        }
        if (random.NextDouble() < 0.05)
        {
            args.Insert(random.Next(path.Length, args.Count + 1), random.NextDouble() < 0.5 ? "--bogus" : "extra");
        }
        return [.. args];
    }

    private string Value(Symbol symbol, string name, string? helpName, Random random)
    {
        var words = symbol.GetCompletions(CompletionContext.Empty).Select(c => c.Label).ToArray();
        var kind = Kind(symbol, name, helpName);
        var typed = words.Length > 0 ? words : _pools.GetValueOrDefault(kind, _pools["text"]);
        return random.NextDouble() < 0.6 ? typed[random.Next(typed.Length)] : Hostile[random.Next(Hostile.Length)];
    }

    /// <summary>What a symbol reads, from its value type, help name or name.</summary>
    private static string Kind(Symbol symbol, string name, string? helpName)
    {
        var type = symbol switch
        {
            Option option => option.ValueType,
            Argument argument => argument.ValueType,
            _ => typeof(string),
        };
        var help = helpName ?? "";
        return (help, name) switch
        {
            _ when type == typeof(FileInfo) || help == "FILE" || name == "FILE" => "file",
            ("START/END", _) or (_, "START/END" or "--propose") => "window",
            ("TIME", _) => "time",
            ("NORAD" or "NUMBER", _) when name.Contains("norad", StringComparison.OrdinalIgnoreCase) || help == "NORAD" => "norad",
            (_, "NORAD" or "--object" or "--target") => "norad",
            ("N" or "SEQ", _) => "count",
            ("SECONDS", _) => "seconds",
            ("M" or "M/S" or "DEG" or "P" or "METRES" or "MINUTES" or "KM", _) => "number",
            ("DURATION", _) => "duration",
            ("R,T,N", _) => "rtn",
            ("LAT,LON", _) => "point",
            ("ORG=ACTION", _) => "action",
            ("URL", _) => "url",
            ("LINE1 LINE2", _) => "tle",
            _ when help.StartsWith("KEY=VALUE", StringComparison.Ordinal) => "compound",
            ("ORG", _) or (_, "COUNTERPART" or "ORG" or "--operator") => "org",
            ("ID", _) or (_, "ID" or "CLAIM" or "SUBSCRIPTION" or "--notification" or "--alert" or "--related") => "id",
            _ => "text",
        };
    }
}

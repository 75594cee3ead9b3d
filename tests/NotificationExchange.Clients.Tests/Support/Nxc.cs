using NotificationExchange.Cli.Cli;

namespace NotificationExchange.Clients.Tests.Support;

/// <summary>nxc run in-process, as a script would run it: stdout and stderr captured, not a terminal, environment
/// variables only those given (NX_ADDRESS, NX_API_KEY, ...), and a config folder of the test's own.</summary>
internal sealed class Nxc(string configDirectory, IReadOnlyDictionary<string, string>? variables = null)
{
    public string ConfigDirectory { get; } = configDirectory;

    /// <summary>A runner with these environment variables on top of this one's.</summary>
    public Nxc With(params (string Name, string Value)[] variables)
    {
        var merged = new Dictionary<string, string>(_variables);
        foreach (var (name, value) in variables)
        {
            merged[name] = value;
        }
        return new Nxc(ConfigDirectory, merged);
    }

    private readonly IReadOnlyDictionary<string, string> _variables = variables ?? new Dictionary<string, string>();

    public async Task<NxcResult> RunAsync(params string[] args) => await RunAsync(args, stdin: "", CancellationToken.None);

    public async Task<NxcResult> RunAsync(string[] args, string stdin, CancellationToken cancellationToken)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new CliEnvironment(output, error, new StringReader(stdin), false, false,
            name => _variables.TryGetValue(name, out var value) ? value : null, ConfigDirectory);
        var exitCode = await NxcApp.RunAsync(args, environment, cancellationToken);
        return new NxcResult(exitCode, output.ToString(), error.ToString());
    }
}

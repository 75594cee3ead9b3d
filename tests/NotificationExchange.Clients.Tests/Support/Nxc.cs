using NotificationExchange.Cli.Cli;

namespace NotificationExchange.Clients.Tests.Support;

/// <summary>
/// nxc for the tests, as a script would run it: in-process to its end (<see cref="RunAsync(string[])"/>) or in the
/// background for verbs that go on (<see cref="Start"/>), stdin given, stdout and stderr captured, environment
/// variables only those given (NX_ADDRESS, NX_API_KEY, ...), and a config folder of the test's own; or as a process of
/// its own (<see cref="Dll"/>), for a terminal.
/// </summary>
internal sealed class Nxc(string configDirectory, IReadOnlyDictionary<string, string>? variables = null)
{
    private readonly IReadOnlyDictionary<string, string> _variables = variables ?? new Dictionary<string, string>();

    public string ConfigDirectory { get; } = configDirectory;

    /// <summary>The environment of nxc as a process of its own (<see cref="Dll"/>): the variables given, and the
    /// config folder.</summary>
    public IReadOnlyDictionary<string, string> ProcessEnvironment =>
        new Dictionary<string, string>(_variables) { ["NXC_CONFIG_DIR"] = ConfigDirectory };

    /// <summary>
    /// nxc.dll in the Cli project's bin folder, under the configuration and framework folders the tests run from (the
    /// Cli project is a reference of the tests, so it is built with them; the copy beside the tests resolves its
    /// dependencies against the tests' packages, which is not how nxc runs).
    /// </summary>
    public static string Dll
    {
        get
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return Path.Combine(Testing.SharedData.RepositoryRoot, "clients", "NotificationExchange.Cli", "bin", framework.Parent!.Name, framework.Name, "nxc.dll");
        }
    }

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

    public async Task<NxcResult> RunAsync(params string[] args) => await RunAsync(args, stdin: "", CancellationToken.None);

    public async Task<NxcResult> RunAsync(string[] args, string stdin, CancellationToken cancellationToken)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await NxcApp.RunAsync(args, Environment(output, error, stdin, terminal: false), cancellationToken);
        return new NxcResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Starts <c>nxc args</c> in the background; <paramref name="terminal"/> makes nxc believe its stdout is a
    /// terminal.</summary>
    public RunningNxc Start(string[] args, bool terminal = false) =>
        new(args, (output, error) => Environment(output, error, stdin: "", terminal));

    private CliEnvironment Environment(TextWriter output, TextWriter error, string stdin, bool terminal) =>
        new(output, error, new StringReader(stdin), terminal, terminal, name => _variables.TryGetValue(name, out var value) ? value : null, ConfigDirectory);
}

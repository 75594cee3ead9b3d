using NotificationExchange.Cli.Output;

namespace NotificationExchange.Cli.Cli;

/// <summary>What nxc reads and writes outside itself: its streams, whether they are a terminal, environment variables
/// and the folder its profiles live in. Tests run nxc in-process with their own.</summary>
internal sealed record CliEnvironment(
    TextWriter Out,
    TextWriter Error,
    TextReader In,
    bool OutputIsTerminal,
    bool InputIsTerminal,
    Func<string, string?> Variable,
    string ConfigDirectory)
{
    public static CliEnvironment FromProcess() => new(
        StandardOutput.Create(),
        Console.Error,
        Console.In,
        !Console.IsOutputRedirected,
        !Console.IsInputRedirected,
        Environment.GetEnvironmentVariable,
        DefaultConfigDirectory(Environment.GetEnvironmentVariable));

    /// <summary>$NXC_CONFIG_DIR, else $XDG_CONFIG_HOME/nxc, else ~/.config/nxc.</summary>
    public static string DefaultConfigDirectory(Func<string, string?> variable) =>
        variable("NXC_CONFIG_DIR") is { Length: > 0 } explicitDirectory ? explicitDirectory
        : variable("XDG_CONFIG_HOME") is { Length: > 0 } xdg ? Path.Combine(xdg, "nxc")
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config", "nxc");
}

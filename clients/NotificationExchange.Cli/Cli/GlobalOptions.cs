using System.CommandLine;
using NotificationExchange.Cli.Output;

namespace NotificationExchange.Cli.Cli;

/// <summary>The options every verb takes. Where the connection comes from, first that applies: --address/--api-key,
/// then NX_ADDRESS/NX_API_KEY, then the profile (--profile, else NX_PROFILE, else the default saved by nxc login).</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Profile { get; } = new("--profile") { Description = "Saved profile to use (nxc login --profile NAME); overrides NX_PROFILE", Recursive = true };

    public Option<string?> Address { get; } = new("--address") { Description = "Exchange address, e.g. https://nx.example:443; overrides NX_ADDRESS and the profile", Recursive = true };

    public Option<string?> ApiKey { get; } = new("--api-key") { Description = "API key; overrides NX_API_KEY and the profile (visible to other users in the process list: prefer NX_API_KEY)", Recursive = true };

    public Option<OutputFormat> Output { get; } = new("--output", "-o") { Description = "text for people, json for scripts", DefaultValueFactory = _ => OutputFormat.Text, Recursive = true };

    public Option<double> Timeout { get; } = new("--timeout") { Description = "Seconds to wait for each call's answer", DefaultValueFactory = _ => 30, Recursive = true };

    public void AddTo(Command root)
    {
        root.Options.Add(Profile);
        root.Options.Add(Address);
        root.Options.Add(ApiKey);
        root.Options.Add(Output);
        root.Options.Add(Timeout);
    }
}

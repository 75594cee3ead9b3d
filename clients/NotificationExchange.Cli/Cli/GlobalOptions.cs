using System.CommandLine;
using NotificationExchange.Cli.Output;

namespace NotificationExchange.Cli.Cli;

/// <summary>The options every verb takes. Where the connection comes from, first that applies: --address/--api-key,
/// then NX_ADDRESS/NX_API_KEY, then the profile (--profile, else NX_PROFILE, else the default saved by nxc login).</summary>
internal sealed class GlobalOptions
{
    public const double DefaultTimeoutSeconds = 30;

    public Option<string?> Profile { get; } = Everywhere(ValueOptions.Text("--profile", "Saved profile to use (nxc login --profile NAME); overrides NX_PROFILE", "NAME"));

    public Option<string?> Address { get; } = Everywhere(ValueOptions.Text("--address", "Exchange address, e.g. https://nx.example:443; overrides NX_ADDRESS and the profile", "URL"));

    public Option<string?> ApiKey { get; } = Everywhere(ValueOptions.Text(
        "--api-key", "API key; overrides NX_API_KEY and the profile (visible to other users in the process list: prefer NX_API_KEY)", "KEY"));

    public Option<OutputFormat?> Output { get; } = Everywhere(EnumWords<OutputFormat>.Option("--output", "How to print, text for people (the default) or json for scripts"), "-o");

    public Option<double?> Timeout { get; } = Everywhere(ValueOptions.Scalar(
        "--timeout", $"Seconds to wait for each call's answer (default {DefaultTimeoutSeconds})", Values.Number, "SECONDS"));

    public void AddTo(Command root)
    {
        root.Options.Add(Profile);
        root.Options.Add(Address);
        root.Options.Add(ApiKey);
        root.Options.Add(Output);
        root.Options.Add(Timeout);
    }

    private static Option<T> Everywhere<T>(Option<T> option, params string[] aliases)
    {
        option.Recursive = true;
        foreach (var alias in aliases)
        {
            option.Aliases.Add(alias);
        }
        return option;
    }
}

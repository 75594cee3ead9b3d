namespace NotificationExchange.Cli.Cli;

/// <summary>What every verb's builder needs: the environment and the global options.</summary>
internal sealed record VerbContext(CliEnvironment Environment, GlobalOptions Globals);

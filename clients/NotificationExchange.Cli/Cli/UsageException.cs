namespace NotificationExchange.Cli.Cli;

/// <summary>A value on the command line (or in a file it names) that nxc cannot use: reported in one line, exit
/// status 2, nothing sent.</summary>
internal sealed class UsageException(string message) : Exception(message);

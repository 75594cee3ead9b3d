namespace NotificationExchange.Cli.Cli;

/// <summary>The exchange did not answer in time where nxc waits on its own (a message said, not stored before the
/// timeout): reported as unreachable, exit status 4, like a call that could not reach it.</summary>
internal sealed class NoAnswerException(string message) : Exception(message);

namespace NotificationExchange.Cli.Output;

/// <summary>Whoever read nxc's stdout has gone (a pipe's reader exited, as `| head -1` does): nxc stops, and what it
/// could not print is not taken as processed (a watch does not acknowledge it).</summary>
internal sealed class OutputClosedException(IOException inner) : IOException("the output was closed", inner);

namespace NotificationExchange.Cli.Output;

internal enum OutputFormat
{
    Text,
    Json,
}

namespace NotificationExchange.Cli.Commands.Consultations;

/// <summary>How nxc consult transcript prints the record: the readable text, or the canonical JSON the SHA-256 is
/// computed from.</summary>
internal enum TranscriptFormat
{
    Text,
    Json,
}

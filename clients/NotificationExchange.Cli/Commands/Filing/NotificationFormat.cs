namespace NotificationExchange.Cli.Commands.Filing;

/// <summary>What nxc export writes: a CCSDS OCM (the exchange's ExportFormat, KVN or XML), or the notification in
/// proto3 JSON, which the exchange's export does not offer.</summary>
internal enum NotificationFormat
{
    Ocm,
    Json,
}

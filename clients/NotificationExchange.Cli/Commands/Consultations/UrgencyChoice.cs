namespace NotificationExchange.Cli.Commands.Consultations;

/// <summary>The urgencies as words on the command line; each sets the default acknowledgement deadline.</summary>
internal enum UrgencyChoice
{
    Routine,
    Priority,
    Urgent,
}

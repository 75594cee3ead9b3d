namespace NotificationExchange.Cli.Commands.Alerts;

/// <summary>A maneuver intent as a word on the command line.</summary>
internal enum IntentChoice
{
    /// <summary>Will maneuver.</summary>
    Will,

    /// <summary>Will not maneuver.</summary>
    Wont,

    Undecided,
}

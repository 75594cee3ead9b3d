namespace NotificationExchange.Cli.Commands.Registry;

/// <summary>How much of an object's orbit data the other party of an alert sees, as words on the command line.</summary>
internal enum SharingChoice
{
    /// <summary>Derived values only (TCA, miss distance, relative speed, probability).</summary>
    Derived,

    /// <summary>Also the object's state at TCA.</summary>
    Full,
}

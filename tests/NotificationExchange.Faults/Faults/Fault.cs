namespace NotificationExchange.Faults.Faults;

/// <summary>
/// A fault the run injects while filing. <see cref="InjectAsync"/> returns once the fault is over, with the moment it
/// ended, which recovery is measured from: the broker or node accepting connections again, the moment the broker
/// closed the connections (as the node's own clock says, not when the command line tool, seconds slower, returned),
/// the killed instance serving again, the database accepting connections, the paused process continued. Its first
/// argument notes the fault's steps in the run's log.
/// </summary>
public sealed record Fault(string Name, Func<Action<string>, CancellationToken, Task<DateTime>> InjectAsync)
{
    /// <summary>A fault that is over when <paramref name="inject"/> returns.</summary>
    public static Fault Until(string name, Func<Action<string>, CancellationToken, Task> inject) =>
        new(name, async (note, cancellationToken) =>
        {
            await inject(note, cancellationToken);
            return DateTime.UtcNow;
        });
}

namespace NotificationExchange.Domain.Consultations;

/// <summary>
/// The clock consultations' deadlines run on: the time a request's deadline is set from, the times the answers that
/// stop it are recorded at, and the time the deadline service compares deadlines with and waits on. A type of its own
/// rather than the registered <see cref="TimeProvider"/>, so that a test can move deadlines' time (a FakeTimeProvider)
/// while stream heartbeats, the outbox, the key cache and everything else keep theirs. Unless a host registers its own,
/// it is the registered TimeProvider (TimeProvider.System in production): there the two are one clock.
/// </summary>
public sealed class DeadlineClock(TimeProvider provider)
{
    /// <summary>What to wait on for a deadline (timers, delays): it fires when this clock reaches the time.</summary>
    public TimeProvider Provider { get; } = provider;

    public DateTime UtcNow => Provider.GetUtcNow().UtcDateTime;
}

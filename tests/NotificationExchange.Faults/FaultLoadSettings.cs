namespace NotificationExchange.Faults;

/// <summary>The load a fault run keeps up while it injects faults, and how long it waits for the exchange.</summary>
/// <param name="Filers">Filing organisations, each filing at <paramref name="RatePerFiler"/> through the client library.</param>
/// <param name="RatePerFiler">Filings started per second by each filer (an open loop: a slow answer does not slow the
/// rate, up to <paramref name="MaxOutstandingPerFiler"/> calls in flight).</param>
/// <param name="Subscribers">Subscriptions, each followed by one stream, spread over the instances and the organisations
/// with different filters.</param>
/// <param name="MaxOutstandingPerFiler">Calls a filer keeps in flight at most; beyond it, it skips its turns.</param>
/// <param name="Warmup">How long the run files before its first phase's baseline.</param>
/// <param name="Baseline">How long each phase files before its fault: the latency of deliveries in this window is the
/// phase's normal.</param>
/// <param name="StableFor">After a fault, the phase ends once deliveries have been at normal latency this long (and
/// everything acknowledged so far was delivered), or after <paramref name="SettleTimeout"/>.</param>
/// <param name="SettleTimeout">The longest a phase waits for the exchange to settle after its fault.</param>
/// <param name="DeliveryTimeout">The longest the check waits for an acknowledged filing to reach every subscriber whose
/// filter matches it before it counts it lost.</param>
/// <param name="CallTimeout">The deadline of each filing call.</param>
/// <param name="StallTimeout">A subscriber whose stream brought nothing (not even a heartbeat) this long reconnects, as
/// a client with keepalive would: it is how a stream on a paused (SIGSTOP) instance is noticed.</param>
public sealed record FaultLoadSettings(
    int Filers = 3,
    double RatePerFiler = 20,
    int Subscribers = 54,
    int MaxOutstandingPerFiler = 400,
    TimeSpan? Warmup = null,
    TimeSpan? Baseline = null,
    TimeSpan? StableFor = null,
    TimeSpan? SettleTimeout = null,
    TimeSpan? DeliveryTimeout = null,
    TimeSpan? CallTimeout = null,
    TimeSpan? StallTimeout = null)
{
    public TimeSpan WarmupDuration => Warmup ?? TimeSpan.FromSeconds(10);
    public TimeSpan BaselineDuration => Baseline ?? TimeSpan.FromSeconds(5);
    public TimeSpan StableDuration => StableFor ?? TimeSpan.FromSeconds(3);
    public TimeSpan SettleLimit => SettleTimeout ?? TimeSpan.FromSeconds(60);
    public TimeSpan DeliveryLimit => DeliveryTimeout ?? TimeSpan.FromSeconds(90);
    public TimeSpan FilingTimeout => CallTimeout ?? TimeSpan.FromSeconds(10);
    public TimeSpan StreamStallTimeout => StallTimeout ?? TimeSpan.FromSeconds(8);
}

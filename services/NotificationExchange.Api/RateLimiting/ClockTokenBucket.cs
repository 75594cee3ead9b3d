using System.Threading.RateLimiting;

namespace NotificationExchange.Api.RateLimiting;

/// <summary>
/// A token bucket as a <see cref="RateLimiter"/> that reads time from a <see cref="TimeProvider"/>, so that it refills
/// on a fake clock in tests (the framework's TokenBucketRateLimiter measures time with Stopwatch, even when replenished
/// by hand). Kept as the generic cell rate algorithm in whole ticks: the bucket is the time at which it would be full
/// again (<c>_fullAt</c>); a permit moves it one interval (1 / rate) later, and is refused when that would put it more
/// than a burst of intervals ahead of now. The wait until the next permit is then exact, without rounding drift:
/// <c>_fullAt − now − (burst − 1) × interval</c>.
/// </summary>
internal sealed class ClockTokenBucket(TimeProvider clock, TimeSpan interval, int burst) : RateLimiter
{
    private static readonly RateLimitLease Granted = new Lease(true, null);

    private readonly long _tolerance = (burst - 1) * interval.Ticks;
    private readonly Lock _lock = new();
    private long _fullAt = clock.GetUtcNow().UtcTicks;

    /// <summary>Whether the bucket is full (holds its burst): then it may be dropped, as a new one would be the same.</summary>
    public bool IsFull
    {
        get
        {
            lock (_lock)
            {
                return _fullAt <= clock.GetUtcNow().UtcTicks;
            }
        }
    }

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_lock)
        {
            var ahead = Math.Max(0, _fullAt - clock.GetUtcNow().UtcTicks);
            return new RateLimiterStatistics { CurrentAvailablePermits = burst - (long)Math.Ceiling(ahead / (double)interval.Ticks) };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        if (permitCount != 1)
        {
            throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, "a call takes one permit");
        }
        lock (_lock)
        {
            var now = clock.GetUtcNow().UtcTicks;
            var fullAt = Math.Max(_fullAt, now);
            if (fullAt - now > _tolerance)
            {
                return new Lease(false, TimeSpan.FromTicks(fullAt - now - _tolerance));
            }
            _fullAt = fullAt + interval.Ticks;
            return Granted;
        }
    }

    // Calls are refused at once, never queued: a waiting call would hold its connection and memory.
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}

using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace NotificationExchange.Api.RateLimiting;

/// <summary>
/// One <see cref="ClockTokenBucket"/> per key (an organisation, a client address), on the registered
/// <see cref="TimeProvider"/>. Buckets that have refilled are dropped every <see cref="SweepInterval"/>, so that keys
/// (client addresses above all) do not accumulate: a full bucket is the same as a new one.
/// </summary>
internal sealed class TokenBuckets : IDisposable
{
    public static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, ClockTokenBucket> _buckets = new();
    private readonly TimeProvider _clock;
    private readonly int _burst;
    private readonly ITimer _sweep;

    public TokenBuckets(TimeProvider clock, double permitsPerSecond, int burst)
    {
        _clock = clock;
        _burst = burst;
        Interval = TimeSpan.FromTicks((long)Math.Round(TimeSpan.TicksPerSecond / permitsPerSecond));
        _sweep = clock.CreateTimer(_ => Sweep(), null, SweepInterval, SweepInterval);
    }

    /// <summary>The time one permit takes to come back (1 / rate).</summary>
    public TimeSpan Interval { get; }

    /// <summary>Takes a permit from <paramref name="key"/>'s bucket; when there is none, how long until there is.</summary>
    public bool TryAcquire(string key, out TimeSpan retryAfter)
    {
        var bucket = _buckets.GetOrAdd(key, _ => new ClockTokenBucket(_clock, Interval, _burst));
        using var lease = bucket.AttemptAcquire();
        retryAfter = lease.IsAcquired || !lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? TimeSpan.Zero : wait;
        return lease.IsAcquired;
    }

    private void Sweep()
    {
        foreach (var (key, bucket) in _buckets)
        {
            // A caller that took the bucket just before its removal spends from a bucket that is gone: that key may get
            // one permit more than its burst, once.
            if (bucket.IsFull && _buckets.TryRemove(new KeyValuePair<string, ClockTokenBucket>(key, bucket)))
            {
                bucket.Dispose();
            }
        }
    }

    public void Dispose()
    {
        _sweep.Dispose();
        foreach (var bucket in _buckets.Values)
        {
            bucket.Dispose();
        }
    }
}

using Microsoft.Extensions.Time.Testing;
using NotificationExchange.Api.RateLimiting;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.RateLimits;

/// <summary>The buckets behind the rate limits, on a fake clock: burst, refill at the rate, the exact wait, separate keys.</summary>
public sealed class TokenBucketsTests
{
    [Test]
    public void A_bucket_gives_its_burst_then_refills_at_its_rate_up_to_the_burst_and_names_the_exact_wait()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var buckets = new TokenBuckets(clock, permitsPerSecond: 10, burst: 3);

        Assert.That(Enumerable.Range(0, 3).All(i => buckets.TryAcquire("a", out _)), Is.True);
        Assert.That(buckets.TryAcquire("a", out var wait), Is.False);
        Assert.That(wait, Is.EqualTo(TimeSpan.FromMilliseconds(100)));
        Assert.That(buckets.TryAcquire("b", out _), Is.True, "another key has its own bucket");

        clock.Advance(TimeSpan.FromMilliseconds(30));
        Assert.That(buckets.TryAcquire("a", out wait), Is.False);
        Assert.That(wait, Is.EqualTo(TimeSpan.FromMilliseconds(70)));
        clock.Advance(TimeSpan.FromMilliseconds(70));
        Assert.That(buckets.TryAcquire("a", out _), Is.True, "one permit per interval");
        Assert.That(buckets.TryAcquire("a", out _), Is.False);

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.That(Enumerable.Range(0, 10).Count(i => buckets.TryAcquire("a", out _)), Is.EqualTo(3), "refilled to the burst, no more");
    }

    [TestCase(1, 1000)]
    [TestCase(0.5, 2000)]
    [TestCase(25, 40)]
    public void A_permit_comes_back_after_one_interval(double rate, int intervalMs)
    {
        var clock = new FakeTimeProvider();
        using var buckets = new TokenBuckets(clock, rate, burst: 1);
        Assert.That(buckets.TryAcquire("k", out _), Is.True);
        Assert.That(buckets.TryAcquire("k", out var wait), Is.False);
        Assert.That(wait, Is.EqualTo(TimeSpan.FromMilliseconds(intervalMs)));
        clock.Advance(wait - TimeSpan.FromTicks(1));
        Assert.That(buckets.TryAcquire("k", out _), Is.False);
        clock.Advance(TimeSpan.FromTicks(1));
        Assert.That(buckets.TryAcquire("k", out _), Is.True);
    }

    [Test]
    public void Refilled_buckets_are_swept_and_a_swept_key_starts_full()
    {
        var clock = new FakeTimeProvider();
        using var buckets = new TokenBuckets(clock, permitsPerSecond: 1, burst: 2);
        buckets.TryAcquire("k", out _);
        buckets.TryAcquire("k", out _);
        clock.Advance(TokenBuckets.SweepInterval);
        Assert.That(Enumerable.Range(0, 5).Count(i => buckets.TryAcquire("k", out _)), Is.EqualTo(2));
    }
}

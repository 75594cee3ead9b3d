using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace NotificationExchange.Exchange.Tests.Support;

/// <summary>
/// A fake clock that says at what (fake) time each timer was armed on it. Code that arms a timer once it is done and
/// about to wait (the deadline services after each pass) thereby shows a test that it has done what was due at that
/// time, so the test can look at the outcome knowing nothing more is on its way. Every deadline service of a host runs
/// on the one deadline clock (consultations' and alerts'), so a pass is over when each of them has armed its next look.
/// </summary>
internal sealed class ArmedClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    /// <summary>How long (wall-clock) a test waits for a timer before it fails instead of hanging.</summary>
    public static readonly TimeSpan HangAfter = TimeSpan.FromSeconds(15);

    private readonly Channel<DateTimeOffset> _armedAt = Channel.CreateUnbounded<DateTimeOffset>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _armedAt.Writer.TryWrite(GetUtcNow());
        }
        return timer;
    }

    /// <summary>The services that wait on the deadline clock: consultations' and alerts' deadline services.</summary>
    public const int DeadlineServices = 2;

    /// <summary>
    /// Waits until every deadline service has armed a timer while this clock reads <paramref name="time"/> or later
    /// (earlier ones are passed over).
    /// </summary>
    public async Task ArmedAtOrAfterAsync(DateTimeOffset time)
    {
        using var hang = new CancellationTokenSource(HangAfter);
        try
        {
            for (var armed = 0; armed < DeadlineServices;)
            {
                if (await _armedAt.Reader.ReadAsync(hang.Token) >= time)
                {
                    armed++;
                }
            }
        }
        catch (OperationCanceledException) when (hang.IsCancellationRequested)
        {
            throw new TimeoutException($"no timer was armed at {time:O} or later within {HangAfter} (wall-clock)");
        }
    }
}

using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace NotificationExchange.Testing;

/// <summary>
/// A fake clock that also says when a timer is armed on it (created or changed with a finite due time), so that a
/// test advances time only once the code under test is waiting for it: advancing before the timer is armed would
/// leave it waiting for the next advance.
/// </summary>
public sealed class ObservedClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    /// <summary>How long (wall-clock) a test waits for a timer to be armed before it fails instead of hanging.</summary>
    public static readonly TimeSpan HangAfter = TimeSpan.FromSeconds(10);

    private readonly Channel<TimeSpan> _armed = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ObservedTimer(base.CreateTimer(callback, state, dueTime, period), this);
        Armed(dueTime);
        return timer;
    }

    /// <summary>Waits until a timer is armed to fire after <paramref name="dueTime"/> (others armed meanwhile are passed over).</summary>
    public Task ArmedAsync(TimeSpan dueTime) => ArmedAsync(dueTime, dueTime);

    /// <summary>
    /// Waits until a timer is armed to fire after a time from <paramref name="earliest"/> to <paramref name="latest"/>
    /// (others armed meanwhile are passed over), and returns that time.
    /// </summary>
    public async Task<TimeSpan> ArmedAsync(TimeSpan earliest, TimeSpan latest)
    {
        while (true)
        {
            var dueTime = await _armed.Reader.ReadWithinAsync(HangAfter, $"no timer was armed for {earliest} to {latest}");
            if (dueTime >= earliest && dueTime <= latest)
            {
                return dueTime;
            }
        }
    }

    private void Armed(TimeSpan dueTime)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _armed.Writer.TryWrite(dueTime);
        }
    }

    private sealed class ObservedTimer(ITimer timer, ObservedClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = timer.Change(dueTime, period);
            clock.Armed(dueTime);
            return changed;
        }

        public void Dispose() => timer.Dispose();

        public ValueTask DisposeAsync() => timer.DisposeAsync();
    }
}

using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace NotificationExchange.FanOut.Tests.Support;

/// <summary>
/// A fake clock that also says when a timer is armed on it (created or changed with a finite due time), so that a
/// test advances time only once the code under test is waiting for it: advancing before the timer is armed would
/// leave it waiting for the next advance.
/// </summary>
internal sealed class ObservedClock() : FakeTimeProvider(Events.Epoch)
{
    private readonly Channel<TimeSpan> _armed = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ObservedTimer(base.CreateTimer(callback, state, dueTime, period), this);
        Armed(dueTime);
        return timer;
    }

    /// <summary>Waits until a timer is armed to fire after <paramref name="dueTime"/> (others armed meanwhile are passed over).</summary>
    public async Task ArmedAsync(TimeSpan dueTime)
    {
        while (await _armed.Reader.ReadAsync().Within() != dueTime)
        {
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

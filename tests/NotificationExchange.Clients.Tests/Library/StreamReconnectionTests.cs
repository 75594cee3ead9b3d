using System.Threading.Channels;
using Grpc.Core;
using NotificationExchange.Client.Errors;
using NotificationExchange.Client.Streams;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Clients.Tests.Library;

/// <summary>When the resilient streams reopen a stream: at once after one that made progress, after a growing,
/// jittered backoff after one that did not; never after a refusal. On a fake clock, so that the waits are seen, not slept.</summary>
public sealed class StreamReconnectionTests
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    [Test]
    public async Task Streams_that_drop_without_progress_are_reopened_after_a_backoff_and_one_that_made_progress_at_once()
    {
        var clock = new ObservedClock(DateTimeOffset.UtcNow);
        var reports = Channel.CreateUnbounded<StreamReconnect>();
        var reconnection = new StreamReconnection(Options(clock, reports.Writer), () => 42);
        // Each open is answered by the test: the drop it returns, or the refusal it throws.
        var opens = Channel.CreateUnbounded<TaskCompletionSource<StreamDrop>>();
        using var stop = new CancellationTokenSource();
        var running = reconnection.RunAsync(token => Open(opens, token), stop.Token);

        // A stream that made progress: reopened at once, the first attempt after the drop.
        (await NextOpenAsync(opens)).SetResult(new StreamDrop("UNAVAILABLE: restarting", Progressed: true));
        var afterProgress = await NextReportAsync(reports);
        var reopened = await NextOpenAsync(opens);
        Assert.That((afterProgress.Attempt, afterProgress.Delay, afterProgress.Reason, afterProgress.ResumeAfter), Is.EqualTo((1, TimeSpan.Zero, "UNAVAILABLE: restarting", 42UL)));

        // Streams that drop without progress: each waits, and the clock must move for the next to open.
        reopened.SetResult(new StreamDrop("CANCELLED: reset", Progressed: false));
        var second = await NextReportAsync(reports);
        var wait = await clock.ArmedAsync(TimeSpan.FromTicks(1), MaxDelay);
        Assert.That(opens.Reader.TryRead(out _), Is.False, "not reopened before the backoff has passed");
        clock.Advance(wait);
        (await NextOpenAsync(opens)).SetResult(new StreamDrop("CANCELLED: reset", Progressed: false));
        var third = await NextReportAsync(reports);
        clock.Advance(await clock.ArmedAsync(TimeSpan.FromTicks(1), MaxDelay));

        Assert.That((second.Attempt, second.Reason), Is.EqualTo((2, "CANCELLED: reset")));
        Assert.That(second.Delay, Is.EqualTo(wait).Within(TimeSpan.FromMilliseconds(1)).And.GreaterThan(TimeSpan.Zero), "the wait reported is the wait armed");
        Assert.That(third.Attempt, Is.EqualTo(3));
        Assert.That(third.Delay, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(MaxDelay));

        // A refusal ends the run with it, unretried.
        var refusal = new NxException(new NxError(StatusCode.NotFound, "subscription SUB-1 was deleted", [], null), new RpcException(new Status(StatusCode.NotFound, "deleted")));
        (await NextOpenAsync(opens)).SetException(refusal);
        await Assert.ThatAsync(async () => await running.WaitAsync(TimeSpan.FromSeconds(10)), Throws.Exception.SameAs(refusal));
        Assert.That(reports.Reader.TryRead(out _), Is.False);
    }

    [Test]
    public async Task A_stream_that_stayed_up_for_the_longest_backoff_counts_as_progress()
    {
        var clock = new ObservedClock(DateTimeOffset.UtcNow);
        var reports = Channel.CreateUnbounded<StreamReconnect>();
        var reconnection = new StreamReconnection(Options(clock, reports.Writer), () => 7);
        var opens = Channel.CreateUnbounded<TaskCompletionSource<StreamDrop>>();
        using var stop = new CancellationTokenSource();
        var running = reconnection.RunAsync(token => Open(opens, token), stop.Token);

        var quiet = await NextOpenAsync(opens);
        clock.Advance(MaxDelay);
        quiet.SetResult(new StreamDrop("UNAVAILABLE: shutting down", Progressed: false));
        var report = await NextReportAsync(reports);
        await NextOpenAsync(opens);

        Assert.That((report.Attempt, report.Delay), Is.EqualTo((1, TimeSpan.Zero)), "reopened at once");
        await stop.CancelAsync();
        await Assert.ThatAsync(async () => await running.WaitAsync(TimeSpan.FromSeconds(10)), Throws.InstanceOf<OperationCanceledException>());
    }

    /// <summary>An open stream the test ends; the caller's cancellation ends it too.</summary>
    private static Task<StreamDrop> Open(Channel<TaskCompletionSource<StreamDrop>> opens, CancellationToken cancellationToken)
    {
        var stream = new TaskCompletionSource<StreamDrop>(TaskCreationOptions.RunContinuationsAsynchronously);
        cancellationToken.Register(() => stream.TrySetCanceled(cancellationToken));
        opens.Writer.TryWrite(stream);
        return stream.Task;
    }

    private static WatchOptions Options(TimeProvider clock, ChannelWriter<StreamReconnect> reports) => new()
    {
        ReconnectDelay = FirstDelay,
        MaxReconnectDelay = MaxDelay,
        Time = clock,
        OnReconnecting = reconnect => reports.TryWrite(reconnect),
    };

    private static Task<TaskCompletionSource<StreamDrop>> NextOpenAsync(Channel<TaskCompletionSource<StreamDrop>> opens) =>
        opens.Reader.ReadWithinAsync(TimeSpan.FromSeconds(10), "no stream was opened");

    private static Task<StreamReconnect> NextReportAsync(Channel<StreamReconnect> reports) =>
        reports.Reader.ReadWithinAsync(TimeSpan.FromSeconds(10), "no reconnection was reported");
}

using Grpc.Core;
using Polly;
using Polly.Retry;

namespace NotificationExchange.Client.Streams;

/// <summary>
/// Runs one stream after another until a refusal or the caller's cancellation ends them. A stream that made progress
/// before it dropped is reopened at once, with the backoff reset; a stream that failed to open, or dropped without
/// progress, is reopened after Polly's exponential backoff with jitter (<see cref="WatchOptions.ReconnectDelay"/> doubling
/// up to <see cref="WatchOptions.MaxReconnectDelay"/>). Progress is a position beyond any received before (or a message
/// accepted), or the stream staying up for <see cref="WatchOptions.MaxReconnectDelay"/>: so an exchange that accepts
/// streams and drops them again at once, replaying the same positions, is not reconnected to in a tight loop.
/// One reader task runs it; nothing here is shared with another thread but the reports.
/// </summary>
internal sealed class StreamReconnection
{
    private readonly WatchOptions _options;
    private readonly Func<ulong> _resumePosition;
    private readonly ResiliencePipeline _pipeline;
    // Attempts announced since the last stream that made progress, so that reports count 1, 2, 3 ... after each drop.
    private int _announced;

    public StreamReconnection(WatchOptions options, Func<ulong> resumePosition)
    {
        _options = options;
        _resumePosition = resumePosition;
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = options.Time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<StreamDroppedException>(),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.ReconnectDelay,
                MaxDelay = options.MaxReconnectDelay,
                OnRetry = retry =>
                {
                    Announce(retry.RetryDelay, retry.Outcome.Exception?.Message ?? "");
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>What a reconnection may cure: the exchange or the network away (UNAVAILABLE, and CANCELLED, INTERNAL,
    /// UNKNOWN or ABORTED when the connection was reset under the stream, DEADLINE_EXCEEDED from a proxy) or a
    /// slow-subscriber cut-off (RESOURCE_EXHAUSTED). Everything else is the exchange refusing: reconnecting would get
    /// the same answer, and after a takeover (FAILED_PRECONDITION) it would steal the subscription back.</summary>
    public static bool IsTransient(StatusCode code) =>
        code is StatusCode.Unavailable or StatusCode.ResourceExhausted or StatusCode.Internal or StatusCode.Unknown
            or StatusCode.Cancelled or StatusCode.DeadlineExceeded or StatusCode.Aborted;

    /// <summary>Runs <paramref name="stream"/> again each time it returns a drop; ends only by what it throws (a
    /// refusal, or cancellation).</summary>
    public async Task RunAsync(Func<CancellationToken, Task<StreamDrop>> stream, CancellationToken cancellationToken)
    {
        while (true)
        {
            var drop = await _pipeline.ExecuteAsync(async token =>
            {
                var opened = _options.Time.GetTimestamp();
                var ended = await stream(token).ConfigureAwait(false);
                if (ended.Progressed || _options.Time.GetElapsedTime(opened) >= _options.MaxReconnectDelay)
                {
                    return ended;
                }
                throw new StreamDroppedException(ended.Reason);
            }, cancellationToken).ConfigureAwait(false);
            _announced = 0;
            Announce(TimeSpan.Zero, drop.Reason);
        }
    }

    private void Announce(TimeSpan delay, string reason)
    {
        _announced++;
        _options.OnReconnecting?.Invoke(new StreamReconnect(_announced, delay, reason, _resumePosition()));
    }
}

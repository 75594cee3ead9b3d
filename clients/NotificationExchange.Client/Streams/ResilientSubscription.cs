using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Grpc.Core;
using NotificationExchange.Client.Errors;
using NotificationExchange.Protocol.V1;
using Polly;
using Polly.Retry;

namespace NotificationExchange.Client.Streams;

/// <summary>
/// One subscription followed for as long as the caller reads: the stream is reopened after a dropped connection, a
/// server restart (UNAVAILABLE) or a slow-subscriber cut-off (RESOURCE_EXHAUSTED), after a jittered exponential backoff
/// (Polly), from the last position yielded to the caller, never from the `nx-resume-after` trailer: that says what
/// the server sent, and messages sent are not messages that arrived.
/// Invariants: positions yielded strictly increase (a CaughtUp may repeat the item before it), so nothing is yielded
/// twice across reconnections; nothing after the resume position is skipped, as the exchange replays from there.
/// A refusal (NOT_FOUND: deleted; FAILED_PRECONDITION: taken over by another stream; PERMISSION_DENIED,
/// UNAUTHENTICATED, INVALID_ARGUMENT) ends the enumeration with an <see cref="NxException"/>: reconnecting could not
/// change it, and after a takeover it would steal the subscription back.
/// </summary>
internal sealed class ResilientSubscription(SubscriptionService.SubscriptionServiceClient client, string subscriptionId, WatchOptions options)
{
    // The last position yielded to the caller, read by the reader task when it reopens the stream. Written only by
    // the enumerating thread.
    private long _yielded = -1;

    public async IAsyncEnumerable<SubscriptionMessage> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (options.ResumeAfter is { } resume)
        {
            _yielded = (long)resume;
        }
        // A few messages of read-ahead; when the caller is slower than that, the reader stops reading, HTTP/2 flow
        // control holds the rest at the server, and the exchange cuts the stream off (RESOURCE_EXHAUSTED) if the
        // caller falls far behind: then it resumes from where the caller is.
        var buffer = Channel.CreateBounded<SubscriptionMessage>(new BoundedChannelOptions(32) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = Task.Run(() => ReadAsync(buffer.Writer, stop.Token), CancellationToken.None);
        var acknowledgements = new Acknowledgements(client, subscriptionId, options);
        try
        {
            while (await buffer.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (buffer.Reader.TryRead(out var message))
                {
                    var position = SubscriptionPositions.Of(message);
                    if (position is { } p)
                    {
                        var isCaughtUp = message.MessageCase == SubscriptionMessage.MessageOneofCase.CaughtUp;
                        // Already yielded before a reconnection: the new stream replays from the resume position.
                        if ((long)p < Volatile.Read(ref _yielded) || ((long)p == Volatile.Read(ref _yielded) && !isCaughtUp))
                        {
                            continue;
                        }
                        Volatile.Write(ref _yielded, (long)p);
                    }
                    yield return message;
                    // The caller asked for more: it has processed the message.
                    if (position is { } processed)
                    {
                        acknowledgements.Processed(processed);
                    }
                }
            }
            // The reader ended: a refusal or the caller's cancellation.
            await reader.ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await reader.ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or NxException)
            {
                // Ending the watch, or already thrown to the caller above.
            }
            await acknowledgements.FlushAsync().ConfigureAwait(false);
        }
    }

    private async Task ReadAsync(ChannelWriter<SubscriptionMessage> writer, CancellationToken cancellationToken)
    {
        Exception? ended = null;
        try
        {
            var reopen = Backoff();
            while (!cancellationToken.IsCancellationRequested)
            {
                // A stream that delivered something reconnects at once, with a fresh backoff; one that failed before
                // delivering anything waits, longer each time.
                await reopen.ExecuteAsync(token => OneStreamAsync(writer, token), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            ended = e;
        }
        writer.TryComplete(ended is OperationCanceledException ? null : ended);
    }

    /// <summary>Opens the stream once and copies it into the buffer until it ends. Returns normally when it delivered
    /// something before dropping; throws when it delivered nothing (the backoff retries transient failures).</summary>
    private async ValueTask OneStreamAsync(ChannelWriter<SubscriptionMessage> writer, CancellationToken cancellationToken)
    {
        var request = new SubscribeRequest { SubscriptionId = subscriptionId };
        var yielded = Volatile.Read(ref _yielded);
        if (yielded >= 0)
        {
            request.ResumeAfterSequence = (ulong)yielded;
        }
        var delivered = false;
        using var call = client.Subscribe(request, cancellationToken: cancellationToken);
        try
        {
            await foreach (var message in call.ResponseStream.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                delivered = true;
                await writer.WriteAsync(message, cancellationToken).ConfigureAwait(false);
            }
            // The exchange never ends a stream with OK; should one, reopen it.
            _lastDrop = "the stream ended";
        }
        catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
        {
            var error = NxError.From(e);
            if (!IsTransient(e.StatusCode))
            {
                throw new NxException(error, e);
            }
            _lastDrop = $"{e.StatusCode}: {error.Message}";
            if (!delivered)
            {
                throw;
            }
        }
        if (delivered)
        {
            options.OnReconnecting?.Invoke(new StreamReconnect(1, TimeSpan.Zero, _lastDrop, (ulong)Math.Max(0, Volatile.Read(ref _yielded))));
        }
    }

    private string _lastDrop = "";

    /// <summary>What a reconnection may cure: the exchange or the network away (UNAVAILABLE, and CANCELLED, INTERNAL or
    /// UNKNOWN when the connection was reset under the stream) or a slow-subscriber cut-off (RESOURCE_EXHAUSTED).</summary>
    internal static bool IsTransient(StatusCode code) =>
        code is StatusCode.Unavailable or StatusCode.ResourceExhausted or StatusCode.Internal or StatusCode.Unknown
            or StatusCode.Cancelled or StatusCode.DeadlineExceeded or StatusCode.Aborted;

    private ResiliencePipeline Backoff() =>
        new ResiliencePipelineBuilder { TimeProvider = options.Time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<RpcException>(e => IsTransient(e.StatusCode)).Handle<HttpRequestException>(),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.ReconnectDelay,
                MaxDelay = options.MaxReconnectDelay,
                OnRetry = retry =>
                {
                    options.OnReconnecting?.Invoke(new StreamReconnect(
                        retry.AttemptNumber + 1, retry.RetryDelay, retry.Outcome.Exception?.Message ?? _lastDrop,
                        (ulong)Math.Max(0, Volatile.Read(ref _yielded))));
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
}

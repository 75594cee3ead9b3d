using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Grpc.Core;
using NotificationExchange.Client.Errors;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Client.Streams;

/// <summary>
/// One subscription followed for as long as the caller reads. A reader task copies the stream into a small buffer and
/// reopens it after a dropped connection, a server restart (UNAVAILABLE) or a slow-subscriber cut-off
/// (RESOURCE_EXHAUSTED), as <see cref="StreamReconnection"/> says; the caller's side yields from the buffer.
/// Each stream resumes after the last position yielded to the caller, never after the `nx-resume-after` trailer: that
/// says what the server sent, and messages sent are not messages that arrived.
/// Invariants: positions yielded strictly increase (a CaughtUp may repeat the position before it), so nothing is
/// yielded twice, whatever a new stream replays of what the buffer still held; nothing after the resume position is
/// skipped, as the exchange replays from there. A refusal (NOT_FOUND: deleted; FAILED_PRECONDITION: taken over by
/// another stream; PERMISSION_DENIED, UNAUTHENTICATED, INVALID_ARGUMENT) ends the enumeration with an
/// <see cref="NxException"/>: reconnecting could not change it, and after a takeover it would steal the subscription
/// back. The caller's cancellation ends it with an <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class ResilientSubscription(SubscriptionService.SubscriptionServiceClient client, string subscriptionId, WatchOptions options)
{
    // The last position yielded to the caller: written by the enumerating side, read by the reader task when it opens
    // a stream.
    private long _yielded = -1;
    // The highest position the reader task has received on any stream; the reader's alone.
    private long _received = -1;

    public async IAsyncEnumerable<SubscriptionMessage> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (options.ResumeAfter is { } resume)
        {
            _yielded = _received = (long)resume;
        }
        // A few messages of read-ahead; when the caller is slower than that, the reader stops reading, HTTP/2 flow
        // control holds the rest at the server, and the exchange cuts the stream off (RESOURCE_EXHAUSTED) if the
        // caller falls far behind: then it resumes from where the caller is.
        var buffer = Channel.CreateBounded<SubscriptionMessage>(new BoundedChannelOptions(32) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reconnection = new StreamReconnection(options, () => (ulong)Math.Max(0, Volatile.Read(ref _yielded)));
        var reader = Task.Run(() => ReadAsync(reconnection, buffer.Writer, stop.Token), CancellationToken.None);
        var acknowledgements = new Acknowledgements(client, subscriptionId, options);
        try
        {
            // Ends by the reader's failure (thrown here) or by the caller's cancellation.
            var batch = new List<SubscriptionMessage>();
            while (await buffer.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                // What the buffer holds now, taken at once so that a verifying watch proves it in one call.
                batch.Clear();
                while (batch.Count < Services.TransparencyApi.MaxProofsPerCall && buffer.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }
                if (options.Verify is { } verifier)
                {
                    // Before yielding: the caller never acts on an entry the log does not hold.
                    await verifier.VerifyAsync(batch, cancellationToken).ConfigureAwait(false);
                }
                foreach (var message in batch)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var position = SubscriptionPositions.Of(message);
                    if (position is { } p)
                    {
                        var yielded = Volatile.Read(ref _yielded);
                        var isCaughtUp = message.MessageCase == SubscriptionMessage.MessageOneofCase.CaughtUp;
                        // Already yielded before a reconnection: the new stream replays from the resume position.
                        if ((long)p < yielded || ((long)p == yielded && !isCaughtUp))
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
            cancellationToken.ThrowIfCancellationRequested();
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            // The reader never throws: it hands its failure to the buffer.
            await reader.ConfigureAwait(false);
            await acknowledgements.FlushAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Runs the streams until a refusal (handed to the buffer, thrown to the caller) or cancellation.</summary>
    private async Task ReadAsync(StreamReconnection reconnection, ChannelWriter<SubscriptionMessage> writer, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            await reconnection.RunAsync(token => OneStreamAsync(writer, token), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            failure = e;
        }
        catch (Exception)
        {
            // Cancelled: the caller's side knows.
        }
        writer.TryComplete(failure);
    }

    /// <summary>Opens the stream once and copies it into the buffer until it ends; returns how it dropped, or throws
    /// <see cref="NxException"/> when the exchange refused it.</summary>
    private async Task<StreamDrop> OneStreamAsync(ChannelWriter<SubscriptionMessage> writer, CancellationToken cancellationToken)
    {
        var request = new SubscribeRequest { SubscriptionId = subscriptionId };
        var resume = Volatile.Read(ref _yielded);
        if (resume >= 0)
        {
            request.ResumeAfterSequence = (ulong)resume;
        }
        var receivedBefore = _received;
        using var call = client.Subscribe(request, cancellationToken: cancellationToken);
        try
        {
            await foreach (var message in call.ResponseStream.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (SubscriptionPositions.Of(message) is { } position && (long)position > _received)
                {
                    _received = (long)position;
                }
                await writer.WriteAsync(message, cancellationToken).ConfigureAwait(false);
            }
            // The exchange never ends a stream with OK; should one, reopen it.
            return new StreamDrop("the exchange ended the stream", _received > receivedBefore);
        }
        catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
        {
            var error = NxError.From(e);
            if (!StreamReconnection.IsTransient(e.StatusCode))
            {
                throw new NxException(error, e);
            }
            return new StreamDrop($"{e.StatusCode}: {error.Message}", _received > receivedBefore);
        }
    }
}

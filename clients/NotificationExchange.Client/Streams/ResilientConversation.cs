using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Grpc.Core;
using NotificationExchange.Client.Errors;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Client.Streams;

/// <summary>
/// A consultation's conversation, kept open while the caller reads <see cref="ReadAllAsync"/>. A reader task copies
/// the stream into a small buffer and reopens it after a drop as <see cref="StreamReconnection"/> says, resuming after
/// the last message yielded to the caller, so that no message is lost or yielded twice. <see cref="SayAsync"/> gives
/// each message a client message id and sends it again, in the order said, on every reopened stream until the exchange
/// accepts it; the exchange stores one message per id, so a message said just before a drop, or while the exchange is
/// down, is stored once. The last receipt is sent again on a reopened stream too: receipts only move forward.
/// </summary>
public sealed class ResilientConversation
{
    private readonly ConsultationService.ConsultationServiceClient _client;
    private readonly string _consultationId;
    private readonly WatchOptions _options;
    // Says not yet accepted, by client message id. Removed by their acceptance (the reader), by the caller giving up
    // (SayAsync cancelled) or by the reading ending (each fails).
    private readonly ConcurrentDictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    // One write at a time on a stream (gRPC allows no concurrent writes); guards _stream and _receipt.
    private readonly SemaphoreSlim _write = new(1, 1);
    private IClientStreamWriter<ConverseRequest>? _stream;
    private ConverseReceipt? _receipt;
    private long _said;
    // The last message sequence yielded to the caller: written by the enumerating side, read by the reader task when it
    // opens a stream.
    private long _yielded = -1;
    // The highest sequence the reader task has received on any stream; the reader's alone.
    private long _received = -1;
    private int _reading;

    internal ResilientConversation(ConsultationService.ConsultationServiceClient client, string consultationId, WatchOptions options)
    {
        _client = client;
        _consultationId = consultationId;
        _options = options;
        if (options.ResumeAfter is { } resume)
        {
            _yielded = _received = (long)resume;
        }
    }

    /// <summary>The conversation, from the resume position (the start unless <see cref="WatchOptions.ResumeAfter"/>, or
    /// after the last message an earlier reading yielded), then live: messages (each once, in sequence order), the
    /// acceptances of the caller's own (each once), the other parties' receipts and the caught-up marker (both again
    /// after a reconnection). One reader at a time. Ends by the caller's cancellation
    /// (<see cref="OperationCanceledException"/>) or with an <see cref="NxException"/> when the exchange refuses:
    /// not a party, no such consultation, not open, or a message it refused (which ends the exchange's stream).</summary>
    public async IAsyncEnumerable<ConverseResponse> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _reading, 1) == 1)
        {
            throw new InvalidOperationException("a conversation has one reader at a time");
        }
        var buffer = Channel.CreateBounded<ConverseResponse>(new BoundedChannelOptions(32) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reconnection = new StreamReconnection(_options, () => (ulong)Math.Max(0, Volatile.Read(ref _yielded)));
        var reader = Task.Run(() => ReadAsync(reconnection, buffer.Writer, stop.Token), CancellationToken.None);
        try
        {
            // Ends by the reader's failure (thrown here) or by the caller's cancellation.
            while (await buffer.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (buffer.Reader.TryRead(out var response))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (response.KindCase == ConverseResponse.KindOneofCase.Message)
                    {
                        // Already yielded before a reconnection: the new stream replays from the resume position.
                        if ((long)response.Message.Sequence <= Volatile.Read(ref _yielded))
                        {
                            continue;
                        }
                        Volatile.Write(ref _yielded, (long)response.Message.Sequence);
                    }
                    yield return response;
                }
            }
            cancellationToken.ThrowIfCancellationRequested();
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            // The reader never throws: it hands its failure to the buffer.
            await reader.ConfigureAwait(false);
            FailPending(id => new InvalidOperationException(
                $"the conversation stopped before the exchange accepted message {id}; it may be stored or not: say it again with the same client message id, and it is stored once"));
            Volatile.Write(ref _reading, 0);
        }
    }

    /// <summary>Sends a message; completes when the exchange has stored it (its sequence in the acceptance). Sent again
    /// with the same client message id on every reopened stream until accepted. Needs <see cref="ReadAllAsync"/>
    /// running (a message said before it starts waits for it). Throws the reading's <see cref="NxException"/> when the
    /// exchange refuses the conversation or this message, and <see cref="InvalidOperationException"/> when the reading
    /// stops before the acceptance; cancelling stops sending it again, though it may be stored already.</summary>
    public async Task<MessageAccepted> SayAsync(string text, IEnumerable<ConversationAttachment>? attachments = null, string? clientMessageId = null, CancellationToken cancellationToken = default)
    {
        var say = new ConverseSay { ClientMessageId = clientMessageId ?? $"m-{Guid.NewGuid():N}", Text = text };
        say.Attachments.AddRange(attachments ?? []);
        var pending = new Pending(say, Interlocked.Increment(ref _said));
        if (!_pending.TryAdd(say.ClientMessageId, pending))
        {
            throw new ArgumentException($"client message id {say.ClientMessageId} is already waiting for its acceptance", nameof(clientMessageId));
        }
        try
        {
            await SendAsync(new ConverseRequest { Say = say }, cancellationToken).ConfigureAwait(false);
            return await pending.Accepted.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _pending.TryRemove(new KeyValuePair<string, Pending>(say.ClientMessageId, pending));
            throw;
        }
    }

    /// <summary>Moves the caller's receipt forward: delivered through and read through a message sequence. Sent on the
    /// open stream, and again on every reopened one.</summary>
    public Task SendReceiptAsync(ulong deliveredThrough, ulong readThrough, CancellationToken cancellationToken = default) =>
        SendAsync(new ConverseRequest { Receipt = new ConverseReceipt { DeliveredThrough = deliveredThrough, ReadThrough = readThrough } }, cancellationToken);

    /// <summary>Runs the streams until a refusal (handed to the buffer and to every say waiting) or cancellation.</summary>
    private async Task ReadAsync(StreamReconnection reconnection, ChannelWriter<ConverseResponse> writer, CancellationToken cancellationToken)
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
        if (failure is not null)
        {
            FailPending(_ => failure);
        }
        writer.TryComplete(failure);
    }

    /// <summary>Opens a stream once, sends open, what waits to be sent and the last receipt, and copies the stream into
    /// the buffer until it ends; returns how it dropped, or throws <see cref="NxException"/> when the exchange refused.</summary>
    private async Task<StreamDrop> OneStreamAsync(ChannelWriter<ConverseResponse> writer, CancellationToken cancellationToken)
    {
        var receivedBefore = _received;
        var accepted = false;
        var call = _client.Converse(cancellationToken: cancellationToken);
        try
        {
            try
            {
                await OpenAsync(call.RequestStream, cancellationToken).ConfigureAwait(false);
                await foreach (var response in call.ResponseStream.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    switch (response.KindCase)
                    {
                        case ConverseResponse.KindOneofCase.Message:
                            _received = Math.Max(_received, (long)response.Message.Sequence);
                            break;
                        case ConverseResponse.KindOneofCase.CaughtUp:
                            _received = Math.Max(_received, (long)response.CaughtUp.Sequence);
                            break;
                        case ConverseResponse.KindOneofCase.Accepted:
                            accepted = true;
                            // A say sent again after a reconnection (or twice on one stream) is accepted again; the
                            // caller hears of it once. The waiting SayAsync learns of it here, however far behind
                            // the caller reads.
                            if (!_pending.TryRemove(response.Accepted.ClientMessageId, out var pending))
                            {
                                continue;
                            }
                            pending.Accepted.TrySetResult(response.Accepted);
                            break;
                    }
                    await writer.WriteAsync(response, cancellationToken).ConfigureAwait(false);
                }
                return new StreamDrop("the exchange ended the stream", accepted || _received > receivedBefore);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException && !cancellationToken.IsCancellationRequested)
            {
                // A write on a call that had already failed: its status says why.
                throw FailureOf(call, e);
            }
        }
        catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
        {
            var error = NxError.From(e);
            if (!StreamReconnection.IsTransient(e.StatusCode))
            {
                throw new NxException(error, e);
            }
            return new StreamDrop($"{e.StatusCode}: {error.Message}", accepted || _received > receivedBefore);
        }
        finally
        {
            await _write.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            if (ReferenceEquals(_stream, call.RequestStream))
            {
                _stream = null;
            }
            _write.Release();
            call.Dispose();
        }
    }

    /// <summary>Sends open (resuming after the last message yielded), every say still waiting for its acceptance in
    /// the order said, and the last receipt; then later writes go to this stream.</summary>
    private async Task OpenAsync(IClientStreamWriter<ConverseRequest> stream, CancellationToken cancellationToken)
    {
        var open = new ConverseOpen { ConsultationId = _consultationId };
        if (Volatile.Read(ref _yielded) is var resume and >= 0)
        {
            open.ResumeAfterSequence = (ulong)resume;
        }
        await _write.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await stream.WriteAsync(new ConverseRequest { Open = open }, cancellationToken).ConfigureAwait(false);
            foreach (var pending in _pending.Values.OrderBy(p => p.Order))
            {
                await stream.WriteAsync(new ConverseRequest { Say = pending.Say }, cancellationToken).ConfigureAwait(false);
            }
            if (_receipt is { } receipt)
            {
                await stream.WriteAsync(new ConverseRequest { Receipt = receipt }, cancellationToken).ConfigureAwait(false);
            }
            _stream = stream;
        }
        finally
        {
            _write.Release();
        }
    }

    /// <summary>Writes on the open stream; while none is open, a say waits in <see cref="_pending"/> and a receipt as
    /// the last one, and both go out when a stream opens. The write itself is not cancelled with the caller's token:
    /// that would cancel the whole call.</summary>
    private async Task SendAsync(ConverseRequest request, CancellationToken cancellationToken)
    {
        await _write.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (request.KindCase == ConverseRequest.KindOneofCase.Receipt)
            {
                _receipt = request.Receipt;
            }
            if (_stream is { } stream)
            {
                try
                {
                    await stream.WriteAsync(request).ConfigureAwait(false);
                }
                catch (Exception e) when (e is RpcException or InvalidOperationException or IOException)
                {
                    // The stream is dropping; the reader reopens it and sends this again.
                }
            }
        }
        finally
        {
            _write.Release();
        }
    }

    private void FailPending(Func<string, Exception> failure)
    {
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var pending))
            {
                pending.Accepted.TrySetException(failure(id));
            }
        }
    }

    /// <summary>The status of a call whose write failed: the call's own when it has ended, else UNAVAILABLE.</summary>
    private static RpcException FailureOf(AsyncDuplexStreamingCall<ConverseRequest, ConverseResponse> call, Exception writeFailure)
    {
        try
        {
            return new RpcException(call.GetStatus(), call.GetTrailers());
        }
        catch (InvalidOperationException)
        {
            return new RpcException(new Status(StatusCode.Unavailable, writeFailure.Message));
        }
    }

    private sealed class Pending(ConverseSay say, long order)
    {
        public ConverseSay Say { get; } = say;

        /// <summary>When it was said: says waiting are sent again in this order.</summary>
        public long Order { get; } = order;

        public TaskCompletionSource<MessageAccepted> Accepted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

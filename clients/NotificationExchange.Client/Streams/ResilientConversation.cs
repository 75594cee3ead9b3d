using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Grpc.Core;
using NotificationExchange.Client.Errors;
using NotificationExchange.Protocol.V1;
using Polly;
using Polly.Retry;

namespace NotificationExchange.Client.Streams;

/// <summary>
/// A consultation's conversation, kept open while the caller reads <see cref="ReadAllAsync"/>: it reconnects after a
/// drop with a jittered backoff and resumes after the last message yielded to the caller, so no message is lost or
/// yielded twice. <see cref="SayAsync"/> gives each message a client message id and sends it again on every
/// reconnection until the exchange accepts it; the exchange stores one message per id, so a message sent just before
/// a drop is stored once. Receipts (delivered, read) are sent again after a reconnection too, as positions only move
/// forward.
/// </summary>
public sealed class ResilientConversation
{
    private readonly ConsultationService.ConsultationServiceClient _client;
    private readonly string _consultationId;
    private readonly WatchOptions _options;
    private readonly ConcurrentDictionary<string, Pending> _pending = new();
    private readonly SemaphoreSlim _write = new(1, 1);
    private IClientStreamWriter<ConverseRequest>? _stream;
    private ConverseReceipt? _receipt;
    private long _yielded = -1;
    private int _reading;

    internal ResilientConversation(ConsultationService.ConsultationServiceClient client, string consultationId, WatchOptions options)
    {
        _client = client;
        _consultationId = consultationId;
        _options = options;
        if (options.ResumeAfter is { } resume)
        {
            _yielded = (long)resume;
        }
    }

    /// <summary>The conversation, from the resume position (the start unless <see cref="WatchOptions.ResumeAfter"/>),
    /// then live: messages, acceptances of the caller's own, receipts and the caught-up marker. One reader at a time.
    /// Ends by the caller's cancellation or with an <see cref="NxException"/> when the exchange refuses
    /// (not a party, no such consultation).</summary>
    public async IAsyncEnumerable<ConverseResponse> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _reading, 1) == 1)
        {
            throw new InvalidOperationException("a conversation has one reader at a time");
        }
        try
        {
            var reopen = Backoff();
            while (true)
            {
                var call = await reopen.ExecuteAsync(OpenAsync, cancellationToken).ConfigureAwait(false);
                using (call)
                {
                    var responses = call.ResponseStream;
                    while (true)
                    {
                        ConverseResponse response;
                        try
                        {
                            if (!await responses.MoveNext(cancellationToken).ConfigureAwait(false))
                            {
                                break;
                            }
                            response = responses.Current;
                        }
                        catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
                        {
                            if (!ResilientSubscription.IsTransient(e.StatusCode))
                            {
                                throw new NxException(NxError.From(e), e);
                            }
                            _options.OnReconnecting?.Invoke(new StreamReconnect(1, TimeSpan.Zero, $"{e.StatusCode}: {e.Status.Detail}", (ulong)Math.Max(0, _yielded)));
                            break;
                        }
                        if (response.KindCase == ConverseResponse.KindOneofCase.Message)
                        {
                            if ((long)response.Message.Sequence <= _yielded)
                            {
                                continue;
                            }
                            _yielded = (long)response.Message.Sequence;
                        }
                        else if (response.KindCase == ConverseResponse.KindOneofCase.Accepted)
                        {
                            // Acceptances of a message sent again after a reconnection come twice; the caller hears one.
                            if (!_pending.TryRemove(response.Accepted.ClientMessageId, out var pending))
                            {
                                continue;
                            }
                            pending.Accepted.TrySetResult(response.Accepted);
                        }
                        yield return response;
                    }
                }
                await DetachAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            await DetachAsync().ConfigureAwait(false);
            Volatile.Write(ref _reading, 0);
        }
    }

    /// <summary>Sends a message; completes when the exchange has stored it (its sequence in the acceptance). Sent again
    /// with the same client message id after every reconnection until accepted. Needs <see cref="ReadAllAsync"/>
    /// running, which reads the acceptance.</summary>
    public async Task<MessageAccepted> SayAsync(string text, IEnumerable<ConversationAttachment>? attachments = null, string? clientMessageId = null, CancellationToken cancellationToken = default)
    {
        var say = new ConverseSay { ClientMessageId = clientMessageId ?? $"m-{Guid.NewGuid():N}", Text = text };
        say.Attachments.AddRange(attachments ?? []);
        var pending = new Pending(say);
        if (!_pending.TryAdd(say.ClientMessageId, pending))
        {
            throw new ArgumentException($"client message id {say.ClientMessageId} is already waiting for its acceptance", nameof(clientMessageId));
        }
        await SendAsync(new ConverseRequest { Say = say }, cancellationToken).ConfigureAwait(false);
        using var registration = cancellationToken.Register(() => pending.Accepted.TrySetCanceled(cancellationToken));
        return await pending.Accepted.Task.ConfigureAwait(false);
    }

    /// <summary>Moves the caller's receipt forward: delivered through and read through a message sequence.</summary>
    public Task SendReceiptAsync(ulong deliveredThrough, ulong readThrough, CancellationToken cancellationToken = default)
    {
        var receipt = new ConverseReceipt { DeliveredThrough = deliveredThrough, ReadThrough = readThrough };
        _receipt = receipt;
        return SendAsync(new ConverseRequest { Receipt = receipt }, cancellationToken);
    }

    private async ValueTask<AsyncDuplexStreamingCall<ConverseRequest, ConverseResponse>> OpenAsync(CancellationToken cancellationToken)
    {
        var call = _client.Converse(cancellationToken: cancellationToken);
        try
        {
            var open = new ConverseOpen { ConsultationId = _consultationId };
            if (_yielded >= 0)
            {
                open.ResumeAfterSequence = (ulong)_yielded;
            }
            await _write.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await call.RequestStream.WriteAsync(new ConverseRequest { Open = open }, cancellationToken).ConfigureAwait(false);
                // Whatever was said while away, and the last receipt, go out again on the new stream.
                foreach (var pending in _pending.Values)
                {
                    await call.RequestStream.WriteAsync(new ConverseRequest { Say = pending.Say }, cancellationToken).ConfigureAwait(false);
                }
                if (_receipt is { } receipt)
                {
                    await call.RequestStream.WriteAsync(new ConverseRequest { Receipt = receipt }, cancellationToken).ConfigureAwait(false);
                }
                _stream = call.RequestStream;
            }
            finally
            {
                _write.Release();
            }
            // A refusal (not a party, unknown consultation) arrives as the response headers' status: wait for the
            // headers so that it is seen here, where it ends the reading, rather than retried.
            await call.ResponseHeadersAsync.ConfigureAwait(false);
            return call;
        }
        catch (RpcException e) when (!ResilientSubscription.IsTransient(e.StatusCode))
        {
            call.Dispose();
            throw new NxException(NxError.From(e), e);
        }
        catch
        {
            call.Dispose();
            throw;
        }
    }

    /// <summary>Writes on the open stream; while none is open, the message waits in <see cref="_pending"/> (a say) or
    /// as the last receipt, and goes out when the stream reopens.</summary>
    private async Task SendAsync(ConverseRequest request, CancellationToken cancellationToken)
    {
        await _write.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_stream is { } stream)
            {
                try
                {
                    await stream.WriteAsync(request, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is RpcException or InvalidOperationException or IOException)
                {
                    // The stream is dropping; the reader reconnects and sends it again.
                }
            }
        }
        finally
        {
            _write.Release();
        }
    }

    private async Task DetachAsync()
    {
        await _write.WaitAsync().ConfigureAwait(false);
        _stream = null;
        _write.Release();
    }

    private ResiliencePipeline Backoff() =>
        new ResiliencePipelineBuilder { TimeProvider = _options.Time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<RpcException>(e => ResilientSubscription.IsTransient(e.StatusCode)).Handle<HttpRequestException>(),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.ReconnectDelay,
                MaxDelay = _options.MaxReconnectDelay,
                OnRetry = retry =>
                {
                    _options.OnReconnecting?.Invoke(new StreamReconnect(retry.AttemptNumber + 1, retry.RetryDelay,
                        retry.Outcome.Exception?.Message ?? "", (ulong)Math.Max(0, _yielded)));
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    private sealed record Pending(ConverseSay Say)
    {
        public TaskCompletionSource<MessageAccepted> Accepted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

using Grpc.Core;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Exchange.Tests.Support;

/// <summary>
/// One party's Converse stream for a test: it sends open at once, then what the test says; everything the server
/// sends is kept in arrival order. Waits are bounded, so that something that never arrives fails the test instead of
/// hanging it. One reader and one writer at a time (the test's own order).
/// </summary>
internal sealed class ConverseProbe : IDisposable
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(15);

    private readonly AsyncDuplexStreamingCall<ConverseRequest, ConverseResponse> _call;

    private ConverseProbe(AsyncDuplexStreamingCall<ConverseRequest, ConverseResponse> call) => _call = call;

    /// <summary>Everything received, in arrival order.</summary>
    public List<ConverseResponse> Received { get; } = [];

    public IEnumerable<ConversationMessage> Messages => Received.Where(r => r.KindCase == ConverseResponse.KindOneofCase.Message).Select(r => r.Message);

    public IEnumerable<MessageAccepted> Accepted => Received.Where(r => r.KindCase == ConverseResponse.KindOneofCase.Accepted).Select(r => r.Accepted);

    public IEnumerable<ConversationReceipt> Receipts => Received.Where(r => r.KindCase == ConverseResponse.KindOneofCase.Receipt).Select(r => r.Receipt);

    public ulong? CaughtUpAt => Received.LastOrDefault(r => r.KindCase == ConverseResponse.KindOneofCase.CaughtUp)?.CaughtUp.Sequence;

    /// <summary>Opens a stream on the consultation (resuming after <paramref name="resumeAfter"/> when given).</summary>
    public static async Task<ConverseProbe> OpenAsync(ExchangeClient client, string consultationId, ulong? resumeAfter = null)
    {
        var open = new ConverseOpen { ConsultationId = consultationId };
        if (resumeAfter is { } position)
        {
            open.ResumeAfterSequence = position;
        }
        var probe = Start(client);
        await probe.SendAsync(new ConverseRequest { Open = open });
        return probe;
    }

    /// <summary>A stream on which nothing was sent yet (to send a first message other than open).</summary>
    public static ConverseProbe Start(ExchangeClient client) => new(client.Consultations.Converse());

    public Task SendAsync(ConverseRequest request) => _call.RequestStream.WriteAsync(request);

    public Task SayAsync(string clientMessageId, string text, params ConversationAttachment[] attachments) =>
        SendAsync(new ConverseRequest { Say = new ConverseSay { ClientMessageId = clientMessageId, Text = text, Attachments = { attachments } } });

    /// <summary>Says a message and reads until it is accepted; returns its sequence.</summary>
    public async Task<ulong> SayAcceptedAsync(string clientMessageId, string text, params ConversationAttachment[] attachments)
    {
        await SayAsync(clientMessageId, text, attachments);
        var accepted = await ReadUntilAsync(r => r.KindCase == ConverseResponse.KindOneofCase.Accepted && r.Accepted.ClientMessageId == clientMessageId);
        return accepted.Accepted.Sequence;
    }

    public Task ReceiptAsync(ulong deliveredThrough, ulong readThrough) =>
        SendAsync(new ConverseRequest { Receipt = new ConverseReceipt { DeliveredThrough = deliveredThrough, ReadThrough = readThrough } });

    /// <summary>Stops sending (half-close); the server goes on sending.</summary>
    public Task CompleteAsync() => _call.RequestStream.CompleteAsync();

    public async Task<ulong> ReadUntilCaughtUpAsync(TimeSpan? wait = null) =>
        (await ReadUntilAsync(r => r.KindCase == ConverseResponse.KindOneofCase.CaughtUp, wait)).CaughtUp.Sequence;

    /// <summary>Reads until <paramref name="count"/> messages in all have arrived; returns them all.</summary>
    public async Task<List<ConversationMessage>> ReadMessagesAsync(int count, TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? DefaultWait);
        while (Messages.Count() < count)
        {
            await NextAsync(timeout.Token);
        }
        return Messages.ToList();
    }

    /// <summary>Reads until a response matching <paramref name="match"/> arrives (it may have arrived already); returns it.</summary>
    public async Task<ConverseResponse> ReadUntilAsync(Func<ConverseResponse, bool> match, TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? DefaultWait);
        var seen = 0;
        while (true)
        {
            for (; seen < Received.Count; seen++)
            {
                if (match(Received[seen]))
                {
                    return Received[seen];
                }
            }
            await NextAsync(timeout.Token);
        }
    }

    /// <summary>Reads until the server ends the call; returns the status it ended with.</summary>
    public async Task<RpcException> ReadUntilEndedAsync(TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? DefaultWait);
        try
        {
            while (true)
            {
                await NextAsync(timeout.Token);
            }
        }
        catch (RpcException e) when (!timeout.IsCancellationRequested)
        {
            return e;
        }
    }

    public void Dispose() => _call.Dispose();

    private async Task NextAsync(CancellationToken cancellationToken)
    {
        if (!await _call.ResponseStream.MoveNext(cancellationToken))
        {
            throw new InvalidOperationException("the server ended the call with OK, which Converse never does");
        }
        Received.Add(_call.ResponseStream.Current);
    }
}

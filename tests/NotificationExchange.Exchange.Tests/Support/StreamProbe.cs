using Grpc.Core;
using NotificationExchange.Protocol.V1;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Support;

/// <summary>
/// Reads a subscriber stream for a test: events in arrival order, and the moment replay ended. Waits are bounded so
/// that a missing event fails the test instead of hanging it.
/// </summary>
internal sealed class StreamProbe : IDisposable
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(15);

    private readonly AsyncServerStreamingCall<SubscriptionMessage> _call;
    private readonly CancellationTokenSource _cancel = new();

    private StreamProbe(AsyncServerStreamingCall<SubscriptionMessage> call) => _call = call;

    public List<NotificationEvent> Events { get; } = [];

    /// <summary>State changes of consultations the subscription's owner is a party of, in arrival order.</summary>
    public List<ConsultationEvent> ConsultationEvents { get; } = [];

    /// <summary>Changes of direct lines the subscription's owner is on, in arrival order.</summary>
    public List<DirectLineEvent> DirectLineEvents { get; } = [];

    /// <summary>Events of alerts the subscription's owner is a party to, in arrival order.</summary>
    public List<AlertEvent> AlertEvents { get; } = [];
    public ulong? CaughtUpAt { get; private set; }

    public static StreamProbe Open(ExchangeClient client, string subscriptionId, ulong? resumeAfter = null)
    {
        var request = new SubscribeRequest { SubscriptionId = subscriptionId };
        if (resumeAfter is { } position)
        {
            request.ResumeAfterSequence = position;
        }
        return new StreamProbe(client.Subscriptions.Subscribe(request));
    }

    /// <summary>A new subscription of <paramref name="client"/>'s from the log's end, opened and caught up.</summary>
    public static async Task<StreamProbe> OpenFromLatestAsync(ExchangeClient client)
    {
        var subscription = await client.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "from-latest", Start = StartPosition.Latest });
        var probe = Open(client, subscription.Id);
        await probe.ReadUntilCaughtUpAsync();
        return probe;
    }

    public IAsyncStreamReader<SubscriptionMessage> Reader => _call.ResponseStream;

    public Metadata Trailers() => _call.GetTrailers();

    /// <summary>Reads until replay is over (CaughtUp), collecting the replayed events.</summary>
    public async Task<List<NotificationEvent>> ReadUntilCaughtUpAsync(TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? DefaultWait);
        while (CaughtUpAt is null)
        {
            await NextAsync(timeout.Token);
        }
        return Events.ToList();
    }

    /// <summary>Reads until <paramref name="count"/> events in all have arrived (heartbeats are skipped).</summary>
    public async Task<List<NotificationEvent>> ReadEventsAsync(int count, TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? DefaultWait);
        while (Events.Count < count)
        {
            await NextAsync(timeout.Token);
        }
        return Events.ToList();
    }

    /// <summary>Reads until <paramref name="count"/> consultation events in all have arrived.</summary>
    public async Task<List<ConsultationEvent>> ReadConsultationEventsAsync(int count, TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? DefaultWait);
        while (ConsultationEvents.Count < count)
        {
            await NextAsync(timeout.Token);
        }
        return ConsultationEvents.ToList();
    }

    /// <summary>Reads until <paramref name="count"/> direct-line events in all have arrived.</summary>
    public async Task<List<DirectLineEvent>> ReadDirectLineEventsAsync(int count, TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? DefaultWait);
        while (DirectLineEvents.Count < count)
        {
            await NextAsync(timeout.Token);
        }
        return DirectLineEvents.ToList();
    }

    /// <summary>Reads until <paramref name="count"/> alert events in all have arrived.</summary>
    public async Task<List<AlertEvent>> ReadAlertEventsAsync(int count, TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? DefaultWait);
        while (AlertEvents.Count < count)
        {
            await NextAsync(timeout.Token);
        }
        return AlertEvents.ToList();
    }

    /// <summary>Asserts that nothing arrives for a while (used where an event must not be delivered).</summary>
    public async Task AssertNoEventWithinAsync(TimeSpan quiet)
    {
        var before = Events.Count;
        using var timeout = new CancellationTokenSource(quiet);
        try
        {
            while (true)
            {
                await NextAsync(timeout.Token);
                Assert.That(Events, Has.Count.EqualTo(before), $"unexpected event {Events[^1]}");
            }
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled || timeout.IsCancellationRequested)
        {
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Asserts that no alert event arrives for a while (where an alert must not be delivered).</summary>
    public async Task AssertNoAlertWithinAsync(TimeSpan quiet)
    {
        var before = AlertEvents.Count;
        using var timeout = new CancellationTokenSource(quiet);
        try
        {
            while (true)
            {
                await NextAsync(timeout.Token);
                Assert.That(AlertEvents, Has.Count.EqualTo(before), $"unexpected alert event {(AlertEvents.Count > 0 ? AlertEvents[^1] : null)}");
            }
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled || timeout.IsCancellationRequested)
        {
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Reads until the server ends the stream, returning the status it ended with.</summary>
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

    public void Dispose()
    {
        _cancel.Cancel();
        _call.Dispose();
        _cancel.Dispose();
    }

    private async Task NextAsync(CancellationToken cancellationToken)
    {
        if (!await _call.ResponseStream.MoveNext(cancellationToken))
        {
            throw new InvalidOperationException("the stream ended without a status");
        }
        var message = _call.ResponseStream.Current;
        switch (message.MessageCase)
        {
            case SubscriptionMessage.MessageOneofCase.Event:
                Events.Add(message.Event);
                break;
            case SubscriptionMessage.MessageOneofCase.ConsultationEvent:
                ConsultationEvents.Add(message.ConsultationEvent);
                break;
            case SubscriptionMessage.MessageOneofCase.DirectLineEvent:
                DirectLineEvents.Add(message.DirectLineEvent);
                break;
            case SubscriptionMessage.MessageOneofCase.AlertEvent:
                AlertEvents.Add(message.AlertEvent);
                break;
            case SubscriptionMessage.MessageOneofCase.CaughtUp:
                CaughtUpAt = message.CaughtUp.Sequence;
                break;
        }
    }
}

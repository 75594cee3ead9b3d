using Grpc.Core;
using NotificationExchange.Client;
using NotificationExchange.Client.Errors;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Clients.Tests.Library;

/// <summary>How a resilient conversation ends when the exchange refuses it or the caller stops: never by reconnecting
/// forever, never with a say left waiting.</summary>
public sealed class ConversationRefusalTests
{
    private TestDatabase _database = null!;
    private ExchangeHost _exchange = null!;
    private readonly List<NxClient> _clients = [];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _database = new TestDatabase();
        _exchange = await ExchangeHost.StartAsync(_database.Path);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
        await _exchange.DisposeAsync();
        _database.Dispose();
    }

    [Test]
    public async Task A_message_the_exchange_refuses_ends_the_conversation_and_its_say_with_the_refusal()
    {
        var (requester, _, consultationId) = await OpenConsultationAsync("refused-say");
        var (conversation, read) = Recording.Converse(requester, consultationId);
        await using var reading = read;
        await read.WaitUntilAsync(r => r.Items.Any(i => i.KindCase == ConverseResponse.KindOneofCase.CaughtUp), "caught up");

        var refused = await Assert.ThrowsAsync<NxException>(() => conversation.SayAsync(new string('x', 10_001)).WaitAsync(TimeSpan.FromMinutes(1)));
        var ended = await Assert.ThrowsAsync<NxException>(() => read.Completion.WaitAsync(TimeSpan.FromMinutes(1)));

        Assert.That(refused!.Error.Code, Is.EqualTo(StatusCode.InvalidArgument), refused.Message);
        Assert.That(ended, Is.SameAs(refused), "the say fails with the refusal that ended the reading");
        Assert.That(read.Reconnects, Is.Empty, "a refusal is not retried");
    }

    [Test]
    public async Task A_conversation_of_a_consultation_the_caller_is_not_a_party_of_is_refused_as_not_found()
    {
        var (_, _, consultationId) = await OpenConsultationAsync("not-party");
        var outsider = await ClientAsync("not-party-outsider");
        var (_, read) = Recording.Converse(outsider, consultationId);
        await using var reading = read;

        var ended = await Assert.ThrowsAsync<NxException>(() => read.Completion.WaitAsync(TimeSpan.FromMinutes(1)));

        Assert.That(ended!.Error.Code, Is.EqualTo(StatusCode.NotFound), ended.Message);
        Assert.That(read.Reconnects, Is.Empty);
    }

    [Test]
    public async Task Stopping_the_reading_ends_it_as_cancelled_and_fails_the_says_still_waiting()
    {
        var (requester, _, consultationId) = await OpenConsultationAsync("stopped");
        var options = Recording.QuickReconnect();
        var conversation = requester.Consultations.Converse(consultationId, options);
        // Said before any reading: it waits for one.
        var said = conversation.SayAsync("Waiting for a stream", clientMessageId: "waiting-1");
        using var stopped = new CancellationTokenSource();
        await stopped.CancelAsync();

        await Assert.ThatAsync(async () =>
        {
            await foreach (var _ in conversation.ReadAllAsync(stopped.Token))
            {
            }
        }, Throws.InstanceOf<OperationCanceledException>());
        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => said.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.That(failed!.Message, Does.Contain("waiting-1"));

        // Said again with the same id while the conversation is read again, it is stored once.
        await using var read = new StreamRecorder<ConverseResponse>(options, conversation.ReadAllAsync);
        var accepted = await conversation.SayAsync("Waiting for a stream", clientMessageId: "waiting-1").WaitAsync(TimeSpan.FromMinutes(1));
        await read.WaitForMessagesAsync(1);
        Assert.That(accepted.Sequence, Is.EqualTo(1UL));
        Assert.That(read.Messages().Select(m => m.ClientMessageId), Is.EqualTo(new[] { "waiting-1" }));
    }

    private async Task<(NxClient Requester, NxClient Counterpart, string ConsultationId)> OpenConsultationAsync(string name)
    {
        var requester = await ClientAsync($"{name}-esa");
        var counterpart = await ClientAsync($"{name}-cnes");
        var consultation = await requester.Consultations.RequestConsultationAsync(new RequestConsultationRequest
        {
            Counterparts = { $"{name}-cnes" },
            Topic = "Conjunction SENTINEL-1A / debris 48274",
            Subject = "Who moves?",
            Body = "Our screening shows a close approach; can we agree who maneuvers?",
            Urgency = ConsultationUrgency.Urgent,
        });
        await counterpart.Consultations.AcceptConsultationAsync(new AcceptConsultationRequest { ConsultationId = consultation.Id });
        return (requester, counterpart, consultation.Id);
    }

    private async Task<NxClient> ClientAsync(string operatorId)
    {
        var client = NxClient.Create(new NxClientOptions
        {
            Address = new Uri(_exchange.Address), ApiKey = await _exchange.NewOperatorKeyAsync(operatorId), CallTimeout = TimeSpan.FromSeconds(20),
        });
        _clients.Add(client);
        return client;
    }
}

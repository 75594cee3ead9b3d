using NotificationExchange.Client;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Clients.Tests.Library;

/// <summary>Two parties converse through <see cref="NotificationExchange.Client.Streams.ResilientConversation"/> while the exchange, a process of its own,
/// is killed (SIGKILL) and started again on the same store and address.</summary>
public sealed class ResilientConversationTests
{
    [Test]
    public async Task A_message_said_while_the_exchange_is_down_is_stored_once_and_each_party_reads_every_message_once()
    {
        using var database = new TestDatabase();
        await using var server = await ExchangeServerProcess.StartAsync(database.Path);
        using var esa = await ClientAsync(server, "esa-ops");
        using var cnes = await ClientAsync(server, "cnes-ops");
        var consultation = await esa.Consultations.RequestConsultationAsync(new RequestConsultationRequest
        {
            Counterparts = { "cnes-ops" },
            Topic = "Conjunction SENTINEL-1A / debris 48274",
            Subject = "Who moves?",
            Body = "Our screening shows a close approach; can we agree who maneuvers?",
            Urgency = ConsultationUrgency.Urgent,
        });
        await cnes.Consultations.AcceptConsultationAsync(new AcceptConsultationRequest { ConsultationId = consultation.Id });
        var (esaConversation, esaSide) = Recording.Converse(esa, consultation.Id);
        await using var esaReading = esaSide;
        var (cnesConversation, cnesSide) = Recording.Converse(cnes, consultation.Id);
        await using var cnesReading = cnesSide;

        var first = await esaConversation.SayAsync("We burn 0.35 m/s at the window start. Any objection?", clientMessageId: "esa-1").WaitAsync(TimeSpan.FromMinutes(1));
        await cnesSide.WaitForMessagesAsync(1);

        server.Kill();
        await esaSide.WaitUntilAsync(r => !r.Reconnects.IsEmpty, "esa-ops reconnecting after the kill");
        await cnesSide.WaitUntilAsync(r => !r.Reconnects.IsEmpty, "cnes-ops reconnecting after the kill");
        var saidWhileDown = esaConversation.SayAsync("Said while the exchange was down", clientMessageId: "esa-2");
        await server.RestartAsync();
        var second = await saidWhileDown.WaitAsync(TimeSpan.FromMinutes(1));
        var third = await cnesConversation.SayAsync("None: our closest approach stays above 5 km.", clientMessageId: "cnes-1").WaitAsync(TimeSpan.FromMinutes(1));
        // Any repeat of an earlier message would be read before this one.
        await cnesConversation.SayAsync("Sentinel", clientMessageId: "cnes-2").WaitAsync(TimeSpan.FromMinutes(1));
        await esaSide.WaitForMessagesAsync(4);
        await cnesSide.WaitForMessagesAsync(4);

        Assert.That((first.Sequence, second.Sequence, third.Sequence), Is.EqualTo((1UL, 2UL, 3UL)));
        string[] expected = ["esa-1", "esa-2", "cnes-1", "cnes-2"];
        Assert.That(esaSide.Messages().Select(m => m.ClientMessageId), Is.EqualTo(expected), "esa-ops read each message once");
        Assert.That(cnesSide.Messages().Select(m => m.ClientMessageId), Is.EqualTo(expected), "cnes-ops read each message once");
        Assert.That(esaSide.Accepted().Select(a => a.ClientMessageId), Is.EqualTo(new[] { "esa-1", "esa-2" }), "each acceptance yielded once");
        var stored = await esa.Consultations.GetConsultationAsync(new GetConsultationRequest { ConsultationId = consultation.Id });
        Assert.That(stored.Consultation.LastMessageSequence, Is.EqualTo(4UL), "the message said while down is stored once");
    }

    private static async Task<NxClient> ClientAsync(ExchangeServerProcess server, string operatorId)
    {
        var key = (await server.Admin.Operators.CreateOperatorAsync(new CreateOperatorRequest { OperatorId = operatorId, DisplayName = operatorId })).ApiKey;
        return NxClient.Create(new NxClientOptions { Address = new Uri(server.Address), ApiKey = key, CallTimeout = TimeSpan.FromSeconds(20) });
    }
}

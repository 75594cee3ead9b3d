using System.Collections.Concurrent;
using Grpc.Core;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Consultations;

/// <summary>The exchange as its own process, killed (SIGKILL) while two parties converse, then restarted on the same store.</summary>
public class ConversationCrashTests
{
    [Test]
    public async Task Every_accepted_message_survives_a_kill_and_retries_of_the_rest_store_each_exactly_once()
    {
        using var database = new TestDatabase();
        var accepted = new ConcurrentDictionary<(string From, string ClientId), (ulong Sequence, string Text)>();
        var unanswered = new ConcurrentDictionary<(string From, string ClientId), string>();
        string id, keyA, keyB;

        await using (var server = await ExchangeServerProcess.StartAsync(database.Path))
        {
            keyA = (await server.Admin.Operators.CreateOperatorAsync(new CreateOperatorRequest { OperatorId = "esa-ops", DisplayName = "ESA" })).ApiKey;
            keyB = (await server.Admin.Operators.CreateOperatorAsync(new CreateOperatorRequest { OperatorId = "cnes-ops", DisplayName = "CNES" })).ApiKey;
            var a = server.Client(keyA);
            var b = server.Client(keyB);
            id = await Consulting.OpenAsync(a, b, "cnes-ops");

            // Two streams per party, each saying one message after another until the kill cuts it off.
            var speakers = new[] { ("esa-ops", a, "a1"), ("esa-ops", a, "a2"), ("cnes-ops", b, "b1"), ("cnes-ops", b, "b2") }.Select(speaker => Task.Run(async () =>
            {
                var (from, client, name) = speaker;
                using var stream = await ConverseProbe.OpenAsync(client, id);
                for (var i = 0; ; i++)
                {
                    var clientId = $"{name}-{i}";
                    var text = $"{from} says {i} on stream {name}";
                    try
                    {
                        accepted[(from, clientId)] = (await stream.SayAcceptedAsync(clientId, text), text);
                    }
                    catch (RpcException)
                    {
                        unanswered[(from, clientId)] = text;
                        return;
                    }
                }
            })).ToArray();

            while (accepted.Count < 200)
            {
                await Task.Delay(20);
            }
            server.Kill();
            await Task.WhenAll(speakers);
        }

        await using var restarted = await ExchangeServerProcess.StartAsync(database.Path);
        var clients = new Dictionary<string, ExchangeClient> { ["esa-ops"] = restarted.Client(keyA), ["cnes-ops"] = restarted.Client(keyB) };
        using (var reader = await ConverseProbe.OpenAsync(clients["cnes-ops"], id))
        {
            var last = await reader.ReadUntilCaughtUpAsync();
            var stored = reader.Messages.ToList();
            Assert.That(stored.Select(m => m.Sequence), Is.EqualTo(Enumerable.Range(1, (int)last).Select(i => (ulong)i)), "contiguous from 1");
            foreach (var ((from, clientId), (sequence, text)) in accepted)
            {
                var message = stored[(int)sequence - 1];
                Assert.That((message.FromOrganization, message.ClientMessageId, message.Text), Is.EqualTo((from, clientId, text)),
                    $"{clientId} was accepted at {sequence} before the kill");
            }
        }

        // A message cut off by the kill may or may not have been stored; its retry says where, and stores nothing twice.
        foreach (var ((from, clientId), text) in unanswered)
        {
            using var retry = await ConverseProbe.OpenAsync(clients[from], id);
            accepted[(from, clientId)] = (await retry.SayAcceptedAsync(clientId, text), text);
        }
        using var final = await ConverseProbe.OpenAsync(clients["esa-ops"], id);
        await final.ReadUntilCaughtUpAsync();
        var all = final.Messages.ToList();
        Assert.That(all.Select(m => (m.FromOrganization, m.ClientMessageId)), Is.Unique);
        Assert.That(all.Select(m => (m.FromOrganization, m.ClientMessageId)), Is.EquivalentTo(accepted.Keys), "each message stored exactly once");
        Assert.That(all.Select(m => m.Sequence), Is.EqualTo(Enumerable.Range(1, all.Count).Select(i => (ulong)i)));
        Assert.That(unanswered, Has.Count.EqualTo(4), "every stream was cut off by the kill");
    }
}

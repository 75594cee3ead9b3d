using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Consultations;

/// <summary>
/// A party on another gRPC implementation (Node.js, grpc-js, loading the .proto files alone) converses with a .NET
/// party through two exchange instances over the real RabbitMQ broker.
/// </summary>
public class OutsiderNodeConversationTests
{
    private string _broker = null!;
    private TestDatabase? _database;
    private readonly List<ExchangeHost> _hosts = [];

    [SetUp]
    public void RequireBroker()
    {
        _broker = RabbitMqBroker.Require();
        _database = new TestDatabase();
    }

    [TearDown]
    public async Task StopInstances()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
        _hosts.Clear();
        _database?.Dispose();
    }

    [Test]
    public async Task A_node_party_and_a_dotnet_party_on_two_instances_receive_the_same_conversation_once_and_in_order()
    {
        const int each = 10;
        var one = await StartInstance();
        var two = await StartInstance();
        var nodeKey = await one.NewOperatorKeyAsync("node-ops");
        var node = one.Client(nodeKey);
        var dotnet = two.Client(await one.NewOperatorKeyAsync("dotnet-ops"));
        var id = await Consulting.OpenAsync(node, dotnet, "dotnet-ops");
        using var onTwo = await ConverseProbe.OpenAsync(dotnet, id);
        await onTwo.ReadUntilCaughtUpAsync();

        using var outsider = OutsiderNode.Start("converse", one.Address, nodeKey, id, $"{each}", $"{2 * each}");
        await outsider.NextOfTypeAsync("caught_up");
        for (var i = 1; i <= each; i++)
        {
            await onTwo.SayAcceptedAsync($"dotnet-{i}", $"dotnet says {i}");
        }
        var seenByNode = new List<(ulong, string, string, string)>();
        await outsider.NextOfTypeAsync("received", line =>
        {
            if (line.GetProperty("type").GetString() == "message")
            {
                seenByNode.Add((ulong.Parse(line.GetProperty("sequence").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                    line.GetProperty("from").GetString()!, line.GetProperty("client_message_id").GetString()!, line.GetProperty("text").GetString()!));
            }
        });
        var seenByDotnet = (await onTwo.ReadMessagesAsync(2 * each)).Select(m => (m.Sequence, m.FromOrganization, m.ClientMessageId, m.Text)).ToList();

        Assert.That(seenByNode.Select(m => m.Item1), Is.EqualTo(Enumerable.Range(1, 2 * each).Select(i => (ulong)i)), outsider.Transcript);
        Assert.That(seenByNode, Is.EqualTo(seenByDotnet), "both parties read the same conversation");
        Assert.That(seenByNode.Where(m => m.Item2 == "node-ops").Select(m => m.Item3), Is.EqualTo(Enumerable.Range(1, each).Select(i => $"node-{i}")));
        Assert.That(seenByNode.Where(m => m.Item2 == "dotnet-ops").Select(m => m.Item3), Is.EqualTo(Enumerable.Range(1, each).Select(i => $"dotnet-{i}")));

        // Receipts cross the instances both ways.
        var nodeReceipt = (await onTwo.ReadUntilAsync(r => r.Receipt?.OrganizationId == "node-ops")).Receipt;
        Assert.That((nodeReceipt.DeliveredThrough, nodeReceipt.ReadThrough), Is.EqualTo(((ulong)(2 * each), (ulong)(2 * each))));
        await onTwo.ReceiptAsync(2 * each, each);
        var dotnetReceipt = await outsider.NextOfTypeAsync("receipt");
        Assert.That(dotnetReceipt.GetProperty("organization_id").GetString(), Is.EqualTo("dotnet-ops"));
        Assert.That(dotnetReceipt.GetProperty("read_through").GetString(), Is.EqualTo($"{each}"));

        await outsider.SendAsync("stop");
        await outsider.NextOfTypeAsync("done");
        Assert.That(await outsider.ExitCodeAsync(), Is.Zero, outsider.Transcript);
    }

    private async Task<ExchangeHost> StartInstance()
    {
        var host = await ExchangeHost.StartAsync(_database!.Path, _broker);
        _hosts.Add(host);
        return host;
    }
}

using NotificationExchange.Faults.Faults;
using NotificationExchange.Testing;

namespace NotificationExchange.Faults.Topology;

/// <summary>A private single RabbitMQ node (never the shared test broker): restarted, or made to drop every
/// connection.</summary>
public sealed class SingleNodeBroker(RabbitMqNode node) : IFaultBroker
{
    public string ConnectionString => node.Address;

    public string Description => $"a private RabbitMQ node ({node.NodeName}, AMQP port {node.AmqpPort})";

    public static async Task<SingleNodeBroker> StartAsync() => new(await RabbitMqNode.StartAsync());

    public IReadOnlyList<Fault> Faults(int round) =>
    [
        new("broker restart", async (note, _) =>
        {
            await node.StopServerAsync();
            note("broker stopped");
            await node.StartServerAsync();
            note($"broker accepting connections since {node.AcceptingSince:HH:mm:ss.fff}, running");
            return node.AcceptingSince;
        }),
        new("close_all_connections", async (note, _) =>
        {
            var closed = await node.CloseAllConnectionsAsync();
            note($"broker closed every connection at {closed:HH:mm:ss.fff}");
            return closed;
        }),
    ];

    public ValueTask DisposeAsync() => node.DisposeAsync();
}

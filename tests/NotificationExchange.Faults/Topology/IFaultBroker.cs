using NotificationExchange.Faults.Faults;

namespace NotificationExchange.Faults.Topology;

/// <summary>The RabbitMQ the exchange instances of a fault run use, and the faults it can suffer.</summary>
public interface IFaultBroker : IAsyncDisposable
{
    /// <summary>ConnectionStrings:RabbitMq: one amqp URI, or a cluster's URIs separated by commas.</summary>
    string ConnectionString { get; }

    string Description { get; }

    /// <summary>The broker's faults, in the order a run injects them (<paramref name="round"/> picks which node a
    /// cluster's fault hits, so that a soak goes round them).</summary>
    IReadOnlyList<Fault> Faults(int round);
}

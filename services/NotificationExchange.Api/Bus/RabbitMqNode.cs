namespace NotificationExchange.Api.Bus;

/// <summary>One node of the broker's cluster, as MassTransit names it ("host:port").</summary>
internal readonly record struct RabbitMqNode(string Host, int Port)
{
    public override string ToString() => $"{Host}:{Port}";
}

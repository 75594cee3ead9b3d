namespace NotificationExchange.Testing;

/// <summary>A queue as `rabbitmqctl list_queues name type durable exclusive auto_delete messages` shows it.</summary>
public sealed record BrokerQueue(string Name, string Type, bool Durable, bool Exclusive, bool AutoDelete, long Messages);

namespace NotificationExchange.Domain;

/// <summary>
/// This process among the exchange instances that share one store and one bus. The id names the instance's own bus
/// queue and marks the outbox rows it wrote.
/// </summary>
public sealed record ExchangeInstance(string Id)
{
    public static ExchangeInstance CreateUnique() =>
        new($"{Environment.MachineName.ToLowerInvariant()}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
}

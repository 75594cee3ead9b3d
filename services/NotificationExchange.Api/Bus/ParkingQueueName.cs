using MassTransit;

namespace NotificationExchange.Api.Bus;

/// <summary>
/// Names one queue for every endpoint's errors and dead letters: the parking queue, shared by all instances. The
/// default would be a durable "&lt;queue&gt;_error" per instance queue, which outlives the instance's exclusive queue
/// and piles up one per instance start.
/// </summary>
internal sealed class ParkingQueueName(string name) : IErrorQueueNameFormatter, IDeadLetterQueueNameFormatter
{
    public string FormatErrorQueueName(string queueName) => name;

    public string FormatDeadLetterQueueName(string queueName) => name;
}

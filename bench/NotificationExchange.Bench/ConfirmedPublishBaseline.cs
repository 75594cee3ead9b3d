using System.Diagnostics;
using RabbitMQ.Client;

namespace NotificationExchange.Bench;

/// <summary>
/// The broker's own ceiling on this machine: a plain RabbitMQ.Client loop publishing persistent 256-byte messages
/// with publisher confirms into one durable queue, up to 256 unconfirmed at a time.
/// </summary>
internal static class ConfirmedPublishBaseline
{
    public static async Task<double> MeasureAsync(string broker, TimeSpan duration)
    {
        var factory = new ConnectionFactory { Uri = new Uri(broker) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true, outstandingPublisherConfirmationsRateLimiter: new ThrottlingRateLimiter(256)));
        var queue = $"nx-bench-baseline-{Guid.NewGuid():N}";
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        var body = new byte[256];
        var properties = new BasicProperties { Persistent = true };
        var clock = Stopwatch.StartNew();
        var confirmed = 0L;
        var inFlight = new List<Task>(256);
        try
        {
            while (clock.Elapsed < duration)
            {
                for (var i = 0; i < 256; i++)
                {
                    inFlight.Add(channel.BasicPublishAsync("", queue, mandatory: true, properties, body).AsTask());
                }
                await Task.WhenAll(inFlight);
                confirmed += inFlight.Count;
                inFlight.Clear();
            }
            return confirmed / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            await channel.QueueDeleteAsync(queue);
        }
    }
}

using System.Globalization;

namespace NotificationExchange.Bench;

/// <summary>
/// The conversation benchmark: per repeat, two exchange processes on one fresh store and the RabbitMQ broker, and one
/// <see cref="ConversationRun"/> across them; then the medians over the repeats.
/// </summary>
internal static class ConversationScenario
{
    public static async Task<int> RunAsync(string serverDll, string broker, int repeats, ConversationSettings settings)
    {
        if (!File.Exists(serverDll))
        {
            Console.Error.WriteLine($"no server at {serverDll}; build it first (bench/run.sh does)");
            return 2;
        }
        Console.WriteLine($"NotificationExchange conversation benchmark: 2 servers on RabbitMQ, {settings.Consultations} consultations, " +
            $"{settings.Rate}/s paced for {settings.Duration.TotalSeconds} s after {settings.Warmup.TotalSeconds} s warm-up, {repeats} repeat(s), {Environment.ProcessorCount} cores");
        var results = new List<ConversationResult>();
        for (var repeat = 1; repeat <= repeats; repeat++)
        {
            await using var group = await ServerGroup.StartAsync(serverDll, 2, broker, $"conversation-{repeat}");
            var result = await new ConversationRun(group.Addresses, ServerGroup.AdminKey, settings).RunAsync();
            results.Add(result);
            Console.WriteLine($"repeat {repeat}: {result.MessagesPerSecond:0} messages/s, {result.Received} of {result.Sent} received on the other instance, " +
                $"{result.OutOfOrder} out of order; party to party p50 {result.P50Ms:0.0} ms, p99 {result.P99Ms:0.0} ms, max {result.MaxMs:0.0} ms; " +
                $"say to accepted p50 {result.AcceptedP50Ms:0.0} ms, p99 {result.AcceptedP99Ms:0.0} ms");
        }
        double Median(Func<ConversationResult, double> pick) => Statistics.Median(results.Select(pick));
        Console.WriteLine();
        Console.WriteLine($"medians over {results.Count} repeat(s):");
        Console.WriteLine($"  messages/s                   {Median(r => r.MessagesPerSecond),10:0}");
        Console.WriteLine($"  party to party p50 (ms)      {Median(r => r.P50Ms),10:0.0}");
        Console.WriteLine($"  party to party p99 (ms)      {Median(r => r.P99Ms),10:0.0}   (target: < 25 ms at 100/s over 50 consultations)");
        Console.WriteLine($"  party to party max (ms)      {Median(r => r.MaxMs),10:0.0}");
        Console.WriteLine($"  say to accepted p50 (ms)     {Median(r => r.AcceptedP50Ms),10:0.0}");
        Console.WriteLine($"  say to accepted p99 (ms)     {Median(r => r.AcceptedP99Ms),10:0.0}");
        Console.WriteLine($"  lost or out of order         {results.Sum(r => r.Sent - r.Received).ToString(CultureInfo.InvariantCulture),10} / {results.Sum(r => r.OutOfOrder).ToString(CultureInfo.InvariantCulture)}");
        return results.All(r => r.Received == r.Sent && r.OutOfOrder == 0) ? 0 : 1;
    }
}

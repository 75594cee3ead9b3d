using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Bench;

/// <summary>
/// Recovery after the broker goes away (issue 13). Per repeat and build: a virtual host of its own on the broker,
/// the servers on it, filers at a fixed rate on the first instance and subscribers on the others; at a third of the
/// run the broker refuses the exchange's user and closes all connections to the virtual host
/// (`rabbitmqctl close_all_connections`), and lets it back after the outage. Measures filing while the broker is away
/// (answered filings a second, against before; the slowest answer), and how long after the broker is back delivery
/// to the other instances returns to normal: the recording time of the last filing, recorded after the broker was
/// back, whose delivery took longer than normal (twice the p99 before the fault, and at least 20 ms more), counted
/// from the moment `rabbitmqctl` said the broker was back. Target: within 3 s, and filing unaffected.
/// </summary>
internal static class RecoveryScenario
{
    public static async Task<int> RunAsync(IReadOnlyList<(string Label, string Dll)> builds, string broker, int repeats, RecoverySettings settings)
    {
        Console.WriteLine($"NotificationExchange recovery benchmark: {settings.Instances} instances on RabbitMQ, filing {settings.Rate}/s on the first, " +
            $"{settings.SubscriptionsPerInstance} subscriptions watching everything on each other, {settings.Duration.TotalSeconds} s with the broker away for " +
            $"{settings.Outage.TotalSeconds} s from {settings.Duration.TotalSeconds / 3:0} s, {repeats} repeat(s), {Environment.ProcessorCount} cores");
        var results = builds.ToDictionary(b => b.Label, _ => new List<RecoveryResult>());
        for (var repeat = 1; repeat <= repeats; repeat++)
        {
            foreach (var (label, dll) in repeat % 2 == 1 ? builds : builds.Reverse())
            {
                var vhost = $"nx-bench-{Guid.NewGuid():N}"[..20];
                var user = Uri.UnescapeDataString(new Uri(broker).UserInfo.Split(':')[0] is { Length: > 0 } u ? u : "guest");
                await RabbitMqCtl.RunAsync("add_vhost", vhost);
                try
                {
                    await RabbitMqCtl.RunAsync("set_permissions", "--vhost", vhost, user, ".*", ".*", ".*");
                    var address = new UriBuilder(broker) { Path = "/" + vhost }.Uri.ToString();
                    await using var group = await ServerGroup.StartAsync(dll, settings.Instances, address, $"recovery-{repeat}");
                    var result = await MeasureAsync(group.Addresses, settings,
                        away: async () =>
                        {
                            await RabbitMqCtl.RunAsync("clear_permissions", "--vhost", vhost, user);
                            await RabbitMqCtl.RunAsync("close_all_connections", "--vhost", vhost, "--limit", "1000", "bench: the broker closes all connections");
                        },
                        back: () => RabbitMqCtl.RunAsync("set_permissions", "--vhost", vhost, user, ".*", ".*", ".*"));
                    results[label].Add(result);
                    Console.WriteLine($"repeat {repeat}{(builds.Count > 1 ? $", {label}" : "")}: {result}");
                }
                finally
                {
                    await RabbitMqCtl.RunAsync("delete_vhost", vhost);
                }
            }
        }
        foreach (var (label, _) in builds)
        {
            double Median(Func<RecoveryResult, double> pick) => Statistics.Median(results[label].Select(pick));
            Console.WriteLine();
            Console.WriteLine($"medians over {results[label].Count} repeat(s){(builds.Count > 1 ? $", {label}" : "")}:");
            Console.WriteLine($"  filings/s before / while away  {Median(r => r.FilingBefore),7:0} / {Median(r => r.FilingAway):0}   ratio {Median(r => r.FilingAway / r.FilingBefore):0.00} (target: 1.00, filing unaffected)");
            Console.WriteLine($"  filing p99 before / while away {Median(r => r.FilingP99BeforeMs),7:0.0} / {Median(r => r.FilingP99AwayMs):0.0} ms (slowest while away {Median(r => r.FilingMaxAwayMs):0.0} ms)");
            Console.WriteLine($"  delivery p99 before the fault  {Median(r => r.DeliveryP99BeforeMs),7:0.0} ms");
            Console.WriteLine($"  delivery normal again after    {Median(r => r.RecoverySeconds),7:0.0} s from the broker's return (target: < 3 s)");
            Console.WriteLine($"  lost / duplicated deliveries   {results[label].Sum(r => r.Lost)} / {results[label].Sum(r => r.Duplicated)}");
        }
        return results.Values.SelectMany(r => r).All(r => r.Lost == 0 && r.Duplicated == 0) ? 0 : 1;
    }

    private static async Task<RecoveryResult> MeasureAsync(IReadOnlyList<string> servers, RecoverySettings settings, Func<Task> away, Func<Task> back)
    {
        using var admin = ConversationRun.Channel(servers[0], ServerGroup.AdminKey);
        var operators = new OperatorService.OperatorServiceClient(admin);
        var runId = Guid.NewGuid().ToString("N")[..6];
        var filerKey = (await operators.CreateOperatorAsync(new CreateOperatorRequest { OperatorId = $"recovery-filer-{runId}", DisplayName = "bench filer" })).ApiKey;
        var watcherKey = (await operators.CreateOperatorAsync(new CreateOperatorRequest { OperatorId = $"recovery-watcher-{runId}", DisplayName = "bench watcher" })).ApiKey;
        using var filerChannel = ConversationRun.Channel(servers[0], filerKey);
        var filer = new NotificationService.NotificationServiceClient(filerChannel);

        // Subscribers on every instance but the filer's: what reaches them crossed the bus (or was read from the log).
        var clock = Stopwatch.StartNew();
        var epoch = DateTime.UtcNow - clock.Elapsed;
        var deliveries = new ConcurrentBag<(int Stream, long Sequence, double ArrivedS, double RecordedS)>();
        using var stop = new CancellationTokenSource();
        var readers = new List<Task>();
        var channels = new List<Grpc.Net.Client.GrpcChannel>();
        var streamIndex = 0;
        foreach (var server in servers.Skip(1))
        {
            var channel = ConversationRun.Channel(server, watcherKey);
            channels.Add(channel);
            var subscriptions = new SubscriptionService.SubscriptionServiceClient(channel);
            for (var i = 0; i < settings.SubscriptionsPerInstance; i++)
            {
                var subscription = await subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = $"everything {i}" });
                var caughtUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var index = streamIndex++;
                readers.Add(Task.Run(async () =>
                {
                    try
                    {
                        using var call = subscriptions.Subscribe(new SubscribeRequest { SubscriptionId = subscription.Id }, cancellationToken: stop.Token);
                        await foreach (var message in call.ResponseStream.ReadAllAsync(stop.Token))
                        {
                            if (message.MessageCase == SubscriptionMessage.MessageOneofCase.CaughtUp)
                            {
                                caughtUp.TrySetResult();
                            }
                            else if (message.MessageCase == SubscriptionMessage.MessageOneofCase.Event)
                            {
                                deliveries.Add((index, (long)message.Event.Sequence, clock.Elapsed.TotalSeconds, (message.Event.RecordedAt.ToDateTime() - epoch).TotalSeconds));
                            }
                        }
                    }
                    catch (Exception e) when (stop.IsCancellationRequested || e is RpcException { StatusCode: StatusCode.Cancelled } or OperationCanceledException)
                    {
                    }
                    finally
                    {
                        caughtUp.TrySetResult();
                    }
                }));
                await caughtUp.Task;
            }
        }

        // Filing at the fixed rate for the whole run; the broker goes away at a third of it.
        var filings = new ConcurrentBag<(long Sequence, double StartS, double EndS)>();
        var failures = 0;
        var running = new List<Task>();
        var awayAt = settings.Duration / 3;
        double? awayS = null, backS = null;
        var fault = Task.Run(async () =>
        {
            await Task.Delay(awayAt);
            await away();
            awayS = clock.Elapsed.TotalSeconds;
            await Task.Delay(settings.Outage);
            await back();
            backS = clock.Elapsed.TotalSeconds;
        });
        // At most 64 filings in flight: an exchange that falls behind the rate is seen as answering late, not as a
        // queue that grows in this process until nothing it times means anything.
        var tickets = new SemaphoreSlim(64);
        var start = clock.Elapsed;
        for (var n = 0L; clock.Elapsed - start < settings.Duration; n++)
        {
            var due = start + TimeSpan.FromSeconds(n / settings.Rate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }
            await tickets.WaitAsync();
            var norad = (uint)(1 + (n % 5000));
            var began = clock.Elapsed.TotalSeconds;
            running.Add(FileOneAsync(norad, began));
        }
        await Task.WhenAll(running);
        await fault;

        async Task FileOneAsync(uint norad, double began)
        {
            try
            {
                var filed = await filer.FileNotificationAsync(LoadRun.Maneuver(norad));
                filings.Add(((long)filed.Notification.Sequence, began, clock.Elapsed.TotalSeconds));
            }
            catch (RpcException)
            {
                Interlocked.Increment(ref failures);
            }
            finally
            {
                tickets.Release();
            }
        }
        // what is owed arrives: the feeds look at the log's head every half second
        var expected = filings.Count * (long)(servers.Count - 1) * settings.SubscriptionsPerInstance;
        var patience = Stopwatch.StartNew();
        while (deliveries.Count < expected && patience.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }
        await stop.CancelAsync();
        await Task.WhenAll(readers);
        foreach (var channel in channels)
        {
            channel.Dispose();
        }

        var filedSequences = filings.Select(f => f.Sequence).ToHashSet();
        var received = deliveries.Where(d => filedSequences.Contains(d.Sequence)).ToList();
        var duplicated = received.Count - received.Select(d => (d.Stream, d.Sequence)).Distinct().Count();
        var lost = expected - (received.Count - duplicated);
        var (a, b) = (awayS!.Value, backS!.Value);
        var before = filings.Where(f => f.StartS > 2 && f.StartS < a).ToList();
        var whileAway = filings.Where(f => f.StartS >= a && f.StartS < b).ToList();
        double P99(IEnumerable<double> values) => Statistics.Percentile(values.Order().ToList(), 0.99);
        var deliveryP99Before = P99(received.Where(d => d.RecordedS > 2 && d.RecordedS < a).Select(d => 1000 * (d.ArrivedS - d.RecordedS)));
        var normalMs = Math.Max(2 * deliveryP99Before, deliveryP99Before + 20);
        var lastSlow = received.Where(d => d.RecordedS >= b && 1000 * (d.ArrivedS - d.RecordedS) > normalMs).Select(d => d.RecordedS).DefaultIfEmpty(b).Max();
        return new RecoveryResult(
            FilingBefore: before.Count / Math.Max(0.001, a - 2),
            FilingAway: whileAway.Count / Math.Max(0.001, b - a),
            FilingP99BeforeMs: P99(before.Select(f => 1000 * (f.EndS - f.StartS))),
            FilingP99AwayMs: P99(whileAway.Select(f => 1000 * (f.EndS - f.StartS))),
            FilingMaxAwayMs: whileAway.Select(f => 1000 * (f.EndS - f.StartS)).DefaultIfEmpty(double.NaN).Max(),
            Failures: failures,
            DeliveryP99BeforeMs: deliveryP99Before,
            RecoverySeconds: lastSlow - b,
            OutageSeconds: b - a,
            Lost: lost,
            Duplicated: duplicated);
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Bench;

internal sealed record LoadSettings(
    int Subscriptions, int ObjectsPerSubscription, int CatalogueSize, int Filers, int ThroughputConcurrency, double Rate, TimeSpan Duration, TimeSpan Warmup);

internal sealed record LoadResult(
    double FilingsAlonePerSecond, double DurableFilingsPerSecond, double ServerCpuUsPerFilingAlone, double ServerCpuUsPerFiling, double ClientCpuUsPerFiling, double PacedFilingsPerSecond, double P50Ms, double P99Ms, double MaxMs, double DeliveriesPerSecond, long Deliveries, long ExpectedDeliveries,
    long StreamResumes);

/// <summary>
/// One measurement against running servers: many live subscriptions, each watching a random fleet of objects (so each
/// filing matches a realistic few per cent of them), spread over the servers; then filers at full speed (durable
/// filings per second), then filers at a fixed rate (filed-to-delivered latency on the streams). The servers' CPU time
/// is read around both full-speed phases; <paramref name="phaseStarted"/>, when given, is told when each full-speed
/// phase ("alone", "fan-out") starts and how long it lasts (the profiler hook), and awaited after it.
/// </summary>
internal sealed class LoadRun(
    IReadOnlyList<string> servers, string adminKey, LoadSettings settings, Func<TimeSpan> serverCpu, Func<string, TimeSpan, Task>? phaseStarted = null)
{
    private readonly ConcurrentBag<double> _latenciesMs = [];
    private readonly Dictionary<uint, int> _watchers = [];
    private long _deliveries;
    private long _resumes;
    private long _countAfterSequence = long.MaxValue;

    public async Task<LoadResult> RunAsync()
    {
        var admin = new Clients(servers[0], adminKey, connections: 1);
        var runId = Guid.NewGuid().ToString("N")[..6];
        var filerClients = await CreateFilersAsync(admin, runId);

        // Warm up first: the JIT tiers code up over the first tens of thousands of calls, and would otherwise be
        // measured as part of the exchange.
        await FileAsync(filerClients, settings.Warmup, rate: null);
        var phase = TimeSpan.FromSeconds(Math.Max(5, settings.Duration.TotalSeconds / 2));

        // Full speed, closed loop, nobody subscribed: what filing alone sustains.
        var aloneCpuBefore = serverCpu();
        var aloneProfile = phaseStarted?.Invoke("alone", phase) ?? Task.CompletedTask;
        var alone = await FileAsync(filerClients, phase, rate: null);
        var serverCpuPerFilingAlone = (serverCpu() - aloneCpuBefore).TotalMicroseconds / alone.Objects.Count;
        await aloneProfile;

        using var stop = new CancellationTokenSource();
        var streams = await OpenSubscriptionsAsync(admin, runId, stop.Token);
        Console.WriteLine($"  {settings.Subscriptions} subscriptions live on {servers.Count} server(s)");

        // Full speed with every subscription live: durable filings a second while fanning out.
        var serverCpuBefore = serverCpu();
        var clientCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var fanOutProfile = phaseStarted?.Invoke("fan-out", phase) ?? Task.CompletedTask;
        var durable = await FileAsync(filerClients, phase, rate: null);
        var serverCpuPerFiling = (serverCpu() - serverCpuBefore).TotalMicroseconds / durable.Objects.Count;
        var clientCpuPerFiling = (Process.GetCurrentProcess().TotalProcessorTime - clientCpuBefore).TotalMicroseconds / durable.Objects.Count;
        await fanOutProfile;
        await Task.Delay(1000);

        // Fixed rate: latency from commit to delivery on the streams.
        Interlocked.Exchange(ref _deliveries, 0);
        _latenciesMs.Clear();
        Interlocked.Exchange(ref _countAfterSequence, durable.LastSequence);
        var pacedClock = Stopwatch.StartNew();
        var paced = await FileAsync(filerClients, settings.Duration, settings.Rate);
        var expected = paced.Objects.Sum(o => (long)_watchers.GetValueOrDefault(o));
        await WaitForDeliveriesAsync(expected, TimeSpan.FromSeconds(10));
        var pacedSeconds = pacedClock.Elapsed.TotalSeconds;
        Interlocked.Exchange(ref _countAfterSequence, long.MaxValue);

        await stop.CancelAsync();
        await Task.WhenAll(streams.Select(s => s.ContinueWith(_ => { }, TaskScheduler.Default)));
        var sorted = _latenciesMs.Order().ToArray();
        return new LoadResult(
            alone.PerSecond,
            durable.PerSecond,
            serverCpuPerFilingAlone,
            serverCpuPerFiling,
            clientCpuPerFiling,
            paced.PerSecond,
            Percentile(sorted, 0.50),
            Percentile(sorted, 0.99),
            sorted.Length == 0 ? double.NaN : sorted[^1],
            Interlocked.Read(ref _deliveries) / pacedSeconds,
            Interlocked.Read(ref _deliveries),
            expected,
            Interlocked.Read(ref _resumes));
    }

    /// <summary>Durable filings a second at full speed with nobody subscribed, after the warm-up: the filing path alone.</summary>
    public async Task<double> FilingsAloneAsync()
    {
        var admin = new Clients(servers[0], adminKey, connections: 1);
        var runId = Guid.NewGuid().ToString("N")[..6];
        var filerClients = await CreateFilersAsync(admin, runId);
        await FileAsync(filerClients, settings.Warmup, rate: null);
        return (await FileAsync(filerClients, settings.Duration, rate: null)).PerSecond;
    }

    /// <summary>One operator per filer, spread over the servers.</summary>
    private async Task<List<Clients>> CreateFilersAsync(Clients admin, string runId)
    {
        var filerClients = new List<Clients>();
        for (var i = 0; i < settings.Filers; i++)
        {
            var key = (await admin.Operators.CreateOperatorAsync(new CreateOperatorRequest { OperatorId = $"filer-{runId}-{i}", DisplayName = "bench filer" })).ApiKey;
            filerClients.Add(new Clients(servers[i % servers.Count], key, connections: 1));
        }
        return filerClients;
    }

    private async Task<List<Task>> OpenSubscriptionsAsync(Clients admin, string runId, CancellationToken stop)
    {
        const int perOperator = 100;
        var random = new Random(42);
        var streams = new List<Task>();
        var caughtUp = new List<Task>();
        var serverClients = new Dictionary<(int, string), Clients>();
        for (var s = 0; s < settings.Subscriptions; s += perOperator)
        {
            var operatorId = $"watcher-{runId}-{s / perOperator}";
            var key = (await admin.Operators.CreateOperatorAsync(new CreateOperatorRequest { OperatorId = operatorId, DisplayName = "bench watcher" })).ApiKey;
            var server = s / perOperator % servers.Count;
            var clients = new Clients(servers[server], key, connections: 4);
            for (var i = s; i < Math.Min(settings.Subscriptions, s + perOperator); i++)
            {
                var fleet = Enumerable.Range(0, settings.ObjectsPerSubscription).Select(_ => (uint)random.Next(1, settings.CatalogueSize + 1)).Distinct().ToArray();
                foreach (var o in fleet)
                {
                    _watchers[o] = _watchers.GetValueOrDefault(o) + 1;
                }
                var subscription = await clients.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest
                {
                    Name = $"fleet {i}",
                    Filter = new SubscriptionFilter { NoradCatIds = { fleet } },
                });
                var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                caughtUp.Add(ready.Task);
                streams.Add(ReadStreamAsync(clients, subscription.Id, ready, stop));
            }
        }
        await Task.WhenAll(caughtUp);
        return streams;
    }

    private async Task ReadStreamAsync(Clients clients, string subscriptionId, TaskCompletionSource ready, CancellationToken stop)
    {
        // Resumes from the last sequence it processed when the exchange cuts the stream off or goes away, as any
        // client must (the nx-resume-after trailer says what was sent, not what arrived); each resume is counted.
        ulong? position = null;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var request = new SubscribeRequest { SubscriptionId = subscriptionId };
                if (position is { } resumeAfter)
                {
                    request.ResumeAfterSequence = resumeAfter;
                }
                using var call = clients.Subscriptions.Subscribe(request, cancellationToken: stop);
                await foreach (var message in call.ResponseStream.ReadAllAsync(stop))
                {
                    switch (message.MessageCase)
                    {
                        case SubscriptionMessage.MessageOneofCase.CaughtUp:
                            position = Math.Max(position ?? 0, message.CaughtUp.Sequence);
                            ready.TrySetResult();
                            break;
                        case SubscriptionMessage.MessageOneofCase.Unreadable:
                            position = message.Unreadable.Sequence;
                            break;
                        case SubscriptionMessage.MessageOneofCase.Event:
                            position = message.Event.Sequence;
                            if ((long)message.Event.Sequence > Interlocked.Read(ref _countAfterSequence))
                            {
                                var latency = (DateTime.UtcNow - message.Event.RecordedAt.ToDateTime()).TotalMilliseconds;
                                _latenciesMs.Add(latency);
                                Interlocked.Increment(ref _deliveries);
                            }
                            break;
                    }
                }
            }
            catch (RpcException e) when (!stop.IsCancellationRequested
                                         && e.StatusCode is StatusCode.ResourceExhausted or StatusCode.Unavailable or StatusCode.Cancelled or StatusCode.Internal)
            {
                // cut off, server going away, or the stream reset (what a reader that fell silent gets): resume shortly
                Interlocked.Increment(ref _resumes);
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200), stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            catch (RpcException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e)
            {
                ready.TrySetException(e);
                Console.Error.WriteLine($"  stream {subscriptionId} failed: {e.Message}");
                return;
            }
        }
    }

    private sealed record FilingRun(double PerSecond, List<uint> Objects, long LastSequence);

    /// <summary>Files maneuvers for <paramref name="duration"/>: as fast as possible, or paced at <paramref name="rate"/> a second.</summary>
    private async Task<FilingRun> FileAsync(List<Clients> filers, TimeSpan duration, double? rate)
    {
        var objects = new ConcurrentQueue<uint>();
        var random = new Random(7);
        var clock = Stopwatch.StartNew();
        var filed = 0L;
        var lastSequence = 0L;
        var concurrency = rate is null ? settings.ThroughputConcurrency : settings.Filers * 4;
        var tickets = new SemaphoreSlim(concurrency);
        var running = new List<Task>();
        var next = 0L;
        while (clock.Elapsed < duration)
        {
            if (rate is { } perSecond)
            {
                var due = TimeSpan.FromSeconds(next / perSecond);
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed);
                }
            }
            await tickets.WaitAsync();
            var filer = filers[(int)(next++ % filers.Count)];
            uint norad;
            lock (random)
            {
                norad = (uint)random.Next(1, settings.CatalogueSize + 1);
            }
            running.Add(FileOneAsync(filer, norad));
            if (running.Count > 4 * concurrency)
            {
                running.RemoveAll(t => t.IsCompleted);
            }
        }
        await Task.WhenAll(running);
        return new FilingRun(Interlocked.Read(ref filed) / clock.Elapsed.TotalSeconds, objects.ToList(), Interlocked.Read(ref lastSequence));

        async Task FileOneAsync(Clients filer, uint norad)
        {
            try
            {
                var filedOne = await filer.Notifications.FileNotificationAsync(Maneuver(norad));
                objects.Enqueue(norad);
                var sequence = (long)filedOne.Notification.Sequence;
                long seen;
                while ((seen = Interlocked.Read(ref lastSequence)) < sequence && Interlocked.CompareExchange(ref lastSequence, sequence, seen) != seen)
                {
                }
                Interlocked.Increment(ref filed);
            }
            finally
            {
                tickets.Release();
            }
        }
    }

    private async Task WaitForDeliveriesAsync(long expected, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (Interlocked.Read(ref _deliveries) < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }

    internal static FileNotificationRequest Maneuver(uint norad)
    {
        var start = DateTime.UtcNow.AddHours(6);
        return new FileNotificationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Maneuver = new ManeuverNotice
            {
                Object = new SpaceObject { NoradCatId = norad, Name = $"OBJECT {norad}" },
                ExecutionWindow = new TimeWindow { Start = Timestamp.FromDateTime(start), End = Timestamp.FromDateTime(start.AddMinutes(10)) },
                Purpose = ManeuverPurpose.CollisionAvoidance,
                PlannedDeltaV = new DeltaV { MagnitudeMps = 0.12, ComponentsMps = new RtnVector { InTrack = 0.12 } },
                ExpectedOrbit = new OrbitSpec
                {
                    MeanElements = new MeanElements
                    {
                        Epoch = Timestamp.FromDateTime(start),
                        ApogeeAltitudeKm = 552,
                        PerigeeAltitudeKm = 548,
                        InclinationDeg = 53,
                    },
                },
                Remarks = "Collision avoidance for a predicted conjunction; screening volume 0.4 x 25 x 25 km",
                Contact = new PointOfContact { Name = "Constellation flight dynamics", Email = "fdo@example.org" },
            },
        };
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>Clients of one server with one key, over a few HTTP/2 connections.</summary>
    private sealed class Clients
    {
        private readonly NotificationService.NotificationServiceClient[] _notifications;
        private readonly SubscriptionService.SubscriptionServiceClient[] _subscriptions;
        private int _next;

        public Clients(string address, string key, int connections)
        {
            var channels = Enumerable.Range(0, connections).Select(_ => GrpcChannel.ForAddress(address, new GrpcChannelOptions
            {
                Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
                {
                    metadata.Add("authorization", $"Bearer {key}");
                    return Task.CompletedTask;
                })),
                UnsafeUseInsecureChannelCallCredentials = true,
                HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
            })).ToArray();
            _notifications = channels.Select(c => new NotificationService.NotificationServiceClient(c)).ToArray();
            _subscriptions = channels.Select(c => new SubscriptionService.SubscriptionServiceClient(c)).ToArray();
            Operators = new OperatorService.OperatorServiceClient(channels[0]);
        }

        public NotificationService.NotificationServiceClient Notifications => _notifications[Interlocked.Increment(ref _next) % _notifications.Length];
        public SubscriptionService.SubscriptionServiceClient Subscriptions => _subscriptions[Interlocked.Increment(ref _next) % _subscriptions.Length];
        public OperatorService.OperatorServiceClient Operators { get; }
    }
}

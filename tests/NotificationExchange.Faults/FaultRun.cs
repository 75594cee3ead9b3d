using System.Diagnostics;
using System.Globalization;
using NotificationExchange.Client;
using NotificationExchange.Client.Errors;
using NotificationExchange.Faults.Checking;
using NotificationExchange.Faults.Faults;
using NotificationExchange.Faults.Load;
using NotificationExchange.Faults.Topology;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Faults;

/// <summary>
/// A fault run: organisations, subscriptions and subscribers on a topology, filers at a steady rate, then one phase
/// per fault (filing at normal latency for a baseline, the fault, then settling until delivery is back to normal and
/// everything acknowledged was delivered), and after each phase its check (<see cref="PhaseCheck"/>). Everything waits
/// on conditions with an overall limit; the only timed waits are the baseline (a measurement window) and a paused
/// instance's pause.
/// </summary>
public sealed class FaultRun(FaultTopology topology, FaultLoadSettings settings, TextWriter log)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    private int _phase;

    public async Task<FaultRunReport> RunAsync(IEnumerable<Fault> faults, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var runTag = "r" + Guid.NewGuid().ToString("N")[..8];
        var content = new FilingContent(runTag, DateTime.UtcNow.Date.AddDays(30));
        var clients = new List<List<NxClient>>();
        try
        {
            var operators = new List<string>();
            for (var f = 0; f < settings.Filers; f++)
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"fault-ops-{f + 1}-{runTag}");
                var created = await topology.Instances[0].Admin.Operators.CreateOperatorAsync(new CreateOperatorRequest { OperatorId = id, DisplayName = $"Fault load {f + 1}" }, cancellationToken: cancellationToken);
                operators.Add(id);
                clients.Add([.. topology.Instances.Select(i => NxClient.Create(new NxClientOptions { Address = new Uri(i.Address), ApiKey = created.ApiKey, CallTimeout = settings.FilingTimeout }))]);
            }
            var subscribers = new List<Subscriber>();
            foreach (var spec in SubscriberSpec.Spread(settings.Subscribers, topology.Instances.Count, operators))
            {
                var subscription = await clients[spec.Organisation][spec.Instance].Subscriptions.CreateSubscriptionAsync(
                    new CreateSubscriptionRequest { Name = $"faults-{spec.Index}", Filter = spec.Filter() }, cancellationToken);
                subscribers.Add(new Subscriber(spec, subscription.Id));
            }
            using var stopSubscribers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var following = subscribers.Select(s => Task.Run(() => s.RunAsync(clients[s.Spec.Organisation], content, CurrentPhase, settings.StreamStallTimeout, stopSubscribers.Token), CancellationToken.None)).ToList();
            await WaitUntilAsync(() => subscribers.All(s => s.CaughtUpCount > 0), TimeSpan.FromSeconds(120), "every subscriber's stream caught up", cancellationToken);
            log.WriteLine($"{Now()} {subscribers.Count} subscribers live over {topology.Instances.Count} instances; filing {settings.Filers} x {settings.RatePerFiler:0.#}/s");

            using var stopFilers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var filers = operators.Select((op, f) => new Filer(f, op, clients[f], content, settings)).ToList();
            var filing = filers.Select(f => Task.Run(() => f.RunAsync(CurrentPhase, stopFilers.Token), CancellationToken.None)).ToList();
            // Warm-up, filed as phase 0 but before its baseline: the first seconds of a fresh exchange (JIT, pools,
            // the subscribers' first live events) are not its normal latency.
            await Task.Delay(settings.WarmupDuration, cancellationToken);

            var windows = new List<PhaseWindow>();
            var results = new List<PhaseResult>();
            var phase = 0;
            foreach (var fault in faults)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Volatile.Write(ref _phase, phase);
                var start = DateTime.UtcNow;
                if (phase > 0)
                {
                    results.Add(await CheckAsync(windows[^1], content, filers, subscribers, clients[0], cancellationToken));
                }
                var baselineStart = DateTime.UtcNow;
                await Task.Delay(settings.BaselineDuration, cancellationToken);
                var faultStart = DateTime.UtcNow;
                log.WriteLine($"{Now()} phase {phase}: {fault.Name}");
                var faultEnd = await fault.InjectAsync(line => log.WriteLine($"{Now()}   {line}"), cancellationToken);
                log.WriteLine($"{Now()} phase {phase}: {fault.Name} over at {faultEnd:HH:mm:ss.fff}, {(faultEnd - faultStart).TotalSeconds:0.0} s after it began; settling");
                var threshold = RecoveryMeasure.Threshold(Latencies(subscribers, baselineStart, faultStart));
                while (DateTime.UtcNow - faultEnd < settings.SettleLimit)
                {
                    await Task.Delay(Poll, cancellationToken);
                    var now = DateTime.UtcNow;
                    if (RecoveryMeasure.StableFor(Latencies(subscribers, faultEnd, now), faultEnd, now, threshold, settings.StableDuration)
                        && PhaseCheck.StillOwed(Attempts(filers, phase), subscribers, now - TimeSpan.FromSeconds(1)) == 0)
                    {
                        break;
                    }
                }
                windows.Add(new PhaseWindow(phase, fault.Name, start, baselineStart, faultStart, faultEnd, DateTime.UtcNow));
                phase++;
            }
            Volatile.Write(ref _phase, phase);
            await stopFilers.CancelAsync();
            await Task.WhenAll(filing);
            if (windows.Count > 0)
            {
                results.Add(await CheckAsync(windows[^1], content, filers, subscribers, clients[0], cancellationToken));
            }
            await stopSubscribers.CancelAsync();
            await Task.WhenAll(following);

            var latency = LatencySummary.Of(Latencies(subscribers, DateTime.MinValue, DateTime.MaxValue));
            var anomalies = subscribers.SelectMany(s => s.Anomalies.Select(a => $"subscriber {s.Spec.Index}: {a}"))
                .Concat(filers.SelectMany(f => f.Errors().Where(e => e.Contains("(Refused)", StringComparison.Ordinal)).Select(e => $"filer {f.Operator}: {e}")))
                .ToList();
            return new FaultRunReport(topology.Description, settings, results, latency, subscribers.Sum(s => s.Reconnects), anomalies, clock.Elapsed);
        }
        finally
        {
            foreach (var client in clients.SelectMany(c => c))
            {
                client.Dispose();
            }
        }
    }

    private int CurrentPhase() => Volatile.Read(ref _phase);

    private async Task<PhaseResult> CheckAsync(PhaseWindow window, FilingContent content, List<Filer> filers, List<Subscriber> subscribers, List<NxClient> readers, CancellationToken cancellationToken)
    {
        var attempts = Attempts(filers, window.Phase);
        await WaitUntilAsync(() => attempts.All(a => a.Outcome != FilingOutcome.Pending), settings.FilingTimeout * 6, $"phase {window.Phase}'s filings answered", cancellationToken, failIfNot: false);
        var stored = await ReadBackAsync(window.Phase, content, filers, readers, cancellationToken);
        var waited = Stopwatch.StartNew();
        await WaitUntilAsync(() => PhaseCheck.StillOwed(attempts, subscribers, DateTime.MaxValue, stored) == 0, settings.DeliveryLimit, $"phase {window.Phase}'s filings delivered", cancellationToken, failIfNot: false);
        // A filing whose client gave up may still commit afterwards (the exchange had it queued): read the store again
        // once deliveries have settled, and until it holds everything delivered (or a few times), so that such a
        // filing counts as indeterminate, owed to its subscribers, rather than as unexpected.
        for (var reading = 0; reading < 5; reading++)
        {
            stored = await ReadBackAsync(window.Phase, content, filers, readers, cancellationToken);
            var received = DeliveredMarkers(subscribers, window.Phase, attempts);
            if (received.All(stored.ContainsKey))
            {
                break;
            }
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }
        await WaitUntilAsync(() => PhaseCheck.StillOwed(attempts, subscribers, DateTime.MaxValue, stored) == 0, settings.DeliveryLimit, $"phase {window.Phase}'s filings delivered", cancellationToken, failIfNot: false);
        var allAttempts = filers.SelectMany(f => f.Attempts()).ToDictionary(a => a.Plan.Marker);
        var (ok, failed, indeterminate, delivered, lost, duplicates, unexpected, outOfOrder, evidence) = PhaseCheck.Run(window.Phase, attempts, allAttempts, stored, subscribers);

        var baseline = Latencies(subscribers, window.BaselineStart, window.FaultStart);
        var threshold = RecoveryMeasure.Threshold(baseline);
        var baselineSorted = Percentiles.Sorted(baseline.Select(s => s.LatencyMs));
        var recovery = RecoveryMeasure.Recovery(Latencies(subscribers, window.FaultEnd, window.End), window.FaultEnd, window.End, threshold);
        var acknowledged = filers.SelectMany(f => f.Attempts())
            .Where(a => a.Outcome == FilingOutcome.Acknowledged && a.CompletedAt >= window.Start && a.CompletedAt <= window.End)
            .Select(a => a.CompletedAt).Order().ToList();
        var gap = TimeSpan.Zero;
        for (var i = 1; i < acknowledged.Count; i++)
        {
            gap = TimeSpan.FromTicks(Math.Max(gap.Ticks, (acknowledged[i] - acknowledged[i - 1]).Ticks));
        }
        var failures = attempts.Where(a => a.Outcome == FilingOutcome.Failed).Select(a => a.Error!).GroupBy(e => e).Select(g => $"{g.Count()} x {g.Key}").Take(3);
        evidence.AddRange(failures.Select(f => "failed filings: " + f));
        var result = new PhaseResult(window.Fault, ok, failed, indeterminate, delivered, lost, duplicates, unexpected, outOfOrder, recovery, threshold,
            Percentiles.Of(baselineSorted, 50), Percentiles.Of(baselineSorted, 99), gap, evidence);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Now()} checked phase {window.Phase} ({window.Fault}): ok {ok}, failed {failed}, indeterminate {indeterminate}, delivered {delivered}, lost {lost}, duplicates {duplicates}, unexpected {unexpected}, out-of-order {outOfOrder}, recovery {(recovery is { } r ? r.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "none")} (baseline p50 {result.BaselineP50Ms:0} ms, p99 {result.BaselineP99Ms:0} ms, threshold {threshold:0} ms), max filing gap {gap.TotalSeconds:0.0} s; check waited {waited.Elapsed.TotalSeconds:0.0} s for deliveries"));
        foreach (var line in evidence)
        {
            log.WriteLine("    " + line);
        }
        return result;
    }

    /// <summary>One phase's notifications as the store lists them (by filing organisation and the phase's activity
    /// window), by marker; through whichever instance answers.</summary>
    private static async Task<Dictionary<string, List<Notification>>> ReadBackAsync(int phase, FilingContent content, List<Filer> filers, List<NxClient> readers, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var reader = readers[attempt % readers.Count];
            try
            {
                var stored = new Dictionary<string, List<Notification>>();
                foreach (var filer in filers)
                {
                    var request = new ListNotificationsRequest { FilingOperator = filer.Operator, ActiveDuring = content.PhaseWindow(phase), PageSize = 500 };
                    await foreach (var notification in reader.Notifications.ListAllNotificationsAsync(request, cancellationToken))
                    {
                        if (content.MarkerOf(notification) is { } marker)
                        {
                            if (!stored.TryGetValue(marker, out var list))
                            {
                                stored[marker] = list = [];
                            }
                            list.Add(notification);
                        }
                    }
                }
                return stored;
            }
            catch (NxException) when (attempt < 3 * readers.Count)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    /// <summary>The markers of the phase's filings that some subscriber received.</summary>
    private static HashSet<string> DeliveredMarkers(List<Subscriber> subscribers, int phase, List<FilingAttempt> attempts)
    {
        var ofPhase = attempts.Select(a => a.Plan.Marker).ToHashSet();
        return subscribers.SelectMany(s => s.Deliveries()).Select(d => d.Marker).OfType<string>().Where(ofPhase.Contains).ToHashSet();
    }

    private static List<FilingAttempt> Attempts(List<Filer> filers, int phase) =>
        [.. filers.SelectMany(f => f.Attempts()).Where(a => a.Plan.Phase == phase)];

    private static List<LatencySample> Latencies(List<Subscriber> subscribers, DateTime from, DateTime until)
    {
        var samples = new List<LatencySample>();
        foreach (var subscriber in subscribers)
        {
            subscriber.CollectLatencies(from, until, samples);
        }
        return samples;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan limit, string what, CancellationToken cancellationToken, bool failIfNot = true)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > limit)
            {
                if (failIfNot)
                {
                    throw new TimeoutException($"waited {limit.TotalSeconds:0} s for {what}");
                }
                return;
            }
            await Task.Delay(Poll, cancellationToken);
        }
    }

    private static string Now() => DateTime.UtcNow.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
}

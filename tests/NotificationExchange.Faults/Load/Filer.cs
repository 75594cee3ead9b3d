using System.Diagnostics;
using NotificationExchange.Client;
using NotificationExchange.Client.Errors;

namespace NotificationExchange.Faults.Load;

/// <summary>
/// One organisation filing at a steady rate through the client library (its deadline, and its retries of UNAVAILABLE
/// with the request id kept), as an open loop: a filing is started every 1/rate seconds whether or not the ones
/// before have been answered, so that an outage shows as failed or slow filings rather than as a lower offered load.
/// After a call that could not reach an instance or failed on its side, later filings go to the next instance (a
/// client that knows several addresses); the failed one is recorded as failed, not retried by hand.
/// </summary>
public sealed class Filer(int index, string filingOperator, IReadOnlyList<NxClient> clients, FilingContent content, FaultLoadSettings settings)
{
    private readonly Lock _gate = new();
    private readonly List<FilingAttempt> _attempts = [];
    private readonly List<string> _errors = [];
    private int _instance = index % clients.Count;
    private int _inFlight;

    public string Operator { get; } = filingOperator;

    public IReadOnlyList<FilingAttempt> Attempts()
    {
        lock (_gate)
        {
            return [.. _attempts];
        }
    }

    /// <summary>Files until <paramref name="stop"/>, then waits for the calls in flight (their deadline bounds it).</summary>
    public async Task RunAsync(Func<int> phase, CancellationToken stop)
    {
        var interval = TimeSpan.FromSeconds(1 / settings.RatePerFiler);
        var clock = Stopwatch.StartNew();
        var due = TimeSpan.Zero;
        long number = 0;
        while (!stop.IsCancellationRequested)
        {
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            else if (-wait > TimeSpan.FromSeconds(1))
            {
                // This process was starved (a busy machine): go on at the rate from now rather than in a burst.
                due = clock.Elapsed;
            }
            due += interval;
            if (Volatile.Read(ref _inFlight) >= settings.MaxOutstandingPerFiler)
            {
                continue;
            }
            var plan = content.Plan(index, number++, phase(), Operator);
            var attempt = new FilingAttempt(plan, DateTime.UtcNow);
            lock (_gate)
            {
                _attempts.Add(attempt);
            }
            Interlocked.Increment(ref _inFlight);
            _ = FileAsync(attempt);
        }
        var drained = Stopwatch.StartNew();
        while (Volatile.Read(ref _inFlight) > 0 && drained.Elapsed < settings.FilingTimeout * 6)
        {
            await Task.Delay(50, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>The first errors seen, for the report (a refusal here is the harness's mistake, not a fault's).</summary>
    public IReadOnlyList<string> Errors()
    {
        lock (_gate)
        {
            return [.. _errors];
        }
    }

    private async Task FileAsync(FilingAttempt attempt)
    {
        var instance = Volatile.Read(ref _instance);
        try
        {
            using var deadline = new CancellationTokenSource(settings.FilingTimeout);
            var response = await clients[instance].Notifications.FileNotificationAsync(content.Request(attempt.Plan), deadline.Token).ConfigureAwait(false);
            attempt.Acknowledge(response.Notification.Id, response.Notification.Sequence, DateTime.UtcNow);
        }
        catch (Exception e) when (e is NxException or OperationCanceledException)
        {
            var error = e is NxException nx ? $"{nx.Error.Code} ({nx.Error.Kind}): {nx.Error.Message}" : "no answer within the deadline";
            attempt.Fail($"instance {instance}: {error}", DateTime.UtcNow);
            lock (_gate)
            {
                if (_errors.Count < 20)
                {
                    _errors.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {attempt.Plan.Marker}: {attempt.Error}");
                }
            }
            if (e is not NxException { Error.Kind: FailureKind.Refused })
            {
                Interlocked.CompareExchange(ref _instance, (instance + 1) % clients.Count, instance);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}

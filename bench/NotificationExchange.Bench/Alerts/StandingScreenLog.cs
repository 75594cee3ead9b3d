using System.Globalization;
using System.Text.RegularExpressions;

namespace NotificationExchange.Bench.Alerts;

/// <summary>
/// Follows the exchange's log for standing screening's line ("Standing screening of N registered objects against
/// catalogue load L took T; ..."), the one sign that a load's standing screen has finished: GetCatalogueStatus does not
/// fill <c>last_standing_screen</c> (bench/README.md, alerts).
/// </summary>
internal sealed partial class StandingScreenLog
{
    private readonly Lock _lock = new();
    private readonly List<(int Registered, long LoadId, TimeSpan Took)> _runs = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Read(string line)
    {
        var match = Line().Match(line);
        if (!match.Success)
        {
            return;
        }
        lock (_lock)
        {
            _runs.Add((int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
                TimeSpan.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture)));
            _changed.TrySetResult();
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Waits for a standing screen of catalogue load <paramref name="loadId"/> with at least <paramref name="registered"/> objects; returns how long it took.</summary>
    public async Task<TimeSpan> WaitAsync(ulong loadId, int registered, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                foreach (var run in _runs)
                {
                    if (run.LoadId == (long)loadId && run.Registered >= registered)
                    {
                        return run.Took;
                    }
                }
                changed = _changed.Task;
            }
            try
            {
                await changed.WaitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no standing screen of catalogue load {loadId} in the exchange's log within {timeout}");
            }
        }
    }

    [GeneratedRegex(@"Standing screening of (\d+) registered objects against catalogue load (\d+) took ([0-9:.]+);")]
    private static partial Regex Line();
}

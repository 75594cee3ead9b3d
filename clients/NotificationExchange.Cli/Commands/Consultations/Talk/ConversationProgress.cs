namespace NotificationExchange.Cli.Commands.Consultations.Talk;

/// <summary>
/// How far the conversation shown has come: whether the past has been shown (caught up) and the highest message
/// sequence shown. Leaving waits on it, so that what a user typed is shown (or printed, from a pipe) before nxc exits:
/// the output of a piped talk is then the whole conversation through the last line sent, every time.
/// </summary>
internal sealed class ConversationProgress
{
    private readonly Lock _gate = new();
    private ulong _shown;
    private bool _live;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Shown(ulong sequence) => Update(() => _shown = Math.Max(_shown, sequence));

    public void CaughtUp() => Update(() => _live = true);

    /// <summary>Completes once the past has been shown and every message through <paramref name="sequence"/>.</summary>
    public async Task ReachedAsync(ulong sequence, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_live && _shown >= sequence)
                {
                    return;
                }
                changed = _changed.Task;
            }
            await changed.WaitAsync(cancellationToken);
        }
    }

    private void Update(Action change)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            change();
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }
}

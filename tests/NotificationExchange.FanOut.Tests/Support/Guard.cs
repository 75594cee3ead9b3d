namespace NotificationExchange.FanOut.Tests.Support;

/// <summary>
/// Hang guards: tests await explicit signals, and a signal that does not come within this (wall-clock) time fails
/// the test instead of hanging it. No test waits for time to pass.
/// </summary>
internal static class Guard
{
    public static readonly TimeSpan HangAfter = TimeSpan.FromSeconds(10);

    public static Task Within(this Task task) => task.WaitAsync(HangAfter);

    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(HangAfter);

    public static Task<T> Within<T>(this ValueTask<T> task) => task.AsTask().WaitAsync(HangAfter);

    /// <summary>Completes when the token is cancelled.</summary>
    public static Task Cancelled(this CancellationToken token)
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => cancelled.TrySetResult());
        return cancelled.Task;
    }
}

using System.Threading.Channels;

namespace NotificationExchange.Testing;

/// <summary>Reads for tests that wait on a signal: bounded in wall-clock time, so that a missing signal fails the test instead of hanging it.</summary>
public static class ChannelReads
{
    /// <summary>The next item; a <see cref="TimeoutException"/> saying <paramref name="missing"/> when none comes within <paramref name="hangAfter"/>.</summary>
    public static async Task<T> ReadWithinAsync<T>(this ChannelReader<T> reader, TimeSpan hangAfter, string missing)
    {
        using var hang = new CancellationTokenSource(hangAfter);
        try
        {
            return await reader.ReadAsync(hang.Token);
        }
        catch (OperationCanceledException) when (hang.IsCancellationRequested)
        {
            throw new TimeoutException($"{missing} within {hangAfter} (wall-clock)");
        }
    }
}

using System.Collections.Concurrent;
using NotificationExchange.Client.Streams;

namespace NotificationExchange.Clients.Tests.Library;

/// <summary>
/// One of the library's resilient streams read in the background as fast as it comes, keeping everything it yields
/// in order and every reconnection it announces. Waits are bounded in wall-clock time and end early when the stream
/// ends, so that something that never comes fails the test instead of hanging it.
/// </summary>
internal sealed class StreamRecorder<T> : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly List<T> _items = [];
    private readonly CancellationTokenSource _stop = new();
    // Released on every item, every reconnection and at the end: a waiter looks again.
    private readonly SemaphoreSlim _changed = new(0);

    /// <summary>Reads <paramref name="read"/>, after making <paramref name="options"/> (the ones the stream was
    /// given) report its reconnections here.</summary>
    public StreamRecorder(WatchOptions options, Func<CancellationToken, IAsyncEnumerable<T>> read)
    {
        options.OnReconnecting = reconnect =>
        {
            Reconnects.Enqueue(reconnect);
            _changed.Release();
        };
        Completion = Task.Run(async () =>
        {
            try
            {
                await foreach (var item in read(_stop.Token))
                {
                    lock (_lock)
                    {
                        _items.Add(item);
                    }
                    _changed.Release();
                }
            }
            finally
            {
                _changed.Release();
            }
        });
    }

    /// <summary>The stream's end: faulted with what it threw, or cancelled by <see cref="StopAsync"/>.</summary>
    public Task Completion { get; }

    public ConcurrentQueue<StreamReconnect> Reconnects { get; } = new();

    public IReadOnlyList<T> Items
    {
        get
        {
            lock (_lock)
            {
                return [.. _items];
            }
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds; fails saying <paramref name="what"/> when it does not
    /// within <paramref name="wait"/> (a minute unless given), or when the stream ends first.</summary>
    public async Task WaitUntilAsync(Func<StreamRecorder<T>, bool> condition, string what, TimeSpan? wait = null)
    {
        var limit = wait ?? TimeSpan.FromMinutes(1);
        using var hang = new CancellationTokenSource(limit);
        while (!condition(this))
        {
            if (Completion.IsCompleted)
            {
                await Completion;
                throw new InvalidOperationException($"the stream ended before {what}");
            }
            try
            {
                await _changed.WaitAsync(hang.Token);
            }
            catch (OperationCanceledException) when (hang.IsCancellationRequested)
            {
                throw new TimeoutException($"no {what} within {limit} (wall-clock); {Items.Count} items, {Reconnects.Count} reconnections");
            }
        }
    }

    /// <summary>Ends the stream as a caller does, by cancelling it, and waits until it has ended.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Completion;
        }
        catch (OperationCanceledException)
        {
            // how a cancelled stream ends
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        // A test that expects the stream to fail has looked at its failure already.
        await Completion.ContinueWith(static _ => { }, TaskScheduler.Default);
        _stop.Dispose();
        _changed.Dispose();
    }
}

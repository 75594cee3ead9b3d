namespace NotificationExchange.FanOut.Tests.Support;

/// <summary>Reads a session's items one at a time, as the gRPC writer does, each read bounded by the hang guard.</summary>
internal sealed class SessionReader : IAsyncDisposable
{
    private readonly CancellationTokenSource _shutdown = new();
    private readonly IAsyncEnumerator<StreamItem> _items;
    private Task _pending = Task.CompletedTask;

    public SessionReader(SubscriptionSession session) => _items = session.ReadAllAsync(_shutdown.Token).GetAsyncEnumerator();

    /// <summary>What the host's stopping does to a stream: cancels its reading.</summary>
    public void Shutdown() => _shutdown.Cancel();

    /// <summary>Starts reading the next item; the caller decides when to await it.</summary>
    public Task<StreamItem> StartNext() => NextCoreAsync();

    public Task<StreamItem> NextAsync() => NextCoreAsync().Within();

    /// <summary>Reads items until one matches, returning everything read (the match last).</summary>
    public async Task<List<StreamItem>> ReadUntilAsync(Func<StreamItem, bool> last)
    {
        var read = new List<StreamItem>();
        do
        {
            read.Add(await NextAsync());
        }
        while (!last(read[^1]));
        return read;
    }

    public async ValueTask DisposeAsync()
    {
        await _shutdown.CancelAsync();
        try
        {
            // An enumerator is disposed only once its read under way is over.
            await Task.WhenAny(_pending).Within();
            await _items.DisposeAsync();
        }
        finally
        {
            _shutdown.Dispose();
        }
    }

    private Task<StreamItem> NextCoreAsync()
    {
        var next = ReadAsync();
        _pending = next;
        return next;
    }

    private async Task<StreamItem> ReadAsync() =>
        await _items.MoveNextAsync() ? _items.Current : throw new InvalidOperationException("the stream ended without a reason");
}

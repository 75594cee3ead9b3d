namespace NotificationExchange.Filing;

/// <summary>
/// What the outbox relay hears of the bus's connection: the transport reports losing it and having it again (on
/// RabbitMQ, this instance's receive endpoint faulting and becoming ready, over the connection the publishes use). A
/// loss abandons the publishes then waiting (their confirms went with the connection; the outbox keeps their events),
/// and having it again ends the relay's wait before its next try, so that publishing resumes as soon as it can rather
/// than when a timeout or a backoff runs out. Without reports (the in-memory bus) the relay times out and backs off
/// as before.
/// </summary>
public sealed class BusConnectivity
{
    private readonly Lock _lock = new();
    private CancellationTokenSource _loss = new();
    private TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Cancelled by the next loss reported after it was taken: a publish under way then is abandoned.</summary>
    public CancellationToken NextLoss
    {
        get
        {
            lock (_lock)
            {
                return _loss.Token;
            }
        }
    }

    /// <summary>Completes when the bus is next reported ready.</summary>
    public Task NextReady
    {
        get
        {
            lock (_lock)
            {
                return _ready.Task;
            }
        }
    }

    public void Lost()
    {
        CancellationTokenSource lost;
        lock (_lock)
        {
            lost = _loss;
            _loss = new CancellationTokenSource();
        }
        // outside the lock: cancellation runs the publishes' callbacks. Not disposed: a publish may still link to its token.
        lost.Cancel();
    }

    public void Ready()
    {
        TaskCompletionSource ready;
        lock (_lock)
        {
            ready = _ready;
            _ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        ready.TrySetResult();
    }
}

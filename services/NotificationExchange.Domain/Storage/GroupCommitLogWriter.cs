using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Telemetry;
using NotificationExchange.Domain.Webhooks;

namespace NotificationExchange.Domain.Storage;

/// <summary>
/// Group commit, for every store: one thread owns the store's write session and commits whatever writes are waiting in
/// one transaction, so a durable commit (an fsync, a WAL flush) and a turn of the store's write lock are shared by
/// every write in the batch. A write that throws is rolled back to its savepoint and fails alone; a commit that fails
/// fails the whole batch, and nothing of it is kept. The store says how it opens, marks and commits
/// (<see cref="IGroupCommitSession"/>); its writer only builds its session.
/// </summary>
public abstract class GroupCommitLogWriter : ILogWriter, IDisposable
{
    private readonly Channel<PendingWrite> _queue = Channel.CreateBounded<PendingWrite>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly IGroupCommitSession _session;
    private readonly CommittedEvents _committed;
    private readonly WebhookQueueSignal _webhooksQueued;
    private readonly ExchangeMetrics _metrics;
    private readonly ILogger _logger;
    private readonly int _maxBatchSize;
    private readonly Thread _thread;

    /// <summary>Starts the writer's thread on <paramref name="session"/>, the store's write session, which the writer
    /// owns from here and disposes of; batches hold at most <paramref name="maxBatchSize"/> writes.</summary>
    protected GroupCommitLogWriter(
        IGroupCommitSession session,
        int maxBatchSize,
        CommittedEvents committed,
        WebhookQueueSignal webhooksQueued,
        ExchangeMetrics metrics,
        ILogger logger)
    {
        _session = session;
        _committed = committed;
        _webhooksQueued = webhooksQueued;
        _metrics = metrics;
        _logger = logger;
        _maxBatchSize = maxBatchSize;
        _thread = new Thread(Run) { IsBackground = true, Name = "nx-log-writer" };
        _thread.Start();
    }

    public async Task<T> WriteAsync<T>(Func<ILogWriteSession, T> work, CancellationToken cancellationToken)
    {
        var pending = new PendingWrite<T>(work, Activity.Current?.Context);
        try
        {
            await _queue.Writer.WriteAsync(pending, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(GetType().Name, "the exchange is shutting down and accepts no more writes");
        }
        // Once queued, a write is not cancelled: its caller may be gone but the write still commits or fails whole.
        return await pending.Task;
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _thread.Join();
        _session.Dispose();
    }

    private void Run()
    {
        var batch = new List<PendingWrite>(_maxBatchSize);
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            batch.Clear();
            while (batch.Count < _maxBatchSize && _queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }
            Commit(batch);
        }
    }

    private void Commit(List<PendingWrite> batch)
    {
        using var activity = ExchangeMetrics.ActivitySource.StartActivity(
            ActivityKind.Internal, name: "log commit", links: batch.Where(w => w.Caller is not null).Select(w => new ActivityLink(w.Caller!.Value)));
        activity?.SetTag("nx.batch_size", batch.Count);
        IReadOnlyList<LogEntry> events;
        int queuedWebhooks;
        // The first write failure saying the store cannot be reached: what the batch's callers are told if it fails.
        Exception? unreachable = null;
        try
        {
            _session.Begin();
            foreach (var write in batch)
            {
                var mark = _session.Mark();
                try
                {
                    write.Execute(_session);
                    _session.Release();
                }
                catch (Exception e)
                {
                    if (unreachable is null && _session.IsUnreachable(e))
                    {
                        unreachable = e;
                    }
                    // If the store itself gave up the transaction (or the connection is gone), this throws too and
                    // the whole batch fails below.
                    _session.RollbackTo(mark);
                    write.SetFailure(e);
                }
            }
            (events, queuedWebhooks) = _session.Commit();
        }
        catch (Exception e)
        {
            _session.Rollback();
            var failure = unreachable ?? e;
            _logger.LogError(failure, "Commit of {Count} writes failed; none of them was stored", batch.Count);
            foreach (var write in batch)
            {
                write.SetFailure(failure);
            }
            foreach (var write in batch)
            {
                write.Complete();
            }
            return;
        }

        _metrics.CommitBatch(batch.Count);
        if (queuedWebhooks > 0)
        {
            // after the commit: the dispatcher's claim must find them
            _webhooksQueued.Queued();
        }
        if (events.Count > 0)
        {
            foreach (var recorded in events)
            {
                _metrics.Recorded(recorded);
            }
            foreach (var listener in _committed.Listeners)
            {
                try
                {
                    listener.OnCommitted(events);
                }
                catch (Exception e)
                {
                    // The events are durable whatever a listener does; the outbox and the log cover what it missed.
                    _logger.LogError(e, "Listener {Listener} failed on committed events", listener.GetType().Name);
                }
            }
        }
        foreach (var write in batch)
        {
            write.Complete();
        }
    }

    private abstract class PendingWrite(ActivityContext? caller)
    {
        public ActivityContext? Caller { get; } = caller;
        public abstract void Execute(ILogWriteSession session);
        public abstract void SetFailure(Exception exception);
        public abstract void Complete();
    }

    private sealed class PendingWrite<T>(Func<ILogWriteSession, T> work, ActivityContext? caller) : PendingWrite(caller)
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;
        private Exception? _failure;

        public Task<T> Task => _completion.Task;

        public override void Execute(ILogWriteSession session) => _result = work(session);

        public override void SetFailure(Exception exception) => _failure = exception;

        public override void Complete()
        {
            if (_failure is null)
            {
                _completion.TrySetResult(_result!);
            }
            else
            {
                _completion.TrySetException(_failure);
            }
        }
    }
}

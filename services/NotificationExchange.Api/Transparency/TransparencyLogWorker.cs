using System.Diagnostics;
using Google.Protobuf;
using Microsoft.Extensions.Options;
using NotificationExchange.Api.Services;
using NotificationExchange.Domain;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Telemetry;
using NotificationExchange.Storage.Sqlite;
using NotificationExchange.Transparency.Merkle;

namespace NotificationExchange.Api.Transparency;

/// <summary>
/// Follows the log with the transparency tree and signs its heads. At start it commits the entries recorded without a
/// commitment (before the log existed, or with it switched off), rendered from their stored form. Then, every
/// <see cref="TransparencyOptions.SignInterval"/> on the registered clock: the instance that holds the tree's work
/// cursor (leased, as the screening worker's is) appends the new entries' leaves and their complete subtrees, moving
/// the cursor in the same write, so across instances each leaf is appended once and a crash loses nothing (the next
/// holder starts from the cursor); and when the tree has grown past the newest signed head, a head of its size is
/// signed and stored (one per size: of two instances signing the same size, the first stored stands, and both roots
/// are the same tree's).
/// </summary>
internal sealed class TransparencyLogWorker(
    ITransparencyStore store,
    INotificationLog log,
    ILogWriter writer,
    TransparencyLog transparency,
    IOptions<TransparencyOptions> options,
    TimeProvider clock,
    ExchangeInstance instance,
    ExchangeMetrics metrics,
    ILogger<TransparencyLogWorker> logger) : BackgroundService
{
    private const int BackfillBatch = 500;
    private const int AppendBatch = 2_000;

    private long _stalledAt;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await BackfillAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Committing the entries recorded without a commitment failed; the tree stops before the first of them until the next start");
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
                await Task.Delay(options.Value.SignInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Building or signing the transparency tree failed; trying again");
                try
                {
                    await Task.Delay(options.Value.SignInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One pass: append what the log has beyond the tree (when this instance holds the cursor), then sign if it grew.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await AppendAsync(cancellationToken);
        await SignAsync(cancellationToken);
    }

    private async Task BackfillAsync(CancellationToken cancellationToken)
    {
        var after = 0L;
        var committed = 0;
        while (true)
        {
            var entries = await store.ReadUncommittedAsync(after, BackfillBatch, cancellationToken);
            if (entries.Count == 0)
            {
                break;
            }
            // Rendered from the stored form as streams serve it now (an entry that cannot be read back as unreadable).
            var commitments = entries.Select(e => (e.Sequence, Commitment: EntryCommitment.Create(EventMessages.Message(e).ToByteArray()))).ToList();
            committed += await writer.WriteAsync(session => commitments.Count(c => session.SaveCommitment(c.Sequence, c.Commitment)), cancellationToken);
            after = entries[^1].Sequence;
        }
        if (committed > 0)
        {
            logger.LogInformation("Transparency log: committed {Count} entries recorded without a commitment", committed);
        }
    }

    private async Task AppendAsync(CancellationToken cancellationToken)
    {
        // Reads first: an idle instance looks without writing (a lease is a write, and every instance looks every pass).
        var size = await store.GetTreeSizeAsync(cancellationToken);
        var head = await log.GetHeadSequenceAsync(cancellationToken);
        if (size >= head)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var leased = await writer.WriteAsync(session => session.LeaseCursor(SqliteExchangeStore.TreeCursor, instance.Id, now, now + options.Value.BuilderLease), cancellationToken);
        if (leased is not { } from)
        {
            return;
        }
        size = from;
        while (size < head)
        {
            var leaves = await store.ReadLeavesAsync(size + 1, AppendBatch, cancellationToken);
            TreeAppender appender;
            using (var nodes = store.OpenTreeNodes())
            {
                appender = new TreeAppender(nodes, size);
                foreach (var leaf in leaves)
                {
                    // Sequences have no gaps, so the next leaf is always the next sequence; one without a commitment
                    // (recorded with the log switched off) holds the tree until a start commits it.
                    if (leaf.Commitment is null || leaf.Sequence != appender.Size + 1)
                    {
                        if (_stalledAt != leaf.Sequence)
                        {
                            _stalledAt = leaf.Sequence;
                            logger.LogWarning("Transparency log: entry {Sequence} has no commitment; the tree waits for it (the next start commits it)", leaf.Sequence);
                        }
                        break;
                    }
                    appender.Append(MerkleHash.EntryLeaf(leaf.Sequence, leaf.Commitment));
                }
            }
            if (appender.Size == size)
            {
                return;
            }
            var expected = size;
            var moved = await writer.WriteAsync(session =>
            {
                if (!session.MoveCursor(SqliteExchangeStore.TreeCursor, instance.Id, expected, appender.Size, clock.GetUtcNow().UtcDateTime))
                {
                    return false;
                }
                session.SaveTreeNodes(appender.Added);
                return true;
            }, cancellationToken);
            if (!moved)
            {
                logger.LogInformation("Transparency log: another instance took over the tree at size {Size}", expected);
                return;
            }
            metrics.LeavesAppended((int)(appender.Size - expected), appender.Size);
            size = appender.Size;
            if (leaves.Count < AppendBatch || size < leaves[^1].Sequence)
            {
                return;
            }
        }
    }

    private async Task SignAsync(CancellationToken cancellationToken)
    {
        var size = await store.GetTreeSizeAsync(cancellationToken);
        var latest = await store.GetLatestHeadAsync(cancellationToken);
        if (latest is not null && latest.TreeSize >= size)
        {
            return;
        }
        using var activity = ExchangeMetrics.ActivitySource.StartActivity("transparency.sign");
        activity?.SetTag("nx.transparency.tree_size", size);
        byte[] root;
        using (var nodes = store.OpenTreeNodes())
        {
            root = MerkleTree.Root(nodes, size);
        }
        var now = clock.GetUtcNow();
        var head = transparency.Key.Sign(transparency.Origin, size, root, now.ToUnixTimeMilliseconds());
        var stored = await writer.WriteAsync(session => session.SaveTreeHead(head), cancellationToken);
        activity?.SetTag("nx.transparency.stored", stored);
        if (!stored)
        {
            return;
        }
        var lag = TimeSpan.Zero;
        if (size > 0 && (await store.ReadLeavesAsync(size, 1, cancellationToken)) is [var newest])
        {
            lag = now.UtcDateTime - newest.Entry.RecordedAt;
        }
        metrics.HeadSigned(size, lag);
        activity?.SetStatus(ActivityStatusCode.Ok);
    }
}

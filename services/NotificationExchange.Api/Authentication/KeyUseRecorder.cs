using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using NotificationExchange.Domain.Operators.Credentials;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Api.Authentication;

/// <summary>
/// Keeps when each key was last used, to the minute, in memory, and writes what moved to the store every
/// <see cref="AuthenticationOptions.LastUsedFlushInterval"/> (and when the instance stops): a call costs no store
/// write. A crash loses at most an interval of last-used times, never a key.
/// </summary>
internal sealed class KeyUseRecorder(ICredentialStore store, TimeProvider clock, IOptions<AuthenticationOptions> options, ILogger<KeyUseRecorder> logger)
    : BackgroundService
{
    private readonly ConcurrentDictionary<string, DateTime> _pending = new();
    private readonly ConcurrentDictionary<string, DateTime> _written = new();

    /// <summary>Notes that a key authenticated a call now.</summary>
    public void Used(string keyId)
    {
        var at = ApiKeyUse.Coarse(clock.GetUtcNow().UtcDateTime);
        if (!_written.TryGetValue(keyId, out var written) || written < at)
        {
            _pending.AddOrUpdate(keyId, at, (_, earlier) => earlier < at ? at : earlier);
        }
    }

    /// <summary>Writes the last-used times noted since the last flush.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var batch = new Dictionary<string, DateTime>();
        foreach (var keyId in _pending.Keys)
        {
            if (_pending.TryRemove(keyId, out var at))
            {
                batch[keyId] = at;
            }
        }
        if (batch.Count == 0)
        {
            return;
        }
        try
        {
            await store.RecordKeyUseAsync(batch, cancellationToken);
            foreach (var (keyId, at) in batch)
            {
                _written[keyId] = at;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // kept for the next flush: a later use of the same key only moves it forward
            foreach (var (keyId, at) in batch)
            {
                _pending.AddOrUpdate(keyId, at, (_, later) => later < at ? at : later);
            }
            logger.LogWarning(e, "Could not record when {Count} API keys were last used; retrying at the next flush", batch.Count);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.LastUsedFlushInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }
}

using System.Collections.Concurrent;
using NotificationExchange.Domain.Operators;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Api.Authentication;

/// <summary>
/// Resolves API keys to operators, remembering each answer briefly so that a busy operator's calls do not each read
/// the store. A key rotated on another instance stops working here within <see cref="Lifetime"/>; on this instance,
/// at once.
/// </summary>
internal sealed class OperatorKeyCache(IOperatorDirectory directory, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, (OperatorAccount Account, DateTimeOffset Expires)> _entries = new();

    public async Task<OperatorAccount?> FindAsync(string apiKey, CancellationToken cancellationToken)
    {
        var keyHash = ApiKeys.Hash(apiKey);
        var hash = Convert.ToHexString(keyHash);
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(hash, out var entry) && entry.Expires > now)
        {
            return entry.Account;
        }
        var account = await directory.FindByKeyHashAsync(keyHash, cancellationToken);
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
        // Unknown keys are not remembered: a key created a moment ago on another instance must work at once.
        if (account is not null)
        {
            _entries[hash] = (account, now + Lifetime);
        }
        return account;
    }

    /// <summary>Forgets every key of an operator (its key was just replaced on this instance).</summary>
    public void Forget(string operatorId)
    {
        foreach (var (hash, entry) in _entries)
        {
            if (entry.Account.Id == operatorId)
            {
                _entries.TryRemove(hash, out _);
            }
        }
    }
}

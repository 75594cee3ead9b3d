using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using NotificationExchange.Domain.Operators.Credentials;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Api.Authentication;

/// <summary>
/// Resolves API keys and client certificates to organisations, remembering each answer for
/// <see cref="AuthenticationOptions.KeyCacheLifetime"/> so that a busy caller's calls do not each read the store. A
/// revocation on this instance, or announced by another through the bus (<see cref="Bus.CredentialsRevokedConsumer"/>),
/// forgets the credential at once; while the bus does not deliver, the lifetime bounds how long a revoked credential
/// keeps working here. Expiry needs no forgetting: it is checked on every call against the clock.
/// </summary>
internal sealed class CredentialCache(ICredentialStore store, TimeProvider clock, IOptions<AuthenticationOptions> options)
{
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, (ApiKeyHolder Holder, DateTimeOffset Expires)> _keys = new();
    private readonly ConcurrentDictionary<string, (ClientCertificateHolder Holder, DateTimeOffset Expires)> _certificates = new();

    public TimeSpan Lifetime => options.Value.KeyCacheLifetime;

    /// <summary>The key with this hash and its organisation, usable or not; null when no such key exists.</summary>
    public async Task<ApiKeyHolder?> FindKeyAsync(byte[] keyHash, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexString(keyHash);
        var now = clock.GetUtcNow();
        if (_keys.TryGetValue(hash, out var entry) && entry.Expires > now)
        {
            return entry.Holder;
        }
        var holder = await store.FindKeyAsync(keyHash, cancellationToken);
        // Unknown keys are not remembered: a key issued a moment ago on another instance must work at once.
        if (holder is not null)
        {
            Bound(_keys);
            _keys[hash] = (holder, now + Lifetime);
        }
        return holder;
    }

    /// <summary>The unrevoked registration of this certificate (by thumbprint, else subject); null when there is none.</summary>
    public async Task<ClientCertificateHolder?> FindCertificateAsync(string thumbprint, string subject, CancellationToken cancellationToken)
    {
        var cacheKey = thumbprint + "\n" + subject;
        var now = clock.GetUtcNow();
        if (_certificates.TryGetValue(cacheKey, out var entry) && entry.Expires > now)
        {
            return entry.Holder;
        }
        var holder = await store.FindCertificateAsync(thumbprint, subject, cancellationToken);
        if (holder is not null)
        {
            Bound(_certificates);
            _certificates[cacheKey] = (holder, now + Lifetime);
        }
        return holder;
    }

    /// <summary>Forgets keys and certificate registrations by id (they were revoked, here or elsewhere).</summary>
    public void Forget(IReadOnlyCollection<string> credentialIds)
    {
        foreach (var (hash, entry) in _keys)
        {
            if (credentialIds.Contains(entry.Holder.Key.Id))
            {
                _keys.TryRemove(hash, out _);
            }
        }
        foreach (var (cacheKey, entry) in _certificates)
        {
            if (credentialIds.Contains(entry.Holder.Mapping.Id))
            {
                _certificates.TryRemove(cacheKey, out _);
            }
        }
    }

    /// <summary>Forgets every credential of an organisation (its account changed: its display name is a claim).</summary>
    public void ForgetOrganization(string operatorId)
    {
        foreach (var (hash, entry) in _keys)
        {
            if (entry.Holder.Account.Id == operatorId)
            {
                _keys.TryRemove(hash, out _);
            }
        }
        foreach (var (cacheKey, entry) in _certificates)
        {
            if (entry.Holder.Account.Id == operatorId)
            {
                _certificates.TryRemove(cacheKey, out _);
            }
        }
    }

    private static void Bound<T>(ConcurrentDictionary<string, T> entries)
    {
        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }
    }
}

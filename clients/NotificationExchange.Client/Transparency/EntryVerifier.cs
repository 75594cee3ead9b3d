using NotificationExchange.Client.Services;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Client.Transparency;

/// <summary>
/// Checks the entries a watch receives (<see cref="Streams.WatchOptions.Verify"/>): each entry's inclusion in a tree
/// whose signed head covers it (waiting for the next head when the newest does not yet), its commitment recomputed
/// from the salt the exchange gives with the proof, and each new head's consistency with the one before it. A check
/// that does not hold throws <see cref="TransparencyVerificationException"/>, which ends the watch. Entries that could
/// not be read back (unreadable) carry no content and are not checked. Made by
/// <see cref="TransparencyApi.EntryVerifier"/>; one per watch (it remembers the last head it saw).
/// </summary>
public sealed class EntryVerifier
{
    private readonly TransparencyApi _transparency;
    private readonly TrustedLogKey _key;
    private SignedTreeHead? _lastHead;

    internal EntryVerifier(TransparencyApi transparency, TrustedLogKey key)
    {
        _transparency = transparency;
        _key = key;
    }

    /// <summary>The newest head the entries were checked against so far.</summary>
    public SignedTreeHead? LastHead => _lastHead;

    /// <summary>Checks the entries among <paramref name="messages"/>, <see cref="TransparencyApi.MaxProofsPerCall"/>
    /// proofs a call; throws <see cref="TransparencyVerificationException"/> when one does not hold.</summary>
    public async Task VerifyAsync(IReadOnlyList<SubscriptionMessage> messages, CancellationToken cancellationToken = default)
    {
        var entries = messages.Select(LogEntry.Of).OfType<LogEntry>().ToList();
        if (entries.Count == 0)
        {
            return;
        }
        var report = await _transparency.VerifyEntriesAsync(entries, _key, cancellationToken).ConfigureAwait(false);
        var checks = report.Checks.ToList();
        if (report.Verified && _lastHead is { } last && report.TreeHead is { } head)
        {
            var (older, newer) = last.TreeSize <= head.TreeSize ? (last, head) : (head, last);
            checks.AddRange(await _transparency.ConsistencyAsync(older, newer, _key, cancellationToken).ConfigureAwait(false));
        }
        var all = new VerificationReport(checks, report.TreeHead);
        if (!all.Verified)
        {
            throw new TransparencyVerificationException(all);
        }
        if (_lastHead is null || report.TreeHead!.TreeSize > _lastHead.TreeSize)
        {
            _lastHead = report.TreeHead;
        }
    }
}

using NotificationExchange.Faults.Load;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Faults.Checking;

/// <summary>
/// The check of one phase: the filers' records, the store read back, and every subscriber's deliveries, compared.
/// A filing is owed to a subscriber when it committed (acknowledged, or failed but found in the store) and the
/// subscriber's filter matches it (<see cref="SubscriberSpec.Matches"/>, the checker's own reading of the filter).
/// </summary>
public static class PhaseCheck
{
    private const int EvidenceLimit = 12;

    /// <param name="phase">The phase checked.</param>
    /// <param name="attempts">The phase's filings.</param>
    /// <param name="allAttempts">Every filing of the run by marker, to attribute a delivery to its phase.</param>
    /// <param name="stored">The phase's notifications as the store lists them, by marker.</param>
    /// <param name="subscribers">Every subscriber.</param>
    public static (int FiledOk, int Failed, int Indeterminate, long Delivered, long Lost, long Duplicates, long Unexpected, long OutOfOrder, List<string> Evidence) Run(
        int phase,
        IReadOnlyList<FilingAttempt> attempts,
        IReadOnlyDictionary<string, FilingAttempt> allAttempts,
        IReadOnlyDictionary<string, List<Notification>> stored,
        IReadOnlyList<Subscriber> subscribers)
    {
        var evidence = new List<string>();
        void Note(string line)
        {
            if (evidence.Count < EvidenceLimit)
            {
                evidence.Add(line);
            }
        }

        long lost = 0, duplicates = 0, unexpected = 0, outOfOrder = 0, delivered = 0;
        int ok = 0, failed = 0, indeterminate = 0;
        // What committed, and at which sequence.
        var committed = new Dictionary<string, (FilingAttempt Attempt, ulong Sequence)>();
        foreach (var attempt in attempts)
        {
            var marker = attempt.Plan.Marker;
            stored.TryGetValue(marker, out var rows);
            if (rows is { Count: > 1 })
            {
                duplicates += rows.Count - 1;
                Note($"stored twice: {marker} as {string.Join(", ", rows.Select(r => $"{r.Id} #{r.Sequence}"))}");
            }
            switch (attempt.Outcome)
            {
                case FilingOutcome.Acknowledged:
                    ok++;
                    if (rows is null || !rows.Any(r => r.Id == attempt.NotificationId && r.Sequence == attempt.Sequence))
                    {
                        lost++;
                        Note($"acknowledged but not in the store: {marker} ({attempt.NotificationId} #{attempt.Sequence}, acknowledged {attempt.CompletedAt:HH:mm:ss.fff})");
                    }
                    committed[marker] = (attempt, attempt.Sequence);
                    break;
                case FilingOutcome.Failed when rows is { Count: > 0 }:
                    indeterminate++;
                    committed[marker] = (attempt, rows[0].Sequence);
                    break;
                case FilingOutcome.Failed:
                    failed++;
                    break;
                default:
                    Note($"never answered: {marker} (started {attempt.StartedAt:HH:mm:ss.fff})");
                    failed++;
                    break;
            }
        }

        foreach (var subscriber in subscribers)
        {
            var deliveries = subscriber.Deliveries();
            var seen = new HashSet<ulong>();
            ulong highest = 0;
            foreach (var delivery in deliveries)
            {
                var attempt = delivery.Marker is { } m && allAttempts.TryGetValue(m, out var a) ? a : null;
                var deliveryPhase = attempt?.Plan.Phase ?? delivery.ReceivedInPhase;
                var first = seen.Add(delivery.Sequence);
                var late = delivery.Sequence < highest;
                highest = Math.Max(highest, delivery.Sequence);
                if (deliveryPhase != phase)
                {
                    continue;
                }
                if (!first)
                {
                    duplicates++;
                    Note($"subscriber {subscriber.Spec.Index} received #{delivery.Sequence} again at {delivery.ReceivedAt:HH:mm:ss.fff} ({delivery.Description})");
                    continue;
                }
                if (late)
                {
                    outOfOrder++;
                    Note($"subscriber {subscriber.Spec.Index} received #{delivery.Sequence} after #{highest} at {delivery.ReceivedAt:HH:mm:ss.fff}");
                }
                if (attempt is null || !committed.TryGetValue(attempt.Plan.Marker, out var owed))
                {
                    unexpected++;
                    Note($"subscriber {subscriber.Spec.Index} received #{delivery.Sequence} that no committed filing of the run made: {delivery.Description} {delivery.Marker}");
                }
                else if (owed.Sequence != delivery.Sequence)
                {
                    unexpected++;
                    Note($"subscriber {subscriber.Spec.Index} received {attempt.Plan.Marker} as #{delivery.Sequence}, committed as #{owed.Sequence}");
                }
                else if (!subscriber.Spec.Matches(attempt.Plan))
                {
                    unexpected++;
                    Note($"subscriber {subscriber.Spec.Index} ({subscriber.Spec.Describe()}) received #{delivery.Sequence}, which its filter does not match: {attempt.Plan.Marker}");
                }
            }
            foreach (var (marker, (attempt, sequence)) in committed)
            {
                if (!subscriber.Spec.Matches(attempt.Plan))
                {
                    continue;
                }
                if (seen.Contains(sequence))
                {
                    delivered++;
                }
                else
                {
                    lost++;
                    Note($"subscriber {subscriber.Spec.Index} ({subscriber.Spec.Describe()}) never received {marker} #{sequence} ({attempt.Outcome}, filed {attempt.StartedAt:HH:mm:ss.fff})");
                }
            }
        }
        return (ok, failed, indeterminate, delivered, lost, duplicates, unexpected, outOfOrder, evidence);
    }

    /// <summary>Whether every acknowledged filing of <paramref name="attempts"/> answered before
    /// <paramref name="before"/> reached every subscriber whose filter matches it; the number still owed.</summary>
    public static int StillOwed(IReadOnlyList<FilingAttempt> attempts, IReadOnlyList<Subscriber> subscribers, DateTime before, IReadOnlyDictionary<string, List<Notification>>? stored = null)
    {
        var owed = 0;
        foreach (var attempt in attempts)
        {
            ulong sequence;
            if (attempt.Outcome == FilingOutcome.Acknowledged && attempt.CompletedAt < before)
            {
                sequence = attempt.Sequence;
            }
            else if (attempt.Outcome == FilingOutcome.Failed && stored is not null && stored.TryGetValue(attempt.Plan.Marker, out var rows) && rows.Count > 0)
            {
                sequence = rows[0].Sequence;
            }
            else
            {
                continue;
            }
            foreach (var subscriber in subscribers)
            {
                if (subscriber.Spec.Matches(attempt.Plan) && !subscriber.Has(sequence))
                {
                    owed++;
                }
            }
        }
        return owed;
    }
}

namespace NotificationExchange.Faults.Checking;

/// <summary>
/// What one phase's check found, in the terms of Jepsen's total-queue check. <see cref="FiledOk"/>: filings the
/// exchange acknowledged. <see cref="Failed"/>: filings whose call failed and that are not in the store.
/// <see cref="Indeterminate"/>: filings whose call failed but that the store holds (they committed before the error):
/// owed to their subscribers like acknowledged ones. <see cref="Delivered"/>: (subscriber, filing) pairs delivered
/// that were owed. <see cref="Lost"/>: owed pairs never delivered, plus acknowledged filings missing from the store.
/// <see cref="Duplicates"/>: events a subscriber received again, plus filings stored twice. <see cref="Unexpected"/>:
/// events that no filing of the run committed, or that the subscriber's filter does not match.
/// <see cref="OutOfOrder"/>: events that arrived after a later sequence on the same subscriber.
/// </summary>
public sealed record PhaseResult(
    string Fault,
    int FiledOk,
    int Failed,
    int Indeterminate,
    long Delivered,
    long Lost,
    long Duplicates,
    long Unexpected,
    long OutOfOrder,
    TimeSpan? Recovery,
    double RecoveryThresholdMs,
    double BaselineP50Ms,
    double BaselineP99Ms,
    TimeSpan MaxFilingGap,
    IReadOnlyList<string> Evidence)
{
    public bool Clean => Lost == 0 && Duplicates == 0 && Unexpected == 0 && OutOfOrder == 0;
}

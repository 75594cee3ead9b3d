namespace NotificationExchange.Client.Transparency;

/// <summary>
/// One check of a verification: what was checked (<paramref name="Subject"/>, e.g. "MNV-7 v2 (sequence 12)" or "tree
/// head 40"), whether it holds, and in words what was found. A failed check names the sequence when it is about one
/// entry, and what was expected against what was found, so that it is evidence rather than a bare false.
/// </summary>
public sealed record VerificationCheck(
    string Subject,
    VerificationOutcome Outcome,
    string Detail,
    ulong? Sequence = null,
    string? Expected = null,
    string? Found = null)
{
    public bool Verified => Outcome == VerificationOutcome.Verified;

    public static VerificationCheck Pass(string subject, string detail, ulong? sequence = null) =>
        new(subject, VerificationOutcome.Verified, detail, sequence);

    public static VerificationCheck Fail(string subject, string detail, ulong? sequence = null, string? expected = null, string? found = null) =>
        new(subject, VerificationOutcome.Failed, detail, sequence, expected, found);

    public override string ToString() =>
        $"{(Verified ? "ok" : "FAILED")} {Subject}: {Detail}"
        + (Expected is null && Found is null ? "" : $" (expected {Expected ?? "-"}, found {Found ?? "-"})");
}

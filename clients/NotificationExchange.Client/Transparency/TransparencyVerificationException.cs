namespace NotificationExchange.Client.Transparency;

/// <summary>What the exchange served does not match what its log committed to, or its log does not extend what was
/// seen before: the report says which check failed, naming the sequence, what was expected and what was found.</summary>
public sealed class TransparencyVerificationException(VerificationReport report)
    : Exception("transparency verification failed: " + string.Join("; ", report.Failures.Select(f => f.ToString())))
{
    public VerificationReport Report { get; } = report;
}

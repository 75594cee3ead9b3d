using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Client.Transparency;

/// <summary>The checks of one verification, in the order they were made, and the signed head they were made against
/// (the newest the exchange gave). Verified only when every check holds.</summary>
public sealed class VerificationReport(IReadOnlyList<VerificationCheck> checks, SignedTreeHead? treeHead)
{
    public IReadOnlyList<VerificationCheck> Checks { get; } = checks;

    /// <summary>The head the checks were made against; null when none could be used.</summary>
    public SignedTreeHead? TreeHead { get; } = treeHead;

    public bool Verified => Checks.Count > 0 && Checks.All(c => c.Verified);

    public IEnumerable<VerificationCheck> Failures => Checks.Where(c => !c.Verified);
}

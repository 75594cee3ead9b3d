namespace NotificationExchange.Domain.Alerts;

/// <summary>
/// When two screens saw the same close approach, and when a re-screen changed it. The same pair of objects with TCAs
/// within <see cref="SameEncounterWithin"/> is one encounter: a LEO pair meets at most twice a revolution (about 45 min
/// apart), so 15 min keeps a maneuver that shifts the approach by minutes on the same alert without merging two
/// passes. Unchanged means TCA within 1 s, miss distance within 10 m, and probability within 10 % (or 1e-9), with the
/// same notification, operators and withholding (a notice whose audience widened to admit every party is news).
/// </summary>
public static class AlertIdentity
{
    public static TimeSpan SameEncounterWithin { get; } = TimeSpan.FromMinutes(15);

    public static TimeSpan TcaTolerance { get; } = TimeSpan.FromSeconds(1);

    public const double MissToleranceM = 10.0;

    public const double ProbabilityRelativeTolerance = 0.10;

    public const double ProbabilityAbsoluteTolerance = 1e-9;

    public static bool SamePair(Alert alert, int noradCatId, int otherNoradCatId) =>
        (alert.Primary.Object.NoradCatId == noradCatId && alert.Secondary.Object.NoradCatId == otherNoradCatId)
        || (alert.Primary.Object.NoradCatId == otherNoradCatId && alert.Secondary.Object.NoradCatId == noradCatId);

    public static bool SameEncounter(Alert alert, int noradCatId, int otherNoradCatId, DateTime tca) =>
        SamePair(alert, noradCatId, otherNoradCatId) && (alert.Tca - tca).Duration() <= SameEncounterWithin;

    /// <summary>Whether <paramref name="seenAgain"/> says nothing new about the approach <paramref name="alert"/> describes.</summary>
    public static bool Unchanged(Alert alert, Alert seenAgain)
    {
        var probabilityDifference = Math.Abs(alert.Probability.Value - seenAgain.Probability.Value);
        return (alert.Tca - seenAgain.Tca).Duration() <= TcaTolerance
            && Math.Abs(alert.MissDistanceM - seenAgain.MissDistanceM) <= MissToleranceM
            && alert.Probability.Kind == seenAgain.Probability.Kind
            && (probabilityDifference <= ProbabilityAbsoluteTolerance
                || probabilityDifference <= ProbabilityRelativeTolerance * Math.Max(alert.Probability.Value, seenAgain.Probability.Value))
            && (alert.Unannounced is null) == (seenAgain.Unannounced is null)
            && alert.NotificationId == seenAgain.NotificationId
            && alert.NoticeWithheld == seenAgain.NoticeWithheld
            && alert.Primary.OperatorId == seenAgain.Primary.OperatorId
            && alert.Secondary.OperatorId == seenAgain.Secondary.OperatorId;
    }
}

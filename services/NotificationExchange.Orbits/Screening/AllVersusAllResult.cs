namespace NotificationExchange.Orbits.Screening;

/// <summary>
/// The all-against-all result: every conjunction (one per primary whose volume the other object entered), by time,
/// and the number of distinct encounters (pair and time of closest approach) behind them.
/// </summary>
public sealed record AllVersusAllResult(IReadOnlyList<Conjunction> Conjunctions, int Encounters, AllVersusAllStatistics Statistics);

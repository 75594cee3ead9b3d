using NotificationExchange.Orbits.Screening;

namespace NotificationExchange.Orbits.Encounters;

/// <summary>
/// Unannounced-approach detection for a pair of trajectories: the intervals where the range stays within the
/// criteria's distance, each with its minimum range, relative speeds and flags (<see cref="ProximityFlags"/>). Cheap
/// enough to run for every conjunction a screen finds (<c>Around</c> at its TCA), or over a whole window
/// (<see cref="Scan"/>); a pair that stays close for days is one interval, however long.
/// </summary>
public static class ProximityDetector
{
    /// <summary>Every interval in [windowStart, windowEnd] (up to either object's first SGP4 failure).</summary>
    public static IReadOnlyList<ProximityInterval> Scan(
        Trajectory a, Trajectory b, DateTime windowStart, DateTime windowEnd, ProximityCriteria criteria) =>
        new ProximitySearch(a, b, windowStart, windowEnd, criteria).Scan();

    /// <summary>
    /// The interval containing <paramref name="time"/> (typically a conjunction's TCA), extended both ways while the
    /// range stays within the distance, bounded by the window; null when the range at that time exceeds the distance
    /// or the time is outside the window.
    /// </summary>
    public static ProximityInterval? Around(
        Trajectory a, Trajectory b, DateTime time, DateTime windowStart, DateTime windowEnd, ProximityCriteria criteria)
    {
        var search = new ProximitySearch(a, b, windowStart, windowEnd, criteria);
        return search.Around(search.SecondsOf(time));
    }

    /// <summary><c>Around</c> at a screen's conjunction.</summary>
    public static ProximityInterval? Around(
        Trajectory primary, Trajectory secondary, Conjunction conjunction, DateTime windowStart, DateTime windowEnd, ProximityCriteria criteria) =>
        Around(primary, secondary, conjunction.TimeOfClosestApproach, windowStart, windowEnd, criteria);
}

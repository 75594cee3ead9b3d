namespace NotificationExchange.Domain.Operators;

/// <summary>
/// When a contact point answers: around the clock, or the weekly periods in one time zone (an IANA zone, UTC or a
/// fixed offset UTC±HH:MM). Equal when the same periods are in the same order.
/// </summary>
public sealed record StaffedHours(bool AroundTheClock, string? TimeZone, IReadOnlyList<WeeklyPeriod> Weekly)
{
    public static StaffedHours Always { get; } = new(true, null, []);

    public bool Equals(StaffedHours? other) =>
        other is not null && AroundTheClock == other.AroundTheClock && TimeZone == other.TimeZone && Weekly.SequenceEqual(other.Weekly);

    public override int GetHashCode() => HashCode.Combine(AroundTheClock, TimeZone, Weekly.Count);
}

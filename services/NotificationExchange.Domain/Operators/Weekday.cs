namespace NotificationExchange.Domain.Operators;

// Numeric values match the wire contract's enums, so that an unknown number stays unknown on both sides; the week
// starts on Monday (ISO 8601), which is what orders a weekly period's first and last day.

public enum Weekday
{
    Monday = 1,
    Tuesday = 2,
    Wednesday = 3,
    Thursday = 4,
    Friday = 5,
    Saturday = 6,
    Sunday = 7,
}

namespace NotificationExchange.Storage.Sqlite;

/// <summary>Times are stored as UTC ticks (100 ns since 0001-01-01), which keeps the full precision of a DateTime.</summary>
internal static class SqliteTime
{
    public static long ToTicks(DateTime time) => time.ToUniversalTime().Ticks;

    public static DateTime FromTicks(long ticks) => new(ticks, DateTimeKind.Utc);
}

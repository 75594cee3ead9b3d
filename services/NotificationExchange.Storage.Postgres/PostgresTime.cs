namespace NotificationExchange.Storage.Postgres;

/// <summary>Times are stored as UTC ticks (100 ns since 0001-01-01) in bigint columns, as the SQLite store keeps them.</summary>
internal static class PostgresTime
{
    public static long ToTicks(DateTime time) => time.ToUniversalTime().Ticks;

    public static DateTime FromTicks(long ticks) => new(ticks, DateTimeKind.Utc);
}

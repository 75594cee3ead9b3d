namespace NotificationExchange.Domain.Operators.Credentials;

/// <summary>When a key was last used, as recorded: to the minute, so that a busy key is written once a minute at most.</summary>
public static class ApiKeyUse
{
    public static readonly TimeSpan Precision = TimeSpan.FromMinutes(1);

    /// <summary>The instant rounded down to <see cref="Precision"/>.</summary>
    public static DateTime Coarse(DateTime at) => new(at.Ticks - at.Ticks % Precision.Ticks, DateTimeKind.Utc);
}

namespace NotificationExchange.Domain.Operators;

/// <summary>Every day from <paramref name="FirstDay"/> to <paramref name="LastDay"/>, from opening to closing time (HH:MM, local).</summary>
public sealed record WeeklyPeriod(Weekday FirstDay, Weekday LastDay, string? Opens, string? Closes);

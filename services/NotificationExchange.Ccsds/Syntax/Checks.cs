namespace NotificationExchange.Ccsds.Syntax;

/// <summary>The range checks keyword maps give their numbers: null when the value is allowed, else what is wrong with it.</summary>
internal static class Checks
{
    public static string? NonNegative(double value) => value >= 0 ? null : "must not be negative";

    public static string? NonNegative(long value) => value >= 0 ? null : "must not be negative";

    public static string? Positive(double value) => value > 0 ? null : "must be positive";

    public static string? NonPositive(double value) => value <= 0 ? null : "must not be positive";

    public static string? Inclination(double value) => value is >= 0 and <= 180 ? null : "is not an inclination between 0 and 180 degrees";

    public static string? Percentage(double value) => value is >= 0 and <= 100 ? null : "is not a percentage";

    public static string? InterpolationDegree(long value) => value is >= 0 and <= 100 ? null : "is not an interpolation degree (0 to 100)";

    public static Func<long, string?> Between(long low, long high) => value => value >= low && value <= high ? null : $"is not between {low} and {high}";
}

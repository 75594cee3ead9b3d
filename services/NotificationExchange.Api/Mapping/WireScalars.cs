using Google.Protobuf.WellKnownTypes;

namespace NotificationExchange.Api.Mapping;

/// <summary>
/// Scalars between the wire and the domain. Nothing is checked here: a text the sender left out (empty) becomes null,
/// and values the domain could not hold at all (invalid timestamps) become null too; such a value is among the
/// request's wire violations (<see cref="Services.WireValueInterceptor"/>), which refuse the request whatever the
/// domain says of the field.
/// </summary>
internal static class WireScalars
{
    public static string? Text(string value) => value.Length == 0 ? null : value;

    /// <summary>A timestamp, or null when absent or invalid.</summary>
    public static DateTime? Time(Timestamp? timestamp)
    {
        if (timestamp is null)
        {
            return null;
        }
        try
        {
            return timestamp.ToDateTime();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>A duration, or null when invalid.</summary>
    public static TimeSpan? Duration(Duration duration)
    {
        try
        {
            return duration.ToTimeSpan();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    public static Timestamp? ToTimestamp(DateTime? time) => time is { } t ? Timestamp.FromDateTime(t) : null;
}

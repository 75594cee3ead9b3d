using System.Globalization;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Notifications;

/// <summary>
/// The times and windows a notice or report may give (limits in <see cref="NotificationValidator"/>), and how answers
/// write a time.
/// </summary>
public static class TimeValidation
{
    /// <summary>True when <paramref name="time"/> lies in the range of times the exchange accepts; otherwise says so.</summary>
    public static bool Accepted(string at, DateTime time, ValidationErrors errors)
    {
        if (time >= NotificationValidator.EarliestTime && time < NotificationValidator.LatestTime)
        {
            return true;
        }
        errors.Add(at, $"{Format(time)} is outside the times the exchange accepts ({NotificationValidator.EarliestTime:yyyy-MM-dd} to {NotificationValidator.LatestTime.AddDays(-1):yyyy-MM-dd})");
        return false;
    }

    /// <summary>
    /// A window for something planned, as of <paramref name="now"/>: both ends, end not before start (an impulsive burn
    /// is an instant), not yet over, at most a year long.
    /// </summary>
    public static void Planned(string at, TimeWindow? window, DateTime now, ValidationErrors errors)
    {
        if (Ordered(at, window, errors, allowInstant: true) is not (var start, var end))
        {
            return;
        }
        if (end < now)
        {
            errors.Add($"{at}.end", $"{Format(end)} has already passed (now {Format(now)}); file only what is still to come");
        }
        if (end - start > NotificationValidator.MaxWindowLength)
        {
            errors.Add(at, $"spans {(end - start).TotalDays:0.#} days; at most {NotificationValidator.MaxWindowLength.TotalDays} allowed");
        }
    }

    /// <summary>A window for something that has happened, as of <paramref name="now"/>: both ends, ordered, not in the future.</summary>
    public static void Past(string at, TimeWindow? window, DateTime now, ValidationErrors errors)
    {
        if (Ordered(at, window, errors, allowInstant: true) is (var start, _) && start > now + NotificationValidator.ReportClockTolerance)
        {
            errors.Add($"{at}.start", $"{Format(start)} is in the future; report what has happened");
        }
    }

    /// <summary>The window's ends when it has both, accepted times, the end after the start (or at it, for an instant); otherwise says why.</summary>
    public static (DateTime Start, DateTime End)? Ordered(string at, TimeWindow? window, ValidationErrors errors, bool allowInstant = false)
    {
        if (window is null)
        {
            errors.Add(at, "is required");
            return null;
        }
        if (window.Start is null)
        {
            errors.Add($"{at}.start", "is required");
        }
        if (window.End is null)
        {
            errors.Add($"{at}.end", "is required");
        }
        if (window.Start is not { } start || window.End is not { } end)
        {
            return null;
        }
        if (!Accepted($"{at}.start", start, errors) | !Accepted($"{at}.end", end, errors))
        {
            return null;
        }
        if (end < start || (!allowInstant && end == start))
        {
            errors.Add($"{at}.end", allowInstant ? $"{Format(end)} is before start {Format(start)}" : $"{Format(end)} is not after start {Format(start)}");
            return null;
        }
        return (start, end);
    }

    public static string Format(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

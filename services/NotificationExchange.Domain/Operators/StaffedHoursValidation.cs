using System.Globalization;
using System.Text.RegularExpressions;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Operators;

/// <summary>The rules for the hours a contact point is staffed, named by wire path.</summary>
public static partial class StaffedHoursValidation
{
    public const int MaxWeeklyPeriods = 14;

    public static void Validate(string at, ContactRole role, StaffedHours hours, ValidationErrors errors)
    {
        if (hours.AroundTheClock)
        {
            if (hours.TimeZone is not null)
            {
                errors.Add($"{at}.time_zone", "must be empty when around_the_clock is set");
            }
            if (hours.Weekly.Count > 0)
            {
                errors.Add($"{at}.weekly", "must be empty when around_the_clock is set");
            }
            return;
        }
        if (role == ContactRole.Operations247)
        {
            // a desk that is not staffed around the clock is a backup contact, not a 24/7 one: escalations rely on it answering
            errors.Add(at, "an OPERATIONS_24_7 contact is staffed around the clock: set around_the_clock, or leave the hours out");
            return;
        }
        if (!IsTimeZone(hours.TimeZone))
        {
            errors.Add($"{at}.time_zone", hours.TimeZone is null
                ? "is required unless around_the_clock is set"
                : $"{Quoted.Value(hours.TimeZone)} is not an IANA time zone (Area/Location), UTC or UTC+HH:MM / UTC-HH:MM up to 14:00");
        }
        if (hours.Weekly.Count == 0)
        {
            errors.Add($"{at}.weekly", "at least one period is required unless around_the_clock is set");
        }
        else if (hours.Weekly.Count > MaxWeeklyPeriods)
        {
            errors.Add($"{at}.weekly", $"has {hours.Weekly.Count} periods; at most {MaxWeeklyPeriods} allowed");
        }
        for (var i = 0; i < Math.Min(hours.Weekly.Count, MaxWeeklyPeriods); i++)
        {
            ValidatePeriod($"{at}.weekly[{i}]", hours.Weekly[i], errors);
        }
    }

    private static void ValidatePeriod(string at, WeeklyPeriod period, ValidationErrors errors)
    {
        errors.KnownEnum($"{at}.first_day", period.FirstDay);
        errors.KnownEnum($"{at}.last_day", period.LastDay);
        if (Enum.IsDefined(period.FirstDay) && Enum.IsDefined(period.LastDay) && period.LastDay < period.FirstDay)
        {
            errors.Add($"{at}.last_day", $"{period.LastDay} is before {period.FirstDay} (the week runs Monday to Sunday: split a period over the weekend in two)");
        }
        var opens = Minutes($"{at}.opens", period.Opens, allowEndOfDay: false, errors);
        var closes = Minutes($"{at}.closes", period.Closes, allowEndOfDay: true, errors);
        if (opens is not null && closes is not null && closes <= opens)
        {
            errors.Add($"{at}.closes", $"{period.Closes} is not after opens {period.Opens} (a period ends by 24:00: split a night shift in two)");
        }
    }

    private static int? Minutes(string field, string? value, bool allowEndOfDay, ValidationErrors errors)
    {
        if (value is null)
        {
            errors.Add(field, "is required (HH:MM)");
            return null;
        }
        if (allowEndOfDay && value == "24:00")
        {
            return 24 * 60;
        }
        var match = ClockTimePattern().Match(value);
        if (!match.Success)
        {
            errors.Add(field, $"{Quoted.Value(value)} is not a time HH:MM from 00:00 to 23:59{(allowEndOfDay ? " (or 24:00)" : "")}");
            return null;
        }
        return int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture) * 60 + int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture);
    }

    private static bool IsTimeZone(string? value)
    {
        if (value is null)
        {
            return false;
        }
        if (value == "UTC")
        {
            return true;
        }
        if (UtcOffsetPattern().Match(value) is { Success: true } offset)
        {
            var minutes = int.Parse(offset.Groups[1].ValueSpan, CultureInfo.InvariantCulture) * 60 + int.Parse(offset.Groups[2].ValueSpan, CultureInfo.InvariantCulture);
            return minutes <= 14 * 60;
        }
        // the pattern keeps anything but a zone name (paths, Windows ids) away from the system's zone lookup
        return IanaZonePattern().IsMatch(value) && TimeZoneInfo.TryFindSystemTimeZoneById(value, out _);
    }

    [GeneratedRegex(@"^([01][0-9]|2[0-3]):([0-5][0-9])\z")]
    private static partial Regex ClockTimePattern();

    [GeneratedRegex(@"^UTC[+-]([01][0-9]):([0-5][0-9])\z")]
    private static partial Regex UtcOffsetPattern();

    [GeneratedRegex(@"^[A-Z][A-Za-z_]+(/[A-Za-z0-9_+\-]+){1,2}\z")]
    private static partial Regex IanaZonePattern();
}

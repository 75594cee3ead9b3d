namespace NotificationExchange.Ccsds.Syntax;

/// <summary>Parsing and checking of keyword values: numbers with units, integers, dates, and values from a closed set.</summary>
internal static class Values
{
    public static Field<T> TextField<T>(string keyword, Func<T, string?> get, Action<T, string> set, bool mandatory, string? sinceVersion) => new()
    {
        Keyword = keyword,
        Mandatory = mandatory,
        SinceVersion = sinceVersion,
        // a text value ending in [...] is text, not a unit: it is read as written, brackets included
        IsEmpty = entry => entry.Raw.Length == 0,
        // a units attribute on a text element is a unit all the same, and text has none
        Parse = (entry, context) => !entry.UnitIsAttribute || CheckUnit(entry, null, context) ? entry.Raw : null,
        Set = (model, value) => set(model, (string)value),
        Get = model => get(model),
        Format = value => (string)value,
    };

    public static Field<T> NumberField<T>(string keyword, string? unit, Func<T, double?> get, Action<T, double> set, bool mandatory,
        Func<double, string?>? check, string? sinceVersion) =>
        NumericField(keyword, unit, get, set, mandatory, check, sinceVersion, "a number",
            text => (CcsdsNumbers.TryParseDouble(text, out var value), value), CcsdsNumbers.Format);

    public static Field<T> IntegerField<T>(string keyword, Func<T, long?> get, Action<T, long> set, bool mandatory,
        Func<long, string?>? check, string? sinceVersion) =>
        NumericField(keyword, null, get, set, mandatory, check, sinceVersion, "an integer",
            text => (CcsdsNumbers.TryParseInteger(text, out var value), value), CcsdsNumbers.Format);

    /// <summary>
    /// A number of the kind <paramref name="parse"/> reads (named by <paramref name="kindName"/> in its error): the unit
    /// is checked, then the value, then <paramref name="check"/>; every problem found is reported.
    /// </summary>
    private static Field<T> NumericField<T, TValue>(string keyword, string? unit, Func<T, TValue?> get, Action<T, TValue> set, bool mandatory,
        Func<TValue, string?>? check, string? sinceVersion, string kindName, Func<string, (bool Parsed, TValue Value)> parse,
        Func<TValue, string> format) where TValue : struct => new()
        {
            Keyword = keyword,
            Mandatory = mandatory,
            Unit = unit,
            SinceVersion = sinceVersion,
            Parse = (entry, context) =>
            {
                var unitOk = CheckUnit(entry, unit, context);
                var (parsed, number) = parse(entry.Value);
                if (!parsed)
                {
                    context.Error(CcsdsErrorKind.UnparsableNumber, entry.Location, entry.Keyword, $"'{entry.Value}' is not {kindName}");
                    return null;
                }
                if (check?.Invoke(number) is { } problem)
                {
                    context.Error(CcsdsErrorKind.InvalidValue, entry.Location, entry.Keyword, $"{entry.Value} {problem}");
                    return null;
                }
                return unitOk ? number : null;
            },
            Set = (model, value) => set(model, (TValue)value),
            Get = model => get(model),
            Format = value => format((TValue)value),
        };

    public static Field<T> TimeField<T>(string keyword, Func<T, CcsdsTime?> get, Action<T, CcsdsTime> set, bool mandatory,
        bool allowRelative, string? sinceVersion, bool announcedLeapSecond = false) => new()
        {
            Keyword = keyword,
            Mandatory = mandatory,
            SinceVersion = sinceVersion,
            Parse = (entry, context) => ParseTime(entry.Value, allowRelative, entry.Location, entry.Keyword, context, announcedLeapSecond),
            Set = (model, value) => set(model, (CcsdsTime)value),
            Get = model => get(model),
            Format = value => ((CcsdsTime)value).ToString(),
        };

    /// <summary>A text value checked by <paramref name="problem"/>, which gives the error kind and message when the value is wrong.</summary>
    public static Field<T> ChoiceField<T>(string keyword, Func<T, string?> get, Action<T, string> set, bool mandatory,
        Func<string, (CcsdsErrorKind Kind, string Message)?> problem) => new()
        {
            Keyword = keyword,
            Mandatory = mandatory,
            Parse = (entry, context) =>
            {
                if (problem(entry.Value) is { } error)
                {
                    context.Error(error.Kind, entry.Location, entry.Keyword, error.Message);
                    return null;
                }
                return entry.Value;
            },
            Set = (model, value) => set(model, (string)value),
            Get = model => get(model),
            Format = value => (string)value,
        };

    /// <summary>"1 value", "6 values": a count with its noun, for error messages.</summary>
    public static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    public static CcsdsTime? ParseTime(string text, bool allowRelative, SourceLocation location, string? keyword, ReadContext context,
        bool announcedLeapSecond = false)
    {
        if (CcsdsTime.TryParse(text, allowRelative, announcedLeapSecond, out var time, out var kind, out var message))
        {
            return !time.IsRelative || CheckRelative(time.RelativeSeconds, location, keyword, context) ? time : null;
        }
        context.Error(kind, location, keyword, message);
        return null;
    }

    /// <summary>
    /// Relative seconds that, counted from the reference epoch (when one has been read), name a date a CCSDS time can
    /// (0000-01-01 to 9999-12-31); an impossible date otherwise.
    /// </summary>
    public static bool CheckRelative(double seconds, SourceLocation location, string? keyword, ReadContext context)
    {
        if (context.ReferenceEpoch is not { } epoch || CcsdsTime.Relative(seconds).TryResolve(epoch, out _))
        {
            return true;
        }
        context.Error(CcsdsErrorKind.ImpossibleDate, location, keyword,
            $"{CcsdsNumbers.Format(seconds)} s after EPOCH_TZERO {epoch} is outside the years 0000 to 9999");
        return false;
    }

    /// <summary>
    /// A unit given in a file must be the one the standard gives (ignoring case and blanks; "n/a" for none; an empty one
    /// is no unit). A different unit, even of the same dimension, is refused: the standard fixes the units, and nothing
    /// is converted.
    /// </summary>
    public static bool CheckUnit(Entry entry, string? expected, ReadContext context)
    {
        // an empty unit ("[]", units="") gives no unit, like none at all
        if (string.IsNullOrWhiteSpace(entry.Unit) || UnitsMatch(entry.Unit, expected))
        {
            return true;
        }
        context.Error(CcsdsErrorKind.IncompatibleUnit, entry.Location, entry.Keyword,
            expected is null ? $"[{entry.Unit}] given where {entry.Keyword} has no unit" : $"[{entry.Unit}] is not compatible with [{expected}]");
        return false;
    }

    public static bool UnitsMatch(string given, string? expected)
    {
        var normalizedGiven = Normalize(given);
        return expected is null
            ? normalizedGiven is "" or "n/a"
            : normalizedGiven == Normalize(expected);
    }

    private static string Normalize(string unit) =>
        string.Concat(unit.Where(c => !char.IsWhiteSpace(c))).Replace("^", "**", StringComparison.Ordinal).ToLowerInvariant();
}

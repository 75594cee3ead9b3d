using System.Globalization;

namespace NotificationExchange.Orbits.Elements;

/// <summary>What is wrong with a TLE: which of its lines (1 or 2), which columns (1-based, inclusive) and why.</summary>
public sealed record TleError(int Line, int FirstColumn, int LastColumn, string Reason)
{
    public override string ToString() =>
        FirstColumn == LastColumn
            ? $"line {Line}, column {FirstColumn}: {Reason}"
            : $"line {Line}, columns {FirstColumn}-{LastColumn}: {Reason}";
}

public sealed class TleFormatException(TleError error) : FormatException(error.ToString())
{
    public TleError Error { get; } = error;
}

/// <summary>
/// Reads two-line element sets exactly as the field writes them: fixed columns, checksums, catalogue numbers with or
/// without leading zeros and in Alpha-5 form, explicit '+' signs, blank international designators, and the
/// implied-decimal exponent fields.
/// </summary>
public static class TleParser
{
    public const int LineLength = 69;

    /// <summary>Parses a TLE, throwing <see cref="TleFormatException"/> on the first problem.</summary>
    public static TwoLineElementSet Parse(string line1, string line2, string? name = null, bool verifyChecksums = true) =>
        TryParse(line1, line2, out var tle, out var error, name, verifyChecksums) ? tle! : throw new TleFormatException(error!);

    public static bool TryParse(
        string line1, string line2, out TwoLineElementSet? tle, out TleError? error, string? name = null, bool verifyChecksums = true)
    {
        tle = null;
        try
        {
            tle = ParseOrThrow(line1.TrimEnd(), line2.TrimEnd(), name, verifyChecksums);
            error = null;
            return true;
        }
        catch (TleFormatException e)
        {
            error = e.Error;
            return false;
        }
    }

    /// <summary>The TLE checksum of a line: the sum of its digits in columns 1-68, each '-' counting one, modulo 10.</summary>
    public static int Checksum(ReadOnlySpan<char> line)
    {
        var sum = 0;
        foreach (var c in line[..Math.Min(LineLength - 1, line.Length)])
        {
            if (c is >= '0' and <= '9')
            {
                sum += c - '0';
            }
            else if (c == '-')
            {
                sum += 1;
            }
        }
        return sum % 10;
    }

    /// <summary>Decodes a catalogue number field: digits with or without leading zeros, or Alpha-5 (A0000-Z9999, no I or O).</summary>
    public static bool TryDecodeCatalogNumber(ReadOnlySpan<char> field, out int number)
    {
        number = 0;
        var text = field.Trim();
        if (text.IsEmpty || text.Length > 5)
        {
            return false;
        }
        if (char.IsAsciiLetterUpper(text[0]))
        {
            if (text.Length != 5 || text[0] is 'I' or 'O' || !AllDigits(text[1..]))
            {
                return false;
            }
            var letter = text[0];
            var letterValue = letter - 'A' + 10 - (letter > 'I' ? 1 : 0) - (letter > 'O' ? 1 : 0);
            number = letterValue * 10000 + int.Parse(text[1..], CultureInfo.InvariantCulture);
            return true;
        }
        if (!AllDigits(text))
        {
            return false;
        }
        number = int.Parse(text, CultureInfo.InvariantCulture);
        return number > 0;
    }

    /// <summary>Encodes a catalogue number the way a TLE carries it: five digits, or Alpha-5 from 100000 up.</summary>
    public static string EncodeCatalogNumber(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 339_999);
        if (number < 100_000)
        {
            return number.ToString("D5", CultureInfo.InvariantCulture);
        }
        var letterValue = number / 10000;
        var letter = (char)('A' + letterValue - 10);
        if (letter >= 'I')
        {
            letter++;
        }
        if (letter >= 'O')
        {
            letter++;
        }
        return letter + (number % 10000).ToString("D4", CultureInfo.InvariantCulture);
    }

    private static TwoLineElementSet ParseOrThrow(string line1, string line2, string? name, bool verifyChecksums)
    {
        CheckShape(line1, 1, verifyChecksums);
        CheckShape(line2, 2, verifyChecksums);

        var catalogNumber = CatalogNumber(line1, 1);
        var catalogNumber2 = CatalogNumber(line2, 2);
        if (catalogNumber2 != catalogNumber)
        {
            throw Error(2, 3, 7, $"catalogue number {catalogNumber2} differs from line 1's {catalogNumber}");
        }

        var classification = line1[7];
        if (classification is not ('U' or 'C' or 'S'))
        {
            throw Error(1, 8, 8, $"classification '{classification}' is not U, C or S");
        }

        var epochYear2 = Int(line1, 1, 19, 20, "epoch year");
        var epochYear = epochYear2 < 57 ? 2000 + epochYear2 : 1900 + epochYear2;
        var epochDay = Real(line1, 1, 21, 32, "epoch day of year");
        var daysInYear = DateTime.IsLeapYear(epochYear) ? 366 : 365;
        if (epochDay < 1.0 || epochDay >= daysInYear + 1)
        {
            throw Error(1, 21, 32, $"epoch day of year {epochDay} is outside 1 to {daysInYear + 1} (exclusive) for {epochYear}");
        }

        var tle = new TwoLineElementSet
        {
            Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim(),
            CatalogNumber = catalogNumber,
            Classification = classification,
            InternationalDesignator = InternationalDesignator(line1),
            EpochYear = epochYear,
            EpochDayOfYear = epochDay,
            MeanMotionDot = Real(line1, 1, 34, 43, "first derivative of mean motion"),
            MeanMotionDdot = ImpliedDecimal(line1, 1, 45, 52, "second derivative of mean motion"),
            BStar = ImpliedDecimal(line1, 1, 54, 61, "BSTAR drag term"),
            EphemerisType = IntOrZero(line1, 1, 63, 63, "ephemeris type"),
            ElementSetNumber = IntOrZero(line1, 1, 65, 68, "element set number"),
            InclinationDeg = Angle(line2, 9, 16, "inclination", 180.0),
            RaanDeg = Angle(line2, 18, 25, "right ascension of the ascending node", 360.0),
            Eccentricity = Eccentricity(line2),
            ArgOfPerigeeDeg = Angle(line2, 35, 42, "argument of perigee", 360.0),
            MeanAnomalyDeg = Angle(line2, 44, 51, "mean anomaly", 360.0),
            MeanMotionRevPerDay = Real(line2, 2, 53, 63, "mean motion"),
            RevolutionNumber = IntOrZero(line2, 2, 64, 68, "revolution number"),
            Line1 = line1,
            Line2 = line2,
        };
        if (tle.MeanMotionRevPerDay <= 0.0)
        {
            throw Error(2, 53, 63, $"mean motion {tle.MeanMotionRevPerDay} rev/day is not positive");
        }
        return tle;
    }

    private static void CheckShape(string line, int lineNumber, bool verifyChecksum)
    {
        if (line.Length != LineLength)
        {
            throw line.Length < LineLength
                ? Error(lineNumber, line.Length + 1, LineLength, $"line is {line.Length} characters long; a TLE line has {LineLength}")
                : Error(lineNumber, LineLength + 1, line.Length, $"line is {line.Length} characters long; a TLE line has {LineLength}");
        }
        if (line[0] - '0' != lineNumber)
        {
            throw Error(lineNumber, 1, 1, $"line number '{line[0]}' should be {lineNumber}");
        }
        foreach (var column in lineNumber == 1 ? _line1Blanks : _line2Blanks)
        {
            if (line[column - 1] != ' ')
            {
                throw Error(lineNumber, column, column, $"expected a blank, found '{line[column - 1]}'");
            }
        }
        if (!char.IsAsciiDigit(line[LineLength - 1]))
        {
            throw Error(lineNumber, LineLength, LineLength, $"checksum '{line[LineLength - 1]}' is not a digit");
        }
        var expected = Checksum(line);
        if (verifyChecksum && line[LineLength - 1] - '0' != expected)
        {
            throw Error(lineNumber, LineLength, LineLength, $"checksum is {line[LineLength - 1]} but the line sums to {expected}");
        }
    }

    private static readonly int[] _line1Blanks = [2, 9, 18, 33, 44, 53, 62, 64];
    private static readonly int[] _line2Blanks = [2, 8, 17, 26, 34, 43, 52];

    private static int CatalogNumber(string line, int lineNumber) =>
        TryDecodeCatalogNumber(Field(line, 3, 7), out var number)
            ? number
            : throw Error(lineNumber, 3, 7, $"catalogue number '{Field(line, 3, 7).ToString().Trim()}' is neither 1-99999 nor Alpha-5 (A0000-Z9999)");

    private static string? InternationalDesignator(string line)
    {
        var field = Field(line, 10, 17);
        if (field.IsWhiteSpace())
        {
            return null;
        }
        var year = field[..2];
        var launch = field[2..5];
        var piece = field[5..].TrimEnd();
        // analyst objects may carry the launch without a piece ("70025   ")
        if (!AllDigits(year) || !AllDigits(launch) || piece.Length > 3 || !AllUpperLetters(piece))
        {
            throw Error(1, 10, 17, $"international designator '{field.ToString().Trim()}' is not YYNNNP{{PP}}");
        }
        var twoDigitYear = int.Parse(year, CultureInfo.InvariantCulture);
        var fullYear = twoDigitYear < 57 ? 2000 + twoDigitYear : 1900 + twoDigitYear;
        return $"{fullYear}-{launch}{piece}";
    }

    private static double Eccentricity(string line)
    {
        var field = Field(line, 27, 33);
        if (!AllDigits(field.Trim()) || field.Trim().IsEmpty)
        {
            throw Error(2, 27, 33, $"eccentricity '{field}' is not seven digits (decimal point implied)");
        }
        return double.Parse("0." + field.ToString().Replace(' ', '0'), CultureInfo.InvariantCulture);
    }

    private static double Angle(string line, int first, int last, string what, double max)
    {
        var value = Real(line, 2, first, last, what);
        return value < 0.0 || value > max ? throw Error(2, first, last, $"{what} {value} is outside 0 to {max} degrees") : value;
    }

    private static double Real(string line, int lineNumber, int first, int last, string what)
    {
        var text = Field(line, first, last).Trim();
        return double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(lineNumber, first, last, $"{what} '{text}' is not a number");
    }

    private static int Int(string line, int lineNumber, int first, int last, string what)
    {
        var text = Field(line, first, last).Trim();
        return AllDigits(text) && !text.IsEmpty
            ? int.Parse(text, CultureInfo.InvariantCulture)
            : throw Error(lineNumber, first, last, $"{what} '{text}' is not a whole number");
    }

    private static int IntOrZero(string line, int lineNumber, int first, int last, string what) =>
        Field(line, first, last).IsWhiteSpace() ? 0 : Int(line, lineNumber, first, last, what);

    /// <summary>
    /// Fields such as " 12345-3" (±.12345e-3): a sign (blank, '+' or '-'), five mantissa digits after an implied
    /// decimal point, and a signed one-digit exponent.
    /// </summary>
    private static double ImpliedDecimal(string line, int lineNumber, int first, int last, string what)
    {
        var field = Field(line, first, last);
        var sign = field[0];
        var mantissa = field[1..6].TrimStart();
        var exponentSign = field[6];
        var exponent = field[7];
        if (sign is not (' ' or '+' or '-') || mantissa.IsEmpty || !AllDigits(mantissa)
            || exponentSign is not ('+' or '-' or ' ') || !char.IsAsciiDigit(exponent))
        {
            throw Error(lineNumber, first, last, $"{what} '{field}' is not of the form ±NNNNN±E (decimal point implied)");
        }
        var digits = int.Parse(mantissa, CultureInfo.InvariantCulture);
        var value = digits * 1e-5 * Math.Pow(10.0, (exponentSign == '-' ? -1 : 1) * (exponent - '0'));
        return sign == '-' ? -value : value;
    }

    private static ReadOnlySpan<char> Field(string line, int first, int last) => line.AsSpan(first - 1, last - first + 1);

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }

    private static bool AllUpperLetters(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }
        return true;
    }

    private static TleFormatException Error(int line, int first, int last, string reason) => new(new TleError(line, first, last, reason));
}

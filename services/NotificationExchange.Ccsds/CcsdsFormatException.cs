namespace NotificationExchange.Ccsds;

/// <summary>A message that could not be read (or written), with every error found in it.</summary>
public sealed class CcsdsFormatException : FormatException
{
    public CcsdsFormatException(IReadOnlyList<CcsdsError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<CcsdsError> Errors { get; }

    private static string Describe(IReadOnlyList<CcsdsError> errors)
    {
        const int Shown = 20;
        var lines = errors.Take(Shown).Select(error => "  " + error);
        var more = errors.Count > Shown ? $"{Environment.NewLine}  ... and {errors.Count - Shown} more" : "";
        return $"{errors.Count} error(s) in CCSDS message:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}{more}";
    }
}

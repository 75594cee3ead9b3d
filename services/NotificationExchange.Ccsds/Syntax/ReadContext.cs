namespace NotificationExchange.Ccsds.Syntax;

/// <summary>What a read is doing: the errors found so far, the options, and the message's declared version.</summary>
internal sealed class ReadContext(CcsdsReadOptions options)
{
    public List<CcsdsError> Errors { get; } = [];

    public CcsdsReadOptions Options { get; } = options;

    public string Version { get; set; } = "";

    /// <summary>
    /// The epoch relative times count from (OCM EPOCH_TZERO) once it is read: a relative time is then checked to fall
    /// within the years 0000 to 9999 when counted from it.
    /// </summary>
    public CcsdsTime? ReferenceEpoch { get; set; }

    public bool HasErrors => Errors.Count > 0;

    public void Error(CcsdsErrorKind kind, SourceLocation location, string? keyword, string message) =>
        Errors.Add(new CcsdsError(kind, location, keyword, message));

    public void ThrowIfErrors()
    {
        if (Errors.Count > 0)
        {
            throw new CcsdsFormatException([.. Errors.OrderBy(error => error.Line ?? int.MaxValue)]);
        }
    }
}

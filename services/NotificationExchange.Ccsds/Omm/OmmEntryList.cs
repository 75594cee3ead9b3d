using NotificationExchange.Ccsds.Syntax;

namespace NotificationExchange.Ccsds.Omm;

/// <summary>
/// The entries of a file as they are read: between <see cref="Begin"/> and <see cref="End"/> every error the context
/// gains belongs to the entry; the errors outside any entry are the file's own.
/// </summary>
internal sealed class OmmEntryList(ReadContext context)
{
    private readonly List<OmmEntry> _entries = [];
    private readonly List<(int From, int To)> _claimed = [];
    private SourceLocation _location;
    private int _errorsBefore = -1;
    private Dictionary<string, string> _gpFields = [];

    public IReadOnlyList<OmmEntry> Entries => _entries;

    /// <summary>The GP fields that are not OMM keywords, of the entry being read.</summary>
    public Dictionary<string, string> GpFields => _gpFields;

    public void Begin(SourceLocation location)
    {
        if (_errorsBefore >= 0)
        {
            throw new InvalidOperationException("an entry was begun before the previous one ended");
        }
        _location = location;
        _errorsBefore = context.Errors.Count;
        _gpFields = [];
    }

    /// <summary>Ends the entry begun last: it keeps <paramref name="message"/> only if reading it reported no error.</summary>
    public void End(OmmMessage? message)
    {
        if (_errorsBefore < 0)
        {
            throw new InvalidOperationException("an entry was ended without being begun");
        }
        var errors = context.Errors.Skip(_errorsBefore).ToList();
        if (errors.Count == 0 && message is null)
        {
            throw new InvalidOperationException($"the entry at {_location} gave no message and reported no error");
        }
        _claimed.Add((_errorsBefore, context.Errors.Count));
        _entries.Add(new OmmEntry(_entries.Count, _location, errors.Count == 0 ? message : null, errors, _gpFields));
        _errorsBefore = -1;
    }

    /// <summary>The errors reported outside every entry.</summary>
    public IReadOnlyList<CcsdsError> FileErrors() =>
        [.. context.Errors.Where((_, index) => !_claimed.Any(range => index >= range.From && index < range.To))];
}

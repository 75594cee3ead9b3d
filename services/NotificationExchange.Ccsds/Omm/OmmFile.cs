namespace NotificationExchange.Ccsds.Omm;

/// <summary>
/// A file of OMMs read entry by entry (<see cref="OmmReader.ReadEntries"/>): its form, its entries in file order, and
/// the errors that belong to no entry (XML or JSON that does not parse, a wrong root element, a KVN text that does not
/// start with CCSDS_OMM_VERS, a CSV quote left open), which stop the reading of what follows them.
/// </summary>
public sealed record OmmFile(OmmFormat Format, IReadOnlyList<OmmEntry> Entries, IReadOnlyList<CcsdsError> Errors)
{
    /// <summary>The messages of the entries that read without error, in file order.</summary>
    public IEnumerable<OmmMessage> Messages => Entries.Where(entry => entry.Message is not null).Select(entry => entry.Message!);

    /// <summary>Every error: the file's own, then each entry's.</summary>
    public IEnumerable<CcsdsError> AllErrors => Errors.Concat(Entries.SelectMany(entry => entry.Errors));
}

namespace NotificationExchange.Ccsds.Omm;

/// <summary>
/// One entry of a file of OMMs (a KVN message, an &lt;omm&gt; element, a JSON record, a CSV row): its message when it
/// read without error, else every error found in it. An entry's errors never hold back the others.
/// </summary>
/// <param name="Index">The entry's position among the file's entries, from 0 (for JSON, its index in the array).</param>
/// <param name="Location">
/// Where the entry starts: KVN its version line, CSV its row's line, XML the &lt;omm&gt; element (line and path, such as
/// /ndm/omm[2]), JSON the record's path ($[3]).
/// </param>
/// <param name="Message">The message, or null when <paramref name="Errors"/> is not empty (never one half read).</param>
/// <param name="Errors">Every error found in the entry, each at its own line or path and keyword.</param>
/// <param name="GpFields">
/// The fields of a GP record (JSON or CSV) that are not OMM keywords, as written (OBJECT_TYPE, RCS_SIZE, TLE_LINE1,
/// ...); empty for KVN and XML, whose extra data are user-defined parameters of the message.
/// </param>
public sealed record OmmEntry(
    int Index,
    SourceLocation Location,
    OmmMessage? Message,
    IReadOnlyList<CcsdsError> Errors,
    IReadOnlyDictionary<string, string> GpFields);

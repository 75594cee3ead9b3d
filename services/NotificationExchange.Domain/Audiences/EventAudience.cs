using System.Collections.Frozen;

namespace NotificationExchange.Domain.Audiences;

/// <summary>
/// Who may see an entry of the log, and what it is about. This is the one check every read path makes, whatever it
/// reads (replay, the live feed on every instance, point reads, listings, transcripts): to an organisation it does not
/// admit, an entry does not exist. Notifications are public for now; a consultation's events are its parties' only.
/// </summary>
public sealed class EventAudience
{
    private readonly FrozenSet<string>? _parties;

    private EventAudience(IReadOnlyList<string>? parties)
    {
        Parties = parties;
        _parties = parties?.ToFrozenSet(StringComparer.Ordinal);
    }

    public static EventAudience Public { get; } = new(null);

    /// <summary>Only these organisations; null when the audience is public.</summary>
    public IReadOnlyList<string>? Parties { get; }

    public bool IsPublic => _parties is null;

    public static EventAudience Of(IEnumerable<string> parties) => new(parties.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray());

    /// <summary>Whether the organisation may see the entry (learn that it exists, read it, receive it).</summary>
    public bool Admits(string organizationId) => _parties is null || _parties.Contains(organizationId);
}

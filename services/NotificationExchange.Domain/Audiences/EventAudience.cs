using System.Collections.Frozen;

namespace NotificationExchange.Domain.Audiences;

/// <summary>
/// Who may see an entry of the log, and what it is about. This is the one check every read path makes, whatever it
/// reads (replay, the live feed on every instance, point reads, listings, transcripts): to a caller it does not admit,
/// an entry does not exist. Three forms: public (anyone, also a caller without credentials), registered (every
/// authenticated organisation), or a set of parties (a consultation's, a direct line's, an alert's, a restricted
/// notification's: the filer and the organisations it named).
/// </summary>
public sealed class EventAudience
{
    private readonly FrozenSet<string>? _parties;

    private EventAudience(IReadOnlyList<string>? parties, bool registered)
    {
        Parties = parties;
        IsRegistered = registered;
        _parties = parties?.ToFrozenSet(StringComparer.Ordinal);
    }

    public static EventAudience Public { get; } = new(null, registered: false);

    /// <summary>Every authenticated organisation, nobody without credentials.</summary>
    public static EventAudience Registered { get; } = new(null, registered: true);

    /// <summary>Only these organisations; null when the audience is public or registered.</summary>
    public IReadOnlyList<string>? Parties { get; }

    public bool IsPublic => _parties is null && !IsRegistered;

    public bool IsRegistered { get; }

    public static EventAudience Of(IEnumerable<string> parties) => new(parties.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(), registered: false);

    /// <summary>
    /// Whether the caller may see the entry (learn that it exists, read it, receive it). <paramref name="organizationId"/>
    /// is the authenticated organisation, null for a caller without credentials, which sees public entries only.
    /// </summary>
    public bool Admits(string? organizationId) => organizationId is null ? IsPublic : _parties is null || _parties.Contains(organizationId);

    /// <summary>Whether every caller <paramref name="other"/> admits is admitted here too.</summary>
    public bool Covers(EventAudience other) =>
        IsPublic
        || (IsRegistered && !other.IsPublic)
        || (_parties is not null && other._parties is not null && other._parties.IsSubsetOf(_parties));

    /// <summary>Who <paramref name="other"/> admits and this does not, in words (for a refusal); null when none.</summary>
    public string? WhoIsLeftOut(EventAudience other)
    {
        if (Covers(other))
        {
            return null;
        }
        if (other.IsPublic)
        {
            return IsRegistered ? "readers without an API key" : "readers without an API key and every organisation not named";
        }
        if (other.IsRegistered)
        {
            return "every organisation not named";
        }
        return "organisations " + string.Join(", ", other._parties!.Except(_parties!).Order(StringComparer.Ordinal));
    }

    public override string ToString() => IsPublic ? "public" : IsRegistered ? "registered" : $"parties {string.Join(", ", Parties!)}";
}

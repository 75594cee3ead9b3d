namespace NotificationExchange.Domain.Audiences;

/// <summary>
/// A notification's audience as its filer asked for it: a scope and, for NAMED and BILATERAL, the organisations
/// (directory ids, distinct, in ordinal order; empty for PUBLIC and REGISTERED). Who that admits is
/// <see cref="For"/>'s to say: the filer always.
/// </summary>
public sealed record NotificationAudience(AudienceScope Scope, IReadOnlyList<string> Organizations)
{
    public const int MaxOrganizations = 50;

    public static NotificationAudience Public { get; } = new(AudienceScope.Public, []);

    /// <summary>The audience of a notification filed by <paramref name="filer"/>.</summary>
    public EventAudience For(string filer) => Scope switch
    {
        AudienceScope.Public => EventAudience.Public,
        AudienceScope.Registered => EventAudience.Registered,
        _ => EventAudience.Of([filer, .. Organizations]),
    };

    public bool Equals(NotificationAudience? other) =>
        other is not null && Scope == other.Scope && Organizations.SequenceEqual(other.Organizations, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Scope, Organizations.Count);

    public override string ToString() => Organizations.Count == 0 ? Scope.ToString() : $"{Scope} {string.Join(", ", Organizations)}";
}

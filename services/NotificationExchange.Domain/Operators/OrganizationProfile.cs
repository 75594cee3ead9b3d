using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Domain.Operators;

/// <summary>
/// What an organisation says of itself in the directory. Everything here is public: keys and the administrator flag
/// belong to the account, not to the profile. Equal when the same contact points are in the same order.
/// </summary>
public sealed record OrganizationProfile(string DisplayName, OrganizationKind Kind, string? Country, IReadOnlyList<ContactPoint> Contacts)
{
    public ContactPoint? Primary => Contacts.FirstOrDefault(c => c.Role == ContactRole.Primary);

    /// <summary>The primary contact point as a notice's point of contact, named after the organisation.</summary>
    public PointOfContact? PrimaryAsPointOfContact() =>
        Primary is { } primary ? new PointOfContact(primary.Name, DisplayName, primary.Email, primary.Phone) : null;

    /// <summary>The form the directory keeps: the display name trimmed, the contact points in role order.</summary>
    public OrganizationProfile Normalized() =>
        this with { DisplayName = DisplayName.Trim(), Contacts = [.. Contacts.OrderBy(c => c.Role)] };

    public bool Equals(OrganizationProfile? other) =>
        other is not null && DisplayName == other.DisplayName && Kind == other.Kind && Country == other.Country && Contacts.SequenceEqual(other.Contacts);

    public override int GetHashCode() => HashCode.Combine(DisplayName, Kind, Country, Contacts.Count);
}

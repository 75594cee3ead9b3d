using Google.Protobuf.WellKnownTypes;
using NotificationExchange.Domain.Operators;
using P = NotificationExchange.Protocol.V1;

namespace NotificationExchange.Api.Mapping;

/// <summary>
/// Operator accounts and directory entries between the wire and the domain, field by field; nothing is checked here
/// (<see cref="OrganizationProfileValidation"/> and <see cref="OperatorAccountValidation"/> do).
/// </summary>
internal static class OperatorMapping
{
    public static P.Operator ToProto(this OperatorAccount account) => new()
    {
        Id = account.Id,
        DisplayName = account.DisplayName,
        Contact = account.Profile.PrimaryAsPointOfContact()?.ToProto(),
        Administrator = account.IsAdministrator,
        CreatedAt = Timestamp.FromDateTime(account.CreatedAt),
        Kind = (P.OrganizationKind)account.Profile.Kind,
        Country = account.Profile.Country ?? "",
        Contacts = { account.Profile.Contacts.Select(ToProto) },
        UpdatedAt = Timestamp.FromDateTime(account.UpdatedAt),
    };

    /// <summary>The public part of an account: never its key or its administrator flag.</summary>
    public static P.DirectoryEntry ToDirectoryEntry(this OperatorAccount account) => new()
    {
        OrganizationId = account.Id,
        DisplayName = account.DisplayName,
        Kind = (P.OrganizationKind)account.Profile.Kind,
        Country = account.Profile.Country ?? "",
        Contacts = { account.Profile.Contacts.Select(ToProto) },
        UpdatedAt = Timestamp.FromDateTime(account.UpdatedAt),
    };

    public static OrganizationProfile ToProfile(this P.CreateOperatorRequest request) =>
        new(request.DisplayName, (OrganizationKind)request.Kind, WireScalars.Text(request.Country), request.Contacts.Select(ToDomain).ToArray());

    public static OrganizationProfile ToProfile(this P.UpdateProfileRequest request) =>
        new(request.DisplayName, (OrganizationKind)request.Kind, WireScalars.Text(request.Country), request.Contacts.Select(ToDomain).ToArray());

    public static DirectoryListing ToDomain(this P.ListDirectoryRequest request) => new(
        request.Kinds.Select(k => (OrganizationKind)k).ToArray(),
        WireScalars.Text(request.Country),
        request.PageSize == 0 ? null : request.PageSize);

    private static ContactPoint ToDomain(P.ContactPoint contact) => new(
        (ContactRole)contact.Role,
        WireScalars.Text(contact.Name),
        WireScalars.Text(contact.Email),
        WireScalars.Text(contact.Phone),
        contact.Hours is null ? null : new StaffedHours(
            contact.Hours.AroundTheClock,
            WireScalars.Text(contact.Hours.TimeZone),
            contact.Hours.Weekly.Select(w => new WeeklyPeriod((Weekday)w.FirstDay, (Weekday)w.LastDay, WireScalars.Text(w.Opens), WireScalars.Text(w.Closes))).ToArray()));

    public static P.ContactPoint ToProto(this ContactPoint contact) => new()
    {
        Role = (P.ContactRole)contact.Role,
        Name = contact.Name ?? "",
        Email = contact.Email ?? "",
        Phone = contact.Phone ?? "",
        Hours = contact.Hours is null ? null : new P.StaffedHours
        {
            AroundTheClock = contact.Hours.AroundTheClock,
            TimeZone = contact.Hours.TimeZone ?? "",
            Weekly =
            {
                contact.Hours.Weekly.Select(w => new P.WeeklyPeriod
                {
                    FirstDay = (P.Weekday)w.FirstDay, LastDay = (P.Weekday)w.LastDay, Opens = w.Opens ?? "", Closes = w.Closes ?? "",
                }),
            },
        },
    };
}

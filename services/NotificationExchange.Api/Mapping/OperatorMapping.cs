using Google.Protobuf.WellKnownTypes;
using NotificationExchange.Domain.Operators;
using P = NotificationExchange.Protocol.V1;

namespace NotificationExchange.Api.Mapping;

/// <summary>
/// Operator accounts and directory entries between the wire and the domain, field by field; nothing is checked here
/// (<see cref="OrganizationProfileValidation"/> and <see cref="OperatorAccountValidation"/> do). Contact points' webhook
/// URLs are shown to their own organisation only (the "own" mappings); everything shown to others goes through
/// <see cref="ToPublicProto"/>, which leaves them out.
/// </summary>
internal static class OperatorMapping
{
    /// <summary>The whole account as its own organisation sees it (WhoAmI, and the answer to the creator), webhooks included.</summary>
    public static P.Operator ToOwnProto(this OperatorAccount account) => ToProto(account, own: true);

    /// <summary>The whole account but its webhooks, which are its organisation's own business (ListOperators).</summary>
    public static P.Operator ToProto(this OperatorAccount account) => ToProto(account, own: false);

    /// <summary>The public part of an account: never its key, its administrator flag or its webhooks.</summary>
    public static P.DirectoryEntry ToDirectoryEntry(this OperatorAccount account) => ToDirectoryEntry(account, own: false);

    /// <summary>An organisation's entry as the organisation itself sees it (the answer to UpdateProfile), webhooks included.</summary>
    public static P.DirectoryEntry ToOwnDirectoryEntry(this OperatorAccount account) => ToDirectoryEntry(account, own: true);

    /// <summary>A contact point as anyone but its own organisation sees it: without its webhook.</summary>
    public static P.ContactPoint ToPublicProto(this ContactPoint contact) => ToProto(contact.Public());

    private static P.Operator ToProto(OperatorAccount account, bool own) => new()
    {
        Id = account.Id,
        DisplayName = account.DisplayName,
        Contact = account.Profile.PrimaryAsPointOfContact()?.ToProto(),
        Administrator = account.IsAdministrator,
        CreatedAt = Timestamp.FromDateTime(account.CreatedAt),
        Kind = (P.OrganizationKind)account.Profile.Kind,
        Country = account.Profile.Country ?? "",
        Contacts = { account.Profile.Contacts.Select(c => own ? ToProto(c) : c.ToPublicProto()) },
        UpdatedAt = Timestamp.FromDateTime(account.UpdatedAt),
    };

    private static P.DirectoryEntry ToDirectoryEntry(OperatorAccount account, bool own) => new()
    {
        OrganizationId = account.Id,
        DisplayName = account.DisplayName,
        Kind = (P.OrganizationKind)account.Profile.Kind,
        Country = account.Profile.Country ?? "",
        Contacts = { account.Profile.Contacts.Select(c => own ? ToProto(c) : c.ToPublicProto()) },
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
            contact.Hours.Weekly.Select(w => new WeeklyPeriod((Weekday)w.FirstDay, (Weekday)w.LastDay, WireScalars.Text(w.Opens), WireScalars.Text(w.Closes))).ToArray()),
        WireScalars.Text(contact.WebhookUrl));

    /// <summary>A contact point whole, webhook included: only for its own organisation's eyes.</summary>
    private static P.ContactPoint ToProto(ContactPoint contact) => new()
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
        WebhookUrl = contact.WebhookUrl ?? "",
    };
}

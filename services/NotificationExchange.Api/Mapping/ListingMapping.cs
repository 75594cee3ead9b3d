using D = NotificationExchange.Domain.Notifications;
using P = NotificationExchange.Protocol.V1;

namespace NotificationExchange.Api.Mapping;

/// <summary>A listing request to the listing it asks for, checking nothing (<see cref="D.NotificationListing.Validate"/> does).</summary>
internal static class ListingMapping
{
    public static D.NotificationListing ToDomain(this P.ListNotificationsRequest request) => new(
        request.Kinds.Select(k => (D.NotificationKind)k).ToArray(),
        request.NoradCatId == 0 ? null : (int)Math.Min(request.NoradCatId, int.MaxValue),
        WireScalars.Text(request.FilingOperator),
        request.Statuses.Select(s => (D.NotificationStatus)s).ToArray(),
        request.ActiveDuring?.ToDomain(),
        request.PageSize == 0 ? null : request.PageSize);
}

using Google.Protobuf.WellKnownTypes;
using D = NotificationExchange.Domain.Notifications;
using P = NotificationExchange.Protocol.V1;
using R = NotificationExchange.Orbits.Regimes;

namespace NotificationExchange.Api.Mapping;

/// <summary>Notifications as the exchange keeps them, to the wire: what readers, streams and filers are shown.</summary>
internal static class NotificationMapping
{
    public static P.Notification ToProto(this D.Notification notification)
    {
        var proto = new P.Notification
        {
            Id = notification.Id,
            Sequence = (ulong)notification.Sequence,
            FilingOperator = notification.FilingOperator,
            FiledAt = Timestamp.FromDateTime(notification.FiledAt),
            UpdatedAt = Timestamp.FromDateTime(notification.UpdatedAt),
            Version = (uint)notification.Version,
            Status = (P.NotificationStatus)notification.Status,
            Visibility = (P.Visibility)notification.Visibility,
            RelatedNotificationIds = { notification.RelatedNotificationIds },
            Kind = (P.NotificationKind)notification.Kind,
            Execution = notification.Execution?.ToProto(),
            Cancellation = notification.Cancellation is null
                ? null
                : new P.Cancellation { Reason = notification.Cancellation.Reason, CancelledAt = Timestamp.FromDateTime(notification.Cancellation.CancelledAt) },
            Regimes = { notification.Regimes.Select(ToProto) },
            ChangeReason = notification.ChangeReason ?? "",
            Attachments = { notification.Attachments.Select(ToProto) },
            Audience = notification.Audience.ToProto(),
            Embargo = notification.Embargo.ToProto(),
        };
        switch (notification.Content)
        {
            case D.ManeuverNotice maneuver:
                proto.Maneuver = maneuver.ToProto();
                break;
            case D.ProximityOperationNotice rpo:
                proto.ProximityOperation = rpo.ToProto();
                break;
            case D.LaunchNotice launch:
                proto.Launch = launch.ToProto();
                break;
        }
        return proto;
    }

    public static P.OrbitalRegime ToProto(this R.OrbitalRegime regime) => (P.OrbitalRegime)regime;

    public static P.AttachmentInfo ToProto(this D.AttachmentInfo info) => new()
    {
        Role = (P.AttachmentRole)info.Role,
        MediaType = info.MediaType,
        SizeBytes = (ulong)info.SizeBytes,
        Sha256 = info.Sha256,
    };

    public static P.NotificationEventType ToProto(this D.NotificationEventType type) => (P.NotificationEventType)type;
}

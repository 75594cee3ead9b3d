using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Storage.Tests.Contract;

/// <summary>Events as filing appends them, reduced to what the store keeps and indexes; at fixed times, never the clock's.</summary>
public static class LogEvents
{
    public static readonly DateTime Epoch = new(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Appends the next version of a maneuver notification (version 1 when there is none), recorded at
    /// <paramref name="recordedAt"/> or else <see cref="Epoch"/> plus its sequence in seconds.
    /// </summary>
    public static RecordedEvent AppendNext(
        this ILogWriteSession session, string notificationId, string filingOperator = "op-a", int noradCatId = 25544, DateTime? recordedAt = null)
    {
        var previous = session.GetLatest(notificationId);
        var sequence = session.NextSequence;
        var at = recordedAt ?? Epoch.AddSeconds(sequence);
        var first = previous is null;
        var notification = new Notification
        {
            Id = notificationId,
            Sequence = sequence,
            FilingOperator = filingOperator,
            FiledAt = previous?.Notification.FiledAt ?? at,
            UpdatedAt = at,
            Version = first ? 1 : previous!.Notification.Version + 1,
            Status = first ? NotificationStatus.Filed : NotificationStatus.Amended,
            Content = new ManeuverNotice
            {
                Object = new SpaceObjectRef(noradCatId),
                ExecutionWindow = new TimeWindow(Epoch.AddDays(1), Epoch.AddDays(1).AddMinutes(20)),
                Purpose = ManeuverPurpose.CollisionAvoidance,
                PlannedDeltaV = new DeltaV(0.5),
                Remarks = $"sequence {sequence}",
            },
        };
        var recorded = new RecordedEvent(
            sequence, first ? NotificationEventType.Filed : NotificationEventType.Amended, at, notification, MatchKeys.For(notification, previous?.Keys));
        session.Append(recorded);
        return recorded;
    }

    /// <summary>Appends the next version of a notification filed by op-a, with this audience and embargo.</summary>
    public static RecordedEvent AppendShared(this ILogWriteSession session, string notificationId, Domain.Audiences.NotificationAudience audience, Domain.Audiences.Embargo? embargo)
    {
        var previous = session.GetLatest(notificationId);
        var sequence = session.NextSequence;
        var at = Epoch.AddSeconds(sequence);
        var notification = (previous?.Notification ?? Version1(notificationId, sequence, at)) with
        {
            Sequence = sequence,
            UpdatedAt = at,
            Version = (previous?.Notification.Version ?? 0) + 1,
            Audience = audience,
            Embargo = embargo,
        };
        var recorded = new RecordedEvent(sequence, previous is null ? NotificationEventType.Filed : NotificationEventType.Amended, at, notification, MatchKeys.For(notification, previous?.Keys));
        session.Append(recorded);
        return recorded;
    }

    private static Notification Version1(string notificationId, long sequence, DateTime at) => new()
    {
        Id = notificationId,
        Sequence = sequence,
        FilingOperator = "op-a",
        FiledAt = at,
        UpdatedAt = at,
        Version = 1,
        Status = NotificationStatus.Filed,
        Content = new ManeuverNotice
        {
            Object = new SpaceObjectRef(25544),
            ExecutionWindow = new TimeWindow(Epoch.AddDays(1), Epoch.AddDays(1).AddMinutes(20)),
            Purpose = ManeuverPurpose.CollisionAvoidance,
            PlannedDeltaV = new DeltaV(0.5),
        },
    };

    /// <summary>The stored form, for comparing what was written with what reads back (records holding lists compare by reference).</summary>
    public static string Stored(this Notification notification) => NotificationJson.Serialize(notification);
}

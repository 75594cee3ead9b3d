using System.Text.Json.Serialization;
using NotificationExchange.Orbits.Regimes;

namespace NotificationExchange.Domain.Notifications;

/// <summary>A notification at one version: the exchange's envelope around the operator's content.</summary>
public sealed record Notification
{
    public required string Id { get; init; }

    /// <summary>Sequence of the event that made this version.</summary>
    public required long Sequence { get; init; }

    public required string FilingOperator { get; init; }
    public required DateTime FiledAt { get; init; }
    public required DateTime UpdatedAt { get; init; }
    public required int Version { get; init; }
    public required NotificationStatus Status { get; init; }
    public Visibility Visibility { get; init; } = Visibility.Public;
    public IReadOnlyList<string> RelatedNotificationIds { get; init; } = [];
    public required NotificationContent Content { get; init; }
    public ExecutionReport? Execution { get; init; }
    public Cancellation? Cancellation { get; init; }
    public IReadOnlyList<OrbitalRegime> Regimes { get; init; } = [];
    public string? ChangeReason { get; init; }

    /// <summary>Messages kept with this version (its source message, a planned ephemeris).</summary>
    public IReadOnlyList<AttachmentInfo> Attachments { get; init; } = [];

    [JsonIgnore]
    public NotificationKind Kind => Content.Kind;

    /// <summary>Objects the notification concerns at this version, execution report included.</summary>
    public IEnumerable<int> ConcernedObjects() =>
        Content.ConcernedObjects().Concat(Execution?.Details?.ConcernedObjects() ?? []).Distinct();
}

/// <summary>
/// What subscriptions are matched against. It accumulates over a notification's versions, so that every subscriber
/// who received one event of a notification also receives its later amendments, cancellation and execution report.
/// </summary>
public sealed record MatchKeys(
    NotificationKind Kind, string FilingOperator, IReadOnlyList<int> NoradCatIds, IReadOnlyList<OrbitalRegime> Regimes)
{
    public static MatchKeys For(Notification notification, MatchKeys? previous) => new(
        notification.Kind,
        notification.FilingOperator,
        (previous?.NoradCatIds ?? []).Union(notification.ConcernedObjects()).Order().ToArray(),
        (previous?.Regimes ?? []).Union(notification.Regimes).Order().ToArray());
}

/// <summary>
/// One entry of the exchange's log at its place in commit order: an event, or (rarely) one that cannot be read back.
/// Readers of the log see every sequence, readable or not, so that streams stay gapless.
/// </summary>
public abstract record LogEntry(long Sequence, NotificationEventType Type, DateTime RecordedAt)
{
    /// <summary>What subscriptions are matched against; null when it could not be read either.</summary>
    public abstract MatchKeys? MatchKeys { get; }
}

/// <summary>A new version of a notification, with its place in commit order.</summary>
public sealed record RecordedEvent(
    long Sequence, NotificationEventType Type, DateTime RecordedAt, Notification Notification, MatchKeys Keys)
    : LogEntry(Sequence, Type, RecordedAt)
{
    public override MatchKeys MatchKeys => Keys;
}

/// <summary>
/// An entry of the log whose stored snapshot cannot be read back (written by an earlier version with a value this one
/// refuses, or damaged). Its content is never served; readers are told that this sequence exists, which notification
/// it belongs to, and why it cannot be read, and everything else stays readable.
/// </summary>
public sealed record UnreadableEvent(
    long Sequence, NotificationEventType Type, DateTime RecordedAt, string NotificationId, int Version, MatchKeys? Keys, string Reason)
    : LogEntry(Sequence, Type, RecordedAt)
{
    public override MatchKeys? MatchKeys => Keys;

    public override string ToString() => $"{NotificationId} version {Version} (sequence {Sequence}) cannot be read back: {Reason}";
}

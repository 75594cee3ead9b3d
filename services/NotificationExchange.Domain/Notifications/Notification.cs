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

/// <summary>One entry of the exchange's log: a new version of a notification, with its place in commit order.</summary>
public sealed record RecordedEvent(
    long Sequence, NotificationEventType Type, DateTime RecordedAt, Notification Notification, MatchKeys Keys);

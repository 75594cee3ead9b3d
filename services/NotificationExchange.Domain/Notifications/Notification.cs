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

using System.Text.Json.Serialization;
using NotificationExchange.Domain.Audiences;
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

    /// <summary>Who may see the notification once no embargo holds it (snapshots written before audiences read as public).</summary>
    public NotificationAudience Audience
    {
        get => _audience ?? NotificationAudience.Public;
        // The stored form's reader sets what a snapshot lacks to null rather than keep an initialiser's value.
        init => _audience = value;
    }

    private readonly NotificationAudience? _audience;

    /// <summary>The embargo in force for this version; null when there is none or it was released.</summary>
    public Embargo? Embargo { get; init; }

    /// <summary>
    /// Who may see this version: the embargo's audience while one holds, else the notification's; the filer always.
    /// It is the audience of the version's log entry, fixed when the entry is written.
    /// </summary>
    [JsonIgnore]
    public EventAudience InForce => (Embargo?.Audience ?? Audience).For(FilingOperator);
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

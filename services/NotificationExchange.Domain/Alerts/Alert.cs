using System.Text.Json.Serialization;
using NotificationExchange.Domain.Audiences;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Orbits.Regimes;

namespace NotificationExchange.Domain.Alerts;

/// <summary>
/// One close approach of two objects. Its identity is the pair and the encounter (<see cref="AlertIdentity"/>): the
/// same approach seen again is the same alert at a new version. Its parties, who alone may see it, are the operators
/// of both objects and the filer of the notification whose screen found it.
/// </summary>
/// <remarks>
/// Safety before secrecy: an alert from a restricted notification still goes to the operator it endangers, but when the
/// notification's audience in force (the screened version's) does not admit every party, the alert carries nothing of
/// the notice for anyone (<see cref="NoticeWithheld"/>): no state at TCA derived from it, and its notification id and
/// version, which the exchange keeps to match the encounter across screens, never reach the wire.
/// </remarks>
public sealed record Alert(
    string Id,
    int Version,
    AlertState State,
    AlertObject Primary,
    AlertObject Secondary,
    DateTime Tca,
    double MissDistanceM,
    RtnVector RelativePositionM,
    double RelativeSpeedMps,
    VolumeInfo Volume,
    string? NotificationId,
    int? NotificationVersion,
    string? NotificationFiler,
    CollisionEstimate Probability,
    UnannouncedApproach? Unannounced,
    IntentConflict IntentConflict,
    OrbitalRegime Regime,
    DateTime RaisedAt,
    DateTime UpdatedAt)
{
    /// <summary>
    /// Set when the alert was built from a notification whose audience in force did not admit every party: its wire
    /// forms (stream events, point reads, webhooks) carry neither <see cref="NotificationId"/> nor
    /// <see cref="NotificationVersion"/>, save a point read by an organisation the notification admits. Decided when
    /// the version is built, since a log entry has one rendered form for all its parties.
    /// </summary>
    public bool NoticeWithheld { get; init; }

    /// <summary>Who may see the alert and its events: both objects' operators and the triggering notification's filer.</summary>
    [JsonIgnore]
    public EventAudience Audience => EventAudience.Of(Parties);

    [JsonIgnore]
    public IEnumerable<string> Parties =>
        new[] { Primary.OperatorId, Secondary.OperatorId, NotificationFiler }.OfType<string>();

    /// <summary>
    /// When the open alert next needs the exchange: the earliest acknowledgement deadline not yet met nor escalated, or
    /// its TCA (when it closes). Null once it is no longer open.
    /// </summary>
    public DateTime? NextDue()
    {
        if (State != AlertState.Open)
        {
            return null;
        }
        var due = Tca;
        foreach (var response in new[] { Primary.Response, Secondary.Response })
        {
            if (response is { AcknowledgedAt: null, EscalatedAt: null } && response.AcknowledgeBy < due)
            {
                due = response.AcknowledgeBy;
            }
        }
        return due;
    }

    /// <summary>The alert's objects whose operator is <paramref name="organizationId"/>.</summary>
    public IEnumerable<AlertObject> ObjectsOf(string organizationId) =>
        new[] { Primary, Secondary }.Where(o => o.OperatorId == organizationId);
}

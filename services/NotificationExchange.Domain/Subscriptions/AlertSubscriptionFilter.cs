using NotificationExchange.Domain.Alerts;
using NotificationExchange.Domain.Validation;
using NotificationExchange.Orbits.Regimes;

namespace NotificationExchange.Domain.Subscriptions;

/// <summary>
/// Which alert events a subscription receives, of those its owner is a party to (the audience decides that first).
/// The thresholds are judged on the alert as the event carries it; WITHDRAWN and CLOSED pass every threshold, so that
/// an alert a subscriber received is always followed to its end.
/// </summary>
public sealed record AlertSubscriptionFilter(
    bool Exclude = false,
    double MaxMissDistanceM = 0,
    double MinProbability = 0,
    IReadOnlyList<OrbitalRegime>? Regimes = null,
    bool UnannouncedOnly = false)
{
    public static AlertSubscriptionFilter All { get; } = new();

    public void Validate(string at, ValidationErrors errors)
    {
        if (!(MaxMissDistanceM >= 0))
        {
            errors.Add($"{at}.max_miss_distance_m", $"must be 0 (any) or positive, not {MaxMissDistanceM}");
        }
        if (!(MinProbability is >= 0 and <= 1))
        {
            errors.Add($"{at}.min_probability", $"must lie in 0 to 1, not {MinProbability}");
        }
        var regimes = Regimes ?? [];
        for (var i = 0; i < regimes.Count; i++)
        {
            errors.KnownEnum($"{at}.regimes[{i}]", regimes[i]);
        }
    }

    public bool Matches(AlertEventType type, Alert alert)
    {
        if (Exclude)
        {
            return false;
        }
        if (type is AlertEventType.Withdrawn or AlertEventType.Closed)
        {
            return true;
        }
        return (MaxMissDistanceM == 0 || alert.MissDistanceM <= MaxMissDistanceM)
            && (MinProbability == 0 || alert.Probability.Value >= MinProbability)
            && (Regimes is not { Count: > 0 } regimes || regimes.Contains(alert.Regime))
            && (!UnannouncedOnly || alert.Unannounced is not null);
    }
}

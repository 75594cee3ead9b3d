using System.Collections.Frozen;
using NotificationExchange.Domain.Alerts;
using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Consultations.DirectLines;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Validation;
using NotificationExchange.Orbits.Regimes;

namespace NotificationExchange.Domain.Subscriptions;

/// <summary>
/// Which events a subscription receives. Every non-empty list must match; an empty list matches anything; within a
/// list any entry may match. The lists select notification events; the events of consultations the owner is a party
/// of, and of direct lines it is on, come unless <see cref="ExcludeConsultationEvents"/> (and those of other
/// consultations and lines never do); the events of alerts it is a party to come as <see cref="Alerts"/> says.
/// </summary>
public sealed record SubscriptionFilter(
    IReadOnlyList<NotificationKind> Kinds,
    IReadOnlyList<int> NoradCatIds,
    IReadOnlyList<string> FilingOperators,
    IReadOnlyList<OrbitalRegime> Regimes,
    IReadOnlyList<NotificationEventType> EventTypes,
    bool ExcludeConsultationEvents = false,
    AlertSubscriptionFilter? Alerts = null)
{
    public const int MaxObjects = 10_000;
    public const int MaxOperators = 1_000;

    public static SubscriptionFilter Everything { get; } = new([], [], [], [], []);

    public void Validate(string at, ValidationErrors errors)
    {
        for (var i = 0; i < Kinds.Count; i++)
        {
            errors.KnownEnum($"{at}.kinds[{i}]", Kinds[i]);
        }
        if (NoradCatIds.Count > MaxObjects)
        {
            errors.Add($"{at}.norad_cat_ids", $"has {NoradCatIds.Count} entries; at most {MaxObjects} allowed");
        }
        for (var i = 0; i < NoradCatIds.Count; i++)
        {
            SpaceObjectValidation.ValidateCatalogNumber($"{at}.norad_cat_ids[{i}]", NoradCatIds[i], errors);
        }
        if (FilingOperators.Count > MaxOperators)
        {
            errors.Add($"{at}.filing_operators", $"has {FilingOperators.Count} entries; at most {MaxOperators} allowed");
        }
        for (var i = 0; i < FilingOperators.Count; i++)
        {
            if (!Operators.OperatorAccount.IsValidId(FilingOperators[i]))
            {
                errors.Add($"{at}.filing_operators[{i}]", $"{Quoted.Value(FilingOperators[i])} is not an operator id");
            }
        }
        for (var i = 0; i < Regimes.Count; i++)
        {
            errors.KnownEnum($"{at}.regimes[{i}]", Regimes[i]);
        }
        for (var i = 0; i < EventTypes.Count; i++)
        {
            errors.KnownEnum($"{at}.event_types[{i}]", EventTypes[i]);
        }
        Alerts?.Validate($"{at}.alerts", errors);
    }

    /// <summary>
    /// A matcher for the streams of <paramref name="ownerId"/>'s subscription, built for speed: the live feed asks it
    /// about every event for every open stream.
    /// </summary>
    public SubscriptionMatcher Compile(string ownerId) => new(this, ownerId);
}

public sealed class SubscriptionMatcher
{
    private readonly FrozenSet<NotificationKind>? _kinds;
    private readonly FrozenSet<int>? _objects;
    private readonly FrozenSet<string>? _operators;
    private readonly FrozenSet<OrbitalRegime>? _regimes;
    private readonly FrozenSet<NotificationEventType>? _eventTypes;
    private readonly bool _consultationEvents;
    private readonly AlertSubscriptionFilter _alerts;
    private readonly string _ownerId;

    public SubscriptionMatcher(SubscriptionFilter filter, string ownerId)
    {
        _ownerId = ownerId;
        _consultationEvents = !filter.ExcludeConsultationEvents;
        _alerts = filter.Alerts ?? AlertSubscriptionFilter.All;
        _kinds = SetOrNull(filter.Kinds);
        _objects = SetOrNull(filter.NoradCatIds);
        _operators = SetOrNull(filter.FilingOperators);
        _regimes = SetOrNull(filter.Regimes);
        _eventTypes = SetOrNull(filter.EventTypes);
    }

    /// <summary>
    /// Whether the subscription receives this entry. First of all the entry's audience must admit the owner: what it
    /// does not admit is never sent, readable or not. An unreadable notification entry whose match keys are unreadable
    /// too is matched on its event type alone (which the log keeps apart): it carries nothing but its position and why
    /// it cannot be read, and a subscriber who should have had the event must learn that it exists.
    /// </summary>
    public bool Matches(LogEntry entry) => entry.Audience.Admits(_ownerId) && entry switch
    {
        RecordedEvent recorded => MatchesNotification(recorded.Type, recorded.Keys),
        UnreadableEvent { Keys: { } keys } unreadable => MatchesNotification(unreadable.Type, keys),
        UnreadableEvent unreadable => _eventTypes is null || _eventTypes.Contains(unreadable.Type),
        ConsultationRecorded or UnreadableConsultationEvent or DirectLineRecorded or UnreadableDirectLineEvent => _consultationEvents,
        AlertRecorded recorded => _alerts.Matches(recorded.Type, recorded.Alert),
        UnreadableAlertEvent => !_alerts.Exclude,
        _ => throw new ArgumentOutOfRangeException(nameof(entry), entry.GetType().Name, null),
    };

    private bool MatchesNotification(NotificationEventType type, MatchKeys keys) =>
        (_eventTypes is null || _eventTypes.Contains(type))
            && (_kinds is null || _kinds.Contains(keys.Kind))
            && (_operators is null || _operators.Contains(keys.FilingOperator))
            && (_objects is null || AnyIn(keys.NoradCatIds, _objects))
            && (_regimes is null || AnyIn(keys.Regimes, _regimes));

    private static bool AnyIn<T>(IReadOnlyList<T> values, FrozenSet<T> set)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (set.Contains(values[i]))
            {
                return true;
            }
        }
        return false;
    }

    private static FrozenSet<T>? SetOrNull<T>(IReadOnlyList<T> values) => values.Count == 0 ? null : values.ToFrozenSet();
}

using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Faults.Load;

/// <summary>
/// One subscriber: the organisation that owns its subscription, the instance it first connects to, and its filter.
/// <see cref="Matches"/> is the checker's own reading of the filter's documented rule (every list that is not empty
/// must match; within a list any entry may), written independently of the exchange's matching.
/// </summary>
public sealed record SubscriberSpec(int Index, int Organisation, int Instance, IReadOnlyList<NotificationKind> Kinds, IReadOnlyList<uint> Objects, IReadOnlyList<string> Operators)
{
    public bool Matches(FilingPlan plan) =>
        (Kinds.Count == 0 || Kinds.Contains(plan.Kind))
        && (Objects.Count == 0 || plan.Objects.Any(Objects.Contains))
        && (Operators.Count == 0 || Operators.Contains(plan.Operator));

    /// <summary>The subscription's filter: notification events only (consultations and alerts left out, as the run
    /// makes none and counts anything else as unexpected).</summary>
    public SubscriptionFilter Filter()
    {
        var filter = new SubscriptionFilter { ExcludeConsultationEvents = true, Alerts = new AlertFilter { Exclude = true } };
        filter.Kinds.AddRange(Kinds);
        filter.NoradCatIds.AddRange(Objects);
        filter.FilingOperators.AddRange(Operators);
        return filter;
    }

    public string Describe()
    {
        var parts = new List<string>();
        if (Kinds.Count > 0)
        {
            parts.Add("kind " + string.Join('|', Kinds.Select(k => k == NotificationKind.Maneuver ? "maneuver" : "proximity")));
        }
        if (Objects.Count > 0)
        {
            parts.Add("object " + string.Join('|', Objects));
        }
        if (Operators.Count > 0)
        {
            parts.Add("operator " + string.Join('|', Operators));
        }
        return parts.Count == 0 ? "unfiltered" : string.Join(", ", parts);
    }

    /// <summary>
    /// <paramref name="count"/> subscribers over <paramref name="instances"/> instances and the filing organisations:
    /// in turn unfiltered, by kind, by one object, by two objects, by operator, by kind and operator, by object and
    /// kind, by two operators, and by kind alone again (the proximity operations), so that every kind of filter sees
    /// faults on every instance.
    /// </summary>
    public static IReadOnlyList<SubscriberSpec> Spread(int count, int instances, IReadOnlyList<string> operators)
    {
        var objects = FilingContent.Objects;
        var result = new List<SubscriberSpec>(count);
        for (var i = 0; i < count; i++)
        {
            var organisation = i % operators.Count;
            var instance = (i / operators.Count + i) % instances;
            var round = i / 9;
            var someObject = objects[(i + round) % objects.Count];
            var otherObject = objects[(i + round + 3) % objects.Count];
            var someOperator = operators[(i + 1) % operators.Count];
            var otherOperator = operators[(i + 2) % operators.Count];
            var spec = (i % 9) switch
            {
                0 => new SubscriberSpec(i, organisation, instance, [], [], []),
                1 => new SubscriberSpec(i, organisation, instance, [NotificationKind.Maneuver], [], []),
                2 => new SubscriberSpec(i, organisation, instance, [], [someObject], []),
                3 => new SubscriberSpec(i, organisation, instance, [], [someObject, otherObject], []),
                4 => new SubscriberSpec(i, organisation, instance, [], [], [someOperator]),
                5 => new SubscriberSpec(i, organisation, instance, [NotificationKind.ProximityOperation], [], [someOperator]),
                6 => new SubscriberSpec(i, organisation, instance, [NotificationKind.Maneuver], [someObject], []),
                7 => new SubscriberSpec(i, organisation, instance, [], [], [someOperator, otherOperator]),
                _ => new SubscriberSpec(i, organisation, instance, [NotificationKind.ProximityOperation], [], []),
            };
            result.Add(spec);
        }
        return result;
    }
}

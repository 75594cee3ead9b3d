namespace NotificationExchange.Orbits.Screening;

/// <summary>
/// The sink that keeps everything: for small catalogues, tests and callers that want the whole list. It holds every
/// conjunction (about 200 bytes each), so a screen of a whole catalogue with a wide volume belongs in a sink that
/// writes or aggregates instead.
/// </summary>
public sealed class ConjunctionCollector : IConjunctionSink
{
    private readonly List<Conjunction> _conjunctions = [];

    public IReadOnlyList<Conjunction> Conjunctions => _conjunctions;

    public void Add(Conjunction conjunction) => _conjunctions.Add(conjunction);

    /// <summary>The conjunctions by time of closest approach, then primary, then secondary.</summary>
    public List<Conjunction> Sorted() =>
        [.. _conjunctions
            .OrderBy(c => c.TimeOfClosestApproach)
            .ThenBy(c => c.PrimaryCatalogNumber)
            .ThenBy(c => c.SecondaryCatalogNumber)];
}

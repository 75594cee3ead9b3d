namespace NotificationExchange.Orbits.Screening;

/// <summary>
/// Where a streaming screen hands each conjunction as it is found. A screen never calls <see cref="Add"/> from two
/// threads at once, so an implementation needs no locking of its own; calls come in no particular order, and a
/// slow sink slows the screen down (the workers wait for it) rather than letting conjunctions pile up.
/// </summary>
public interface IConjunctionSink
{
    void Add(Conjunction conjunction);
}

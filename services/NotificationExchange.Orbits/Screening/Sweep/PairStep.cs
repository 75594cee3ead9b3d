namespace NotificationExchange.Orbits.Screening.Sweep;

/// <summary>
/// The sweep's candidates as single numbers: pair·(steps + 1) + step with pair = i·n + j (i &lt; j, catalogue indices,
/// n objects), so that sorting them groups each pair's steps in order.
/// </summary>
internal readonly record struct PairStep(int Objects, int Steps)
{
    private long Stride => Steps + 1L;

    public long Encode(int i, int j, int step) => ((long)Math.Min(i, j) * Objects + Math.Max(i, j)) * Stride + step;

    /// <summary>The pair of a candidate, as i·n + j: equal for every step of one pair.</summary>
    public long Pair(long candidate) => candidate / Stride;

    public int Step(long candidate) => (int)(candidate % Stride);

    /// <summary>The catalogue indices (i &lt; j) of a pair.</summary>
    public (int First, int Second) Indices(long pair) => ((int)(pair / Objects), (int)(pair % Objects));
}

namespace NotificationExchange.Orbits.Screening.Sweep;

/// <summary>
/// What a sweep (or one worker's share of it) found: the candidate (pair, step) combinations encoded by
/// <see cref="PairStep"/>, in no particular order, and how many combinations passed each pair test.
/// </summary>
internal sealed class SweepResult
{
    public List<long> Candidates { get; } = [];

    /// <summary>Combinations whose boxes came within the pair's distance.</summary>
    public long BoxPairSteps { get; set; }

    /// <summary>Those whose chords came within the distance plus both pads too.</summary>
    public long ChordPairSteps { get; set; }

    /// <summary>Those whose radii could also meet either volume's radial extent.</summary>
    public long RadialPairSteps { get; set; }

    public void Clear()
    {
        Candidates.Clear();
        BoxPairSteps = 0;
        ChordPairSteps = 0;
        RadialPairSteps = 0;
    }

    public void Add(SweepResult other)
    {
        Candidates.AddRange(other.Candidates);
        BoxPairSteps += other.BoxPairSteps;
        ChordPairSteps += other.ChordPairSteps;
        RadialPairSteps += other.RadialPairSteps;
    }
}

namespace NotificationExchange.Orbits.Screening;

/// <summary>
/// How much work each stage left: objects; pairs in all; pairs whose radius ranges come within the largest distance
/// (the apogee/perigee filter, counted for comparison); grid steps and their length (s); (pair, step) combinations
/// whose boxes came within the pair's distance; those whose chords did too; those whose radii could also meet
/// either volume's radial extent; distinct pairs and intervals that reached the fine search; and how long the sweep (propagation, grid and pair tests) and the fine search took.
/// </summary>
public sealed record AllVersusAllStatistics(
    int Objects,
    long Pairs,
    long PairsAfterApogeePerigee,
    int Steps,
    double StepSeconds,
    long BoxPairSteps,
    long ChordPairSteps,
    long RadialPairSteps,
    long CandidatePairs,
    long SearchIntervals,
    TimeSpan SweepTime,
    TimeSpan SearchTime);

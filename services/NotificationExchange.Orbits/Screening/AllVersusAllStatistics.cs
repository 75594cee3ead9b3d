namespace NotificationExchange.Orbits.Screening;

/// <summary>
/// How much work each stage left: objects; pairs in all; pairs whose radius ranges come within the largest distance
/// (the apogee/perigee filter, counted for comparison); grid steps and their length (s); (pair, step) combinations
/// whose boxes came within the pair's distance; those whose chords did too; those whose radii could also meet
/// either volume's radial extent; pairs that reached the fine search (the streaming screen counts a pair once per
/// batch of steps it was searched in) and the intervals searched; how long the sweep (propagation, grid and pair
/// tests) and the fine search took; and what came out: distinct encounters (pair and time of closest approach) and
/// conjunctions (one per primary whose volume the other object entered).
/// <para>
/// Objects that share one element set (<see cref="ElementSetGroups"/>) are screened once: the counts of pairs,
/// steps and intervals are those of the objects actually screened, while encounters and conjunctions count every
/// member.
/// </para>
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
    TimeSpan SearchTime,
    long Encounters,
    long Conjunctions);

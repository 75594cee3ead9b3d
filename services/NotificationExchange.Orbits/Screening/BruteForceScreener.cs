using System.Collections.Concurrent;
using NotificationExchange.Orbits.Propagation;

namespace NotificationExchange.Orbits.Screening;

/// <summary>
/// The reference screen: no filters at all. Every object is propagated at every step of a fixed grid (10 s by
/// default), every upward zero of the range rate between two grid points is bisected to 1 µs, and the conjunction
/// kept when the secondary is inside the volume then. The only shortcut is to leave un-refined a bracket whose grid
/// ranges prove it cannot come within the volume's bounding radius. Slow on purpose: it is what the fast screen is
/// checked and timed against.
/// </summary>
public static class BruteForceScreener
{
    public const double DefaultStepSeconds = 10.0;
    private const double ReferenceToleranceSeconds = 1e-6;

    public static IReadOnlyList<Conjunction> Screen(
        Trajectory primary, ScreeningCatalog catalog, ScreeningVolume? volume = null, double stepSeconds = DefaultStepSeconds,
        int maxDegreeOfParallelism = -1) =>
        Screen([primary], catalog, volume is null ? null : [volume], stepSeconds, maxDegreeOfParallelism)[0];

    /// <summary>
    /// Screens several primaries in one pass over the catalogue (each secondary is propagated once per step for all of
    /// them): the conjunctions of each primary, by time.
    /// </summary>
    public static IReadOnlyList<Conjunction>[] Screen(
        IReadOnlyList<Trajectory> primaries, ScreeningCatalog catalog, IReadOnlyList<ScreeningVolume>? volumes = null,
        double stepSeconds = DefaultStepSeconds, int maxDegreeOfParallelism = -1)
    {
        var windowSeconds = catalog.WindowSeconds;
        var prepared = primaries.Select(catalog.PrepareAnother).ToArray();
        var primaryVolumes = prepared
            .Select((p, i) => volumes?[i] ?? p.DefaultVolume)
            .ToArray();
        var ephemerides = prepared.Select(p => PrimaryEphemeris.Build(p.Trajectory, windowSeconds, stepSeconds)).ToArray();
        var valid = prepared.Select((p, i) => Enumerable.Range(0, ephemerides[i].Count)
            .Select(k => p.Trajectory.StateAt(ephemerides[i].Time(k), out _) == Sgp4Error.None).ToArray()).ToArray();

        var results = primaries.Select(_ => new ConcurrentBag<Conjunction>()).ToArray();
        // a partitioner refuses an empty range
        if (catalog.Objects.Length > 0)
        {
            Parallel.ForEach(
                System.Collections.Concurrent.Partitioner.Create(0, catalog.Objects.Length, 16),
                new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
                () => primaries.Select(_ => new List<double>()).ToArray(),
                (range, _, tcas) =>
                {
                    var previous = new EncounterSearch.Sample[prepared.Length];
                    for (var i = range.Item1; i < range.Item2; i++)
                    {
                        var secondary = catalog.Objects[i];
                        foreach (var list in tcas)
                        {
                            list.Clear();
                        }
                        ScanSecondary(prepared, secondary, ephemerides, valid, primaryVolumes, tcas, previous);
                        for (var p = 0; p < prepared.Length; p++)
                        {
                            if (secondary.CatalogNumber != prepared[p].CatalogNumber)
                            {
                                ConjunctionScreener.AddConjunctions(
                                    prepared[p], secondary, tcas[p], catalog.WindowStart, windowSeconds, primaryVolumes[p], null, results[p]);
                            }
                        }
                    }
                    return tcas;
                },
                _ => { });
        }
        return [.. results.Select(bag => (IReadOnlyList<Conjunction>)[.. bag.OrderBy(c => c.TimeOfClosestApproach).ThenBy(c => c.SecondaryCatalogNumber)])];
    }

    private static void ScanSecondary(
        PreparedObject[] primaries, PreparedObject secondary, PrimaryEphemeris[] ephemerides, bool[][] valid,
        ScreeningVolume[] volumes, List<double>[] tcas, EncounterSearch.Sample[] previous)
    {
        var count = ephemerides[0].Count;
        for (var k = 0; k < count; k++)
        {
            var time = ephemerides[0].Time(k);
            if (time < secondary.ValidFromSeconds)
            {
                // an ephemeris secondary whose span starts later: nothing to compare yet
                continue;
            }
            if (secondary.Trajectory.StateAt(time, out var secondaryState) != Sgp4Error.None)
            {
                // an object is followed up to its first SGP4 failure (decay), as in the fast screen
                return;
            }
            for (var p = 0; p < primaries.Length; p++)
            {
                var current = new EncounterSearch.Sample { Time = time };
                if (valid[p][k])
                {
                    var primaryState = new Geometry.StateVector(ephemerides[p].Position(k), ephemerides[p].Velocity(k));
                    EncounterSearch.Fill(ref current, primaryState, secondaryState);
                }
                var before = previous[p];
                if (k > 0 && before.Valid && current.Valid && before.RangeRateTimesRange < 0.0 && current.RangeRateTimesRange >= 0.0)
                {
                    var step = current.Time - before.Time;
                    var accelerationBound = primaries[p].AccelerationBoundKmPerS2 + secondary.AccelerationBoundKmPerS2;
                    var speed = Math.Max(before.RelativeSpeed, current.RelativeSpeed) + accelerationBound * step;
                    if (Math.Min(before.Range, current.Range) - speed * step <= volumes[p].BoundingRadiusKm)
                    {
                        // the reference stays on the scalar propagator throughout
                        var pair = new EncounterSearch.PairPropagator(primaries[p].Trajectory, secondary.Trajectory, scalarOnly: true);
                        var tca = EncounterSearch.RefineRoot(
                            pair, before.Time, before.RangeRateTimesRange, current.Time, current.RangeRateTimesRange, ReferenceToleranceSeconds);
                        if (!double.IsNaN(tca))
                        {
                            tcas[p].Add(tca);
                        }
                    }
                }
                previous[p] = current;
            }
        }
    }
}

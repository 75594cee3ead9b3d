using System.Collections.Concurrent;
using NotificationExchange.Orbits.Geometry;
using NotificationExchange.Orbits.Propagation;

namespace NotificationExchange.Orbits.Screening;

/// <summary>
/// Screens one primary against a prepared catalogue, fast through conservative pruning in the manner of Hoots,
/// Crawford and Roehrich (1984), adapted to SGP4's precessing orbits:
/// <list type="number">
/// <item>apogee/perigee filter: the radius ranges (SGP4 mean elements over the window, padded for its periodic
/// terms) must come within the volume's bounding radius;</item>
/// <item>orbit-path filter: the primary must be within that radius (plus the secondary's out-of-plane wobble) of
/// the secondary's orbit plane, which is checked against the primary's ephemeris every minute and gives the short
/// windows around the two plane crossings of each revolution;</item>
/// <item>time filter: in each window the secondary is propagated once, and the window is dropped when the pair is
/// too far apart to close the gap at its relative speed and bounded acceleration, or when the primary's radius in
/// the window cannot meet the secondary's radius range;</item>
/// <item>what survives is walked with steps that provably cannot skip an approach inside the bounding radius, and
/// every upward zero of the range rate is refined to 0.1 ms.</item>
/// </list>
/// No pair is sampled away: every filter only drops what cannot be within the volume.
/// </summary>
public static class ConjunctionScreener
{
    /// <summary>Spacing of the primary's ephemeris used by the orbit-path filter.</summary>
    private const double PrimaryStepSeconds = 60.0;

    /// <summary>
    /// Every conjunction of <paramref name="primary"/> with the catalogue's objects inside <paramref name="volume"/>
    /// (by default the Space-Track size for the primary's perigee) during the catalogue's window, by time.
    /// </summary>
    public static IReadOnlyList<Conjunction> Screen(
        Trajectory primary, ScreeningCatalog catalog, ScreeningVolume? volume = null, int maxDegreeOfParallelism = -1) =>
        Screen(primary, catalog, volume, maxDegreeOfParallelism, out _);

    public static IReadOnlyList<Conjunction> Screen(
        Trajectory primary, ScreeningCatalog catalog, ScreeningVolume? volume, int maxDegreeOfParallelism, out ScreeningStatistics statistics)
    {
        var prepared = catalog.PrepareAnother(primary);
        volume ??= ScreeningVolume.SpaceTrackDefault(prepared.PerigeeAltitudeKm, primary.IsDeepSpace);
        var threshold = volume.BoundingRadiusKm;
        var windowSeconds = catalog.WindowSeconds;
        var ephemeris = PrimaryEphemeris.Build(prepared.Trajectory, windowSeconds, PrimaryStepSeconds);

        var candidates = new List<PreparedObject>();
        foreach (var secondary in catalog.Objects)
        {
            if (secondary.CatalogNumber != primary.CatalogNumber
                && secondary.ValidUntilSeconds > 0.0
                && secondary.MinRadiusKm <= prepared.MaxRadiusKm + threshold
                && secondary.MaxRadiusKm >= prepared.MinRadiusKm - threshold)
            {
                candidates.Add(secondary);
            }
        }

        var results = new ConcurrentBag<Conjunction>();
        long windows = 0, windowsSearched = 0;
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, candidates.Count, 64),
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
            () => new List<double>(),
            (range, _, tcas) =>
            {
                long localWindows = 0, localSearched = 0;
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    var secondary = candidates[i];
                    tcas.Clear();
                    ScreenPair(prepared, secondary, ephemeris, threshold, windowSeconds, tcas, ref localWindows, ref localSearched);
                    AddConjunctions(prepared, secondary, tcas, catalog.WindowStart, windowSeconds, volume, results);
                }
                Interlocked.Add(ref windows, localWindows);
                Interlocked.Add(ref windowsSearched, localSearched);
                return tcas;
            },
            _ => { });

        statistics = new ScreeningStatistics(catalog.Count, candidates.Count, windows, windowsSearched);
        return [.. results.OrderBy(c => c.TimeOfClosestApproach).ThenBy(c => c.SecondaryCatalogNumber)];
    }

    internal static void AddConjunctions(
        PreparedObject primary, PreparedObject secondary, List<double> tcas, DateTime windowStart, double windowSeconds,
        ScreeningVolume volume, ConcurrentBag<Conjunction> results)
    {
        tcas.Sort();
        var previous = double.NegativeInfinity;
        foreach (var tca in tcas)
        {
            // the same minimum reached from two neighbouring windows is one conjunction
            if (tca - previous < 1.0 || tca <= 0.0 || tca >= windowSeconds)
            {
                continue;
            }
            previous = tca;
            if (EncounterSearch.Describe(primary.Trajectory, secondary.Trajectory, tca, windowStart, volume) is { } conjunction)
            {
                results.Add(conjunction);
            }
        }
    }

    private static void ScreenPair(
        PreparedObject primary, PreparedObject secondary, PrimaryEphemeris ephemeris, double threshold, double windowSeconds,
        List<double> tcas, ref long windows, ref long windowsSearched)
    {
        var primaryTrajectory = primary.Trajectory;
        var secondaryTrajectory = secondary.Trajectory;
        var accelerationBound = primary.AccelerationBoundKmPerS2 + secondary.AccelerationBoundKmPerS2;
        var end = Math.Min(windowSeconds, Math.Min(primary.ValidUntilSeconds, secondary.ValidUntilSeconds));
        if (secondary.Normals is null || ephemeris.HasGaps)
        {
            windows++;
            windowsSearched++;
            EncounterSearch.Search(primaryTrajectory, secondaryTrajectory, 0.0, end, threshold, accelerationBound, tcas);
            return;
        }

        // between samples the plane distance departs from the straight line joining them by at most A·h²/8
        var curvature = primary.AccelerationBoundKmPerS2 * ephemeris.Step * ephemeris.Step / 8.0;
        var planeThreshold = threshold + secondary.PlanePaddingKm + curvature + 0.5;
        var count = ephemeris.Count;
        var previousDistance = PlaneDistance(ephemeris, secondary, 0);
        var windowStart = -1;
        for (var k = 1; k < count; k++)
        {
            var distance = PlaneDistance(ephemeris, secondary, k);
            var candidate = (previousDistance < 0.0) != (distance < 0.0)
                || Math.Min(Math.Abs(previousDistance), Math.Abs(distance)) <= planeThreshold;
            if (candidate && windowStart < 0)
            {
                windowStart = k - 1;
            }
            if ((!candidate || k == count - 1) && windowStart >= 0)
            {
                var windowEnd = candidate ? k : k - 1;
                windows++;
                if (SearchWindow(primary, secondary, ephemeris, Math.Max(windowStart - 1, 0), Math.Min(windowEnd + 1, count - 1),
                    threshold, accelerationBound, tcas))
                {
                    windowsSearched++;
                }
                windowStart = -1;
            }
            previousDistance = distance;
        }
    }

    private static double PlaneDistance(PrimaryEphemeris ephemeris, PreparedObject secondary, int k) =>
        Vector3d.Dot(ephemeris.Position(k), secondary.NormalAt(ephemeris.Time(k)));

    /// <summary>Time filter on one window of samples [first, last], then the fine search; true when searched.</summary>
    private static bool SearchWindow(
        PreparedObject primary, PreparedObject secondary, PrimaryEphemeris ephemeris, int first, int last, double threshold,
        double accelerationBound, List<double> tcas)
    {
        // the primary's radius in the window must meet the secondary's radius range
        var lowest = double.PositiveInfinity;
        var highest = 0.0;
        var fastest = 0.0;
        for (var k = first; k <= last; k++)
        {
            var radius = ephemeris.Position(k).Length;
            lowest = Math.Min(lowest, radius);
            highest = Math.Max(highest, radius);
            fastest = Math.Max(fastest, ephemeris.Velocity(k).Length);
        }
        var radiusSlack = fastest * ephemeris.Step + threshold;
        if (lowest - radiusSlack > secondary.MaxRadiusKm || highest + radiusSlack < secondary.MinRadiusKm)
        {
            return false;
        }

        var from = ephemeris.Time(first);
        var to = ephemeris.Time(last);
        var middle = (first + last) / 2;
        var middleTime = ephemeris.Time(middle);
        if (secondary.Trajectory.StateAt(middleTime, out var secondaryState) == Sgp4Error.None)
        {
            var relative = secondaryState.PositionKm - ephemeris.Position(middle);
            var relativeSpeed = (secondaryState.VelocityKmPerS - ephemeris.Velocity(middle)).Length;
            var half = Math.Max(middleTime - from, to - middleTime);
            if (relative.Length - relativeSpeed * half - 0.5 * accelerationBound * half * half > threshold)
            {
                return false;
            }
        }
        to = Math.Min(to, Math.Min(primary.ValidUntilSeconds, secondary.ValidUntilSeconds));
        if (to > from)
        {
            EncounterSearch.Search(primary.Trajectory, secondary.Trajectory, from, to, threshold, accelerationBound, tcas);
        }
        return true;
    }
}

/// <summary>How much work the filters left: objects, pairs past the apogee/perigee filter, plane windows, windows
/// that reached the fine search.</summary>
public sealed record ScreeningStatistics(int Objects, int PairsAfterApogeePerigee, long PlaneWindows, long WindowsSearched);

/// <summary>The primary's TEME states on a regular grid over the window.</summary>
internal sealed class PrimaryEphemeris
{
    private readonly double[] _data;
    private readonly double _windowSeconds;

    private PrimaryEphemeris(double[] data, int count, double step, double windowSeconds, bool hasGaps)
    {
        _data = data;
        Count = count;
        Step = step;
        _windowSeconds = windowSeconds;
        HasGaps = hasGaps;
    }

    public int Count { get; }
    public double Step { get; }

    /// <summary>True when the primary's element set fails somewhere in the window.</summary>
    public bool HasGaps { get; }

    public double Time(int k) => Math.Min(k * Step, _windowSeconds);

    public Vector3d Position(int k) => new(_data[6 * k], _data[6 * k + 1], _data[6 * k + 2]);

    public Vector3d Velocity(int k) => new(_data[6 * k + 3], _data[6 * k + 4], _data[6 * k + 5]);

    public static PrimaryEphemeris Build(in BoundTrajectory trajectory, double windowSeconds, double step)
    {
        var count = (int)Math.Ceiling(windowSeconds / step) + 1;
        var data = new double[6 * count];
        var hasGaps = false;
        for (var k = 0; k < count; k++)
        {
            if (trajectory.StateAt(Math.Min(k * step, windowSeconds), out var state) != Sgp4Error.None)
            {
                hasGaps = true;
                continue;
            }
            data[6 * k] = state.PositionKm.X;
            data[6 * k + 1] = state.PositionKm.Y;
            data[6 * k + 2] = state.PositionKm.Z;
            data[6 * k + 3] = state.VelocityKmPerS.X;
            data[6 * k + 4] = state.VelocityKmPerS.Y;
            data[6 * k + 5] = state.VelocityKmPerS.Z;
        }
        return new PrimaryEphemeris(data, count, step, windowSeconds, hasGaps);
    }
}

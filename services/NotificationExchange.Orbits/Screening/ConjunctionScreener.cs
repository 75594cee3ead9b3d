using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.Intrinsics;
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

    /// <summary>How far the fine search looks beyond a trimmed window on each side.</summary>
    private const double WindowMarginSeconds = 1.0;

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
        volume ??= prepared.DefaultVolume;
        var threshold = volume.BoundingRadiusKm;
        var windowSeconds = catalog.WindowSeconds;
        // an ephemeris primary is sampled over its span inside the window only (it has no state elsewhere), so that
        // the filters work on it as on an element set's path
        var ephemeris = prepared.Trajectory.IsEphemeris
            ? PrimaryEphemeris.Build(
                prepared.Trajectory, prepared.ValidFromSeconds, Math.Max(prepared.ValidFromSeconds, Math.Min(windowSeconds, prepared.ValidUntilSeconds)),
                windowSeconds, PrimaryStepSeconds)
            : PrimaryEphemeris.Build(prepared.Trajectory, windowSeconds, PrimaryStepSeconds);

        var candidates = new List<PreparedObject>();
        foreach (var secondary in prepared.ValidUntilSeconds > prepared.ValidFromSeconds ? catalog.Objects : [])
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
        // a partitioner refuses an empty range
        if (candidates.Count > 0)
        {
            Parallel.ForEach(
                System.Collections.Concurrent.Partitioner.Create(0, candidates.Count, 64),
                new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
                () => new PairScratch(ephemeris.Count),
                (range, _, scratch) =>
                {
                    long localWindows = 0, localSearched = 0;
                    for (var i = range.Item1; i < range.Item2; i++)
                    {
                        var secondary = candidates[i];
                        scratch.Tcas.Clear();
                        ScreenPair(prepared, secondary, ephemeris, threshold, windowSeconds, scratch, ref localWindows, ref localSearched);
                        AddConjunctions(prepared, secondary, scratch.Tcas, catalog.WindowStart, windowSeconds, volume, null, results);
                    }
                    Interlocked.Add(ref windows, localWindows);
                    Interlocked.Add(ref windowsSearched, localSearched);
                    return scratch;
                },
                _ => { });
        }

        statistics = new ScreeningStatistics(catalog.Count, candidates.Count, windows, windowsSearched);
        return [.. results.OrderBy(c => c.TimeOfClosestApproach).ThenBy(c => c.SecondaryCatalogNumber)];
    }

    /// <summary>
    /// Describes each distinct range minimum in <paramref name="tcas"/> strictly inside the window as a conjunction
    /// of <paramref name="secondary"/> when it is inside <paramref name="primary"/>'s volume and, when
    /// <paramref name="reverseVolume"/> is given, of <paramref name="primary"/> when it is inside
    /// <paramref name="secondary"/>'s; returns how many minima gave at least one conjunction.
    /// </summary>
    internal static int AddConjunctions(
        PreparedObject primary, PreparedObject secondary, List<double> tcas, DateTime windowStart, double windowSeconds,
        ScreeningVolume volume, ScreeningVolume? reverseVolume, ConcurrentBag<Conjunction> results)
    {
        tcas.Sort();
        var previous = double.NegativeInfinity;
        var encounters = 0;
        foreach (var tca in tcas)
        {
            // the same minimum reached from two neighbouring windows is one conjunction
            if (tca - previous < 1.0 || tca <= 0.0 || tca >= windowSeconds)
            {
                continue;
            }
            previous = tca;
            // both ways from one pair of states: StateAt is deterministic, so this is what propagating again gives
            if (primary.Trajectory.StateAt(tca, out var p) != Sgp4Error.None || secondary.Trajectory.StateAt(tca, out var s) != Sgp4Error.None)
            {
                continue;
            }
            var found = false;
            if (EncounterSearch.Describe(primary.CatalogNumber, p, secondary.CatalogNumber, s, tca, windowStart, volume) is { } conjunction)
            {
                results.Add(conjunction);
                found = true;
            }
            if (reverseVolume is not null
                && EncounterSearch.Describe(secondary.CatalogNumber, s, primary.CatalogNumber, p, tca, windowStart, reverseVolume) is { } reverse)
            {
                results.Add(reverse);
                found = true;
            }
            if (found)
            {
                encounters++;
            }
        }
        return encounters;
    }

    /// <summary>Per-worker buffers: the plane distances of the primary's samples, the pair's windows and the times of
    /// closest approach.</summary>
    private sealed class PairScratch(int samples)
    {
        public double[] PlaneDistances { get; } = new double[samples];
        public List<PlaneWindow> Windows { get; } = [];
        public List<double> Tcas { get; } = [];
    }

    /// <summary>A stretch [From, To] (s) around a crossing of the secondary's plane, inside samples [First, Last].</summary>
    private record struct PlaneWindow(int First, int Last, double From, double To);

    private static void ScreenPair(
        PreparedObject primary, PreparedObject secondary, PrimaryEphemeris ephemeris, double threshold, double windowSeconds,
        PairScratch scratch, ref long windows, ref long windowsSearched)
    {
        var tcas = scratch.Tcas;
        var accelerationBound = primary.AccelerationBoundKmPerS2 + secondary.AccelerationBoundKmPerS2;
        var start = Math.Max(primary.ValidFromSeconds, secondary.ValidFromSeconds);
        var end = Math.Min(windowSeconds, Math.Min(primary.ValidUntilSeconds, secondary.ValidUntilSeconds));
        if (secondary.Normals is null || ephemeris.HasGaps)
        {
            windows++;
            windowsSearched++;
            EncounterSearch.Search(primary.Trajectory, secondary.Trajectory, start, end, threshold, accelerationBound, tcas);
            return;
        }

        // orbit path: the windows around the primary's crossings of the secondary's plane that can meet its radii
        var planeWindows = scratch.Windows;
        planeWindows.Clear();
        FindPlaneWindows(primary, secondary, ephemeris, threshold, scratch.PlaneDistances, planeWindows);
        windows += planeWindows.Count;
        var kept = 0;
        for (var w = 0; w < planeWindows.Count; w++)
        {
            if (MeetsRadiusRange(secondary, ephemeris, planeWindows[w], threshold))
            {
                planeWindows[kept++] = planeWindows[w];
            }
        }

        // time: one secondary state per window, four windows at a time through the vector kernel when it can
        var secondaryTrajectory = secondary.Trajectory;
        var laned = secondaryTrajectory.TryLanes(out var lanes, out var offsetMinutes);
        Span<double> lane = stackalloc double[24];
        Span<long> codes = stackalloc long[4];
        for (var w = 0; w < kept; w += 4)
        {
            var group = Math.Min(4, kept - w);
            if (laned)
            {
                var seconds = Vector256.Create(
                    MiddleTime(ephemeris, planeWindows[w]),
                    MiddleTime(ephemeris, planeWindows[w + Math.Min(1, group - 1)]),
                    MiddleTime(ephemeris, planeWindows[w + Math.Min(2, group - 1)]),
                    MiddleTime(ephemeris, planeWindows[w + Math.Min(3, group - 1)]));
                Sgp4Propagator.Propagate(lanes, Vector256.Create(offsetMinutes) + seconds / Vector256.Create(60.0), lane, codes);
            }
            for (var j = 0; j < group; j++)
            {
                var window = planeWindows[w + j];
                var middle = MiddleSample(ephemeris, window);
                Sgp4Error error;
                StateVector state;
                if (laned)
                {
                    error = (Sgp4Error)codes[j];
                    state = new StateVector(new Vector3d(lane[j], lane[4 + j], lane[8 + j]), new Vector3d(lane[12 + j], lane[16 + j], lane[20 + j]));
                }
                else
                {
                    error = secondaryTrajectory.StateAt(ephemeris.Time(middle), out state);
                }
                if (PassesTimeFilter(ephemeris, window, middle, error, state, threshold, accelerationBound))
                {
                    windowsSearched++;
                    var from = Math.Max(window.From, start);
                    var to = Math.Min(Math.Min(window.To, end), ephemeris.Time(ephemeris.Count - 1));
                    if (to > from)
                    {
                        EncounterSearch.Search(primary.Trajectory, secondaryTrajectory, from, to, threshold, accelerationBound, tcas);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The windows where the primary is near enough to the secondary's orbit plane for the pair to be within the
    /// threshold: runs of sample intervals where the plane distance may be in the band, trimmed to where the straight
    /// line between samples enters and leaves it, plus a small margin.
    /// </summary>
    private static void FindPlaneWindows(
        PreparedObject primary, PreparedObject secondary, PrimaryEphemeris ephemeris, double threshold, double[] distances,
        List<PlaneWindow> windows)
    {
        // between samples the plane distance departs from the straight line joining them by at most A·h²/8
        var curvature = primary.AccelerationBoundKmPerS2 * ephemeris.Step * ephemeris.Step / 8.0;
        var planeThreshold = threshold + secondary.PlanePaddingKm + curvature + 0.5;
        var count = ephemeris.Count;
        ephemeris.PlaneDistances(secondary.Normals!, distances);
        var width = Vector<double>.Count;
        var band = new Vector<double>(planeThreshold);
        var windowStart = -1;
        for (var k = 1; k < count; k++)
        {
            if (windowStart < 0 && Vector.IsHardwareAccelerated)
            {
                // skip whole vectors of intervals that neither touch the band nor cross the plane
                while (k + width <= count)
                {
                    var before = new Vector<double>(distances, k - 1);
                    var after = new Vector<double>(distances, k);
                    var hit = Vector.LessThanOrEqual(Vector.Abs(before), band) | Vector.LessThanOrEqual(Vector.Abs(after), band)
                        | Vector.LessThan(before * after, Vector<double>.Zero);
                    if (hit != Vector<long>.Zero)
                    {
                        break;
                    }
                    k += width;
                }
                if (k >= count)
                {
                    break;
                }
            }
            var previousDistance = distances[k - 1];
            var distance = distances[k];
            var candidate = (previousDistance < 0.0) != (distance < 0.0)
                || Math.Min(Math.Abs(previousDistance), Math.Abs(distance)) <= planeThreshold;
            if (candidate && windowStart < 0)
            {
                windowStart = k - 1;
            }
            if ((!candidate || k == count - 1) && windowStart >= 0)
            {
                // samples [windowStart, windowEnd]: the pair can be within the threshold only where the straight
                // line between samples is within the plane threshold, which trims the window to its crossing
                var windowEnd = candidate ? k : k - 1;
                var from = BandEdge(ephemeris, windowStart, distances, planeThreshold, entering: true);
                var to = BandEdge(ephemeris, windowEnd - 1, distances, planeThreshold, entering: false);
                // margins so that a minimum on the window's edge is still bracketed by the fine search
                windows.Add(new PlaneWindow(windowStart, windowEnd, Math.Max(ephemeris.Start, from - WindowMarginSeconds), to + WindowMarginSeconds));
                windowStart = -1;
            }
        }
    }

    /// <summary>
    /// Where the straight line through the plane distances of samples k and k + 1 enters (or leaves) the band
    /// |d| ≤ <paramref name="band"/>, as a time; the sample's own time when it is already inside.
    /// </summary>
    private static double BandEdge(PrimaryEphemeris ephemeris, int k, double[] distances, double band, bool entering)
    {
        var d0 = distances[k];
        var d1 = distances[k + 1];
        var outside = entering ? d0 : d1;
        if (Math.Abs(outside) <= band)
        {
            return ephemeris.Time(entering ? k : k + 1);
        }
        var edge = outside > 0.0 ? band : -band;
        var fraction = Math.Clamp((edge - d0) / (d1 - d0), 0.0, 1.0);
        var t0 = ephemeris.Time(k);
        return t0 + fraction * (ephemeris.Time(k + 1) - t0);
    }

    /// <summary>The primary's radius in the window must meet the secondary's radius range.</summary>
    private static bool MeetsRadiusRange(PreparedObject secondary, PrimaryEphemeris ephemeris, PlaneWindow window, double threshold)
    {
        var lowest = double.PositiveInfinity;
        var highest = 0.0;
        var fastest = 0.0;
        for (var k = window.First; k <= window.Last; k++)
        {
            var radius = ephemeris.Radius(k);
            lowest = Math.Min(lowest, radius);
            highest = Math.Max(highest, radius);
            fastest = Math.Max(fastest, ephemeris.Speed(k));
        }
        var radiusSlack = fastest * ephemeris.Step + threshold;
        return lowest - radiusSlack <= secondary.MaxRadiusKm && highest + radiusSlack >= secondary.MinRadiusKm;
    }

    /// <summary>The window's sample nearest its middle, where the time filter compares the pair.</summary>
    private static int MiddleSample(PrimaryEphemeris ephemeris, PlaneWindow window) =>
        Math.Clamp((int)Math.Round((0.5 * (window.From + window.To) - ephemeris.Start) / ephemeris.Step), window.First, window.Last);

    private static double MiddleTime(PrimaryEphemeris ephemeris, PlaneWindow window) => ephemeris.Time(MiddleSample(ephemeris, window));

    /// <summary>
    /// False when the pair, compared at one sample, is too far apart to close to the threshold within the window at
    /// its relative speed and bounded acceleration (d − v·h − A·h²/2 &gt; D, less a micrometre for the vector kernel).
    /// </summary>
    private static bool PassesTimeFilter(
        PrimaryEphemeris ephemeris, PlaneWindow window, int middle, Sgp4Error error, in StateVector secondaryState, double threshold,
        double accelerationBound)
    {
        if (error != Sgp4Error.None)
        {
            return true;
        }
        var middleTime = ephemeris.Time(middle);
        var relative = secondaryState.PositionKm - ephemeris.Position(middle);
        var relativeSpeed = (secondaryState.VelocityKmPerS - ephemeris.Velocity(middle)).Length;
        var half = Math.Max(middleTime - window.From, window.To - middleTime);
        return relative.Length - relativeSpeed * half - 0.5 * accelerationBound * half * half - 1e-6 <= threshold;
    }
}

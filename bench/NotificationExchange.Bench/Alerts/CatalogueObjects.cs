using NotificationExchange.Orbits.Catalog;
using NotificationExchange.Orbits.Elements;

namespace NotificationExchange.Bench.Alerts;

/// <summary>
/// The objects the alerts benchmark files about, picked from the catalogue file the exchange loads: the three it
/// registers (ISS and two Starlinks), and fresh element sets by regime for maneuvers and proximity operations. The
/// picks are fixed by the file and a seed, so that repeats and runs file about the same objects.
/// </summary>
internal sealed class CatalogueObjects
{
    public const int Iss = 25544;

    private CatalogueObjects(IReadOnlyList<TwoLineElementSet> registered, IReadOnlyList<TwoLineElementSet> leo, IReadOnlyList<TwoLineElementSet> meo, IReadOnlyList<TwoLineElementSet> geo, int total)
    {
        Registered = registered;
        Leo = leo;
        Meo = meo;
        Geo = geo;
        Total = total;
    }

    /// <summary>ISS, then two Starlinks: what the benchmark's operator registers, with their catalogue element sets.</summary>
    public IReadOnlyList<TwoLineElementSet> Registered { get; }

    public IReadOnlyList<TwoLineElementSet> Leo { get; }

    public IReadOnlyList<TwoLineElementSet> Meo { get; }

    public IReadOnlyList<TwoLineElementSet> Geo { get; }

    public int Total { get; }

    /// <summary>
    /// Reads <paramref name="path"/>; objects whose element set is more than <paramref name="maxAgeDays"/> older than
    /// <paramref name="at"/> are not picked (the exchange would leave them unscreened, which is not what is measured).
    /// </summary>
    public static CatalogueObjects Pick(string path, DateTime at, double maxAgeDays, int seed)
    {
        var loaded = TleCatalog.Load(path);
        var fresh = loaded.Entries.Select(e => e.Tle).Where(t => (at - t.Epoch).TotalDays <= maxAgeDays && t.Epoch <= at.AddDays(1)).ToList();
        var iss = fresh.FirstOrDefault(t => t.CatalogNumber == Iss) ?? throw new InvalidOperationException($"{path}: no fresh element set of ISS ({Iss})");
        var starlinks = fresh.Where(t => t.Name?.StartsWith("STARLINK", StringComparison.Ordinal) == true && t.Eccentricity < 0.001 && t.MeanMotionRevPerDay > 15.0)
            .OrderBy(t => t.CatalogNumber).Take(2).ToList();
        if (starlinks.Count < 2)
        {
            throw new InvalidOperationException($"{path}: fewer than two fresh Starlink element sets in operational orbits");
        }
        List<TwoLineElementSet> registered = [iss, .. starlinks];
        var random = new Random(seed);
        var others = fresh.Where(t => registered.All(r => r.CatalogNumber != t.CatalogNumber)).ToList();
        List<TwoLineElementSet> Shuffled(Func<TwoLineElementSet, bool> regime) => others.Where(regime).OrderBy(t => t.CatalogNumber).OrderBy(_ => random.Next()).ToList();
        var leo = Shuffled(t => t.MeanMotionRevPerDay > 11.25 && t.Eccentricity < 0.01);
        var meo = Shuffled(t => t.MeanMotionRevPerDay is > 1.5 and < 6 && t.Eccentricity < 0.05);
        var geo = Shuffled(t => t.MeanMotionRevPerDay is > 0.98 and < 1.02 && t.Eccentricity < 0.01 && t.InclinationDeg < 5);
        if (leo.Count < 10 || meo.Count < 10 || geo.Count < 10)
        {
            throw new InvalidOperationException($"{path}: too few fresh objects by regime (LEO {leo.Count}, MEO {meo.Count}, GEO {geo.Count})");
        }
        return new CatalogueObjects(registered, leo, meo, geo, loaded.Entries.Count);
    }
}

using NotificationExchange.Orbits.Catalog;

namespace NotificationExchange.Orbits.Screening;

/// <summary>
/// A catalogue ready to screen, in one call from its file: <c>CatalogScreen.FromFile(path).AllAgainstAll(start, end,
/// volume, sink)</c> or <c>.Against(primary, start, end)</c>. It strings together the building blocks, which stay public
/// for callers that need them apart: <see cref="TleCatalog"/> (reading, with every bad entry reported in
/// <see cref="Rejections"/> rather than thrown), <see cref="Trajectory"/>, <see cref="ScreeningCatalog"/> (prepared
/// once per window and kept for the next call on the same window), <see cref="AllVersusAllScreener"/> and
/// <see cref="ConjunctionScreener"/>. Safe to share between threads.
/// </summary>
public sealed class CatalogScreen
{
    private readonly Dictionary<int, Trajectory> _byNumber;
    private readonly Lock _prepared = new();
    private ScreeningCatalog? _catalog;

    private CatalogScreen(IReadOnlyList<Trajectory> trajectories, IReadOnlyList<CatalogRejection> rejections)
    {
        Trajectories = trajectories;
        Rejections = rejections;
        _byNumber = [];
        foreach (var trajectory in trajectories)
        {
            // a catalogue listing a number twice keeps both in the screens; looking it up gives the first
            _byNumber.TryAdd(trajectory.CatalogNumber, trajectory);
        }
    }

    /// <summary>Every object of the catalogue, in file order.</summary>
    public IReadOnlyList<Trajectory> Trajectories { get; }

    /// <summary>The entries the file held that could not be read (file line and reason); they are not screened.</summary>
    public IReadOnlyList<CatalogRejection> Rejections { get; }

    /// <summary>Reads a two- or three-line element set file (<see cref="TleCatalog.Load"/>).</summary>
    public static CatalogScreen FromFile(string path, bool verifyChecksums = true)
    {
        var load = TleCatalog.Load(path, verifyChecksums);
        return new CatalogScreen([.. load.Entries.Select(e => Trajectory.FromTle(e.Tle))], load.Rejections);
    }

    public static CatalogScreen FromTrajectories(IReadOnlyList<Trajectory> trajectories) => new(trajectories, []);

    /// <summary>The catalogue's object with that number.</summary>
    public Trajectory Object(int catalogNumber) =>
        _byNumber.TryGetValue(catalogNumber, out var trajectory)
            ? trajectory
            : throw new KeyNotFoundException($"catalogNumber: no object {catalogNumber} in the catalogue ({Trajectories.Count} objects)");

    /// <summary>
    /// Every object against every other over [<paramref name="start"/>, <paramref name="end"/>), each conjunction
    /// handed to <paramref name="sink"/> as it is found (<see cref="AllVersusAllScreener.Screen(ScreeningCatalog, IConjunctionSink, ScreeningVolume?, int, double, double)"/>);
    /// null <paramref name="volume"/> gives each primary its Space-Track size.
    /// </summary>
    public AllVersusAllStatistics AllAgainstAll(
        DateTime start, DateTime end, ScreeningVolume? volume, IConjunctionSink sink, int maxDegreeOfParallelism = -1) =>
        AllVersusAllScreener.Screen(Prepared(start, end), sink, volume, maxDegreeOfParallelism);

    /// <summary>Every object against every other, the conjunctions collected: for catalogues and volumes whose
    /// conjunctions fit in memory.</summary>
    public AllVersusAllResult AllAgainstAll(DateTime start, DateTime end, ScreeningVolume? volume = null, int maxDegreeOfParallelism = -1) =>
        AllVersusAllScreener.Screen(Prepared(start, end), volume, maxDegreeOfParallelism);

    /// <summary>
    /// One primary (a catalogue object, or a path of its own such as a planned maneuver's) against the catalogue
    /// (<see cref="ConjunctionScreener.Screen(Trajectory, ScreeningCatalog, ScreeningVolume?, int)"/>), by time of
    /// closest approach; null <paramref name="volume"/> gives the primary its Space-Track size.
    /// </summary>
    public IReadOnlyList<Conjunction> Against(
        Trajectory primary, DateTime start, DateTime end, ScreeningVolume? volume = null, int maxDegreeOfParallelism = -1) =>
        ConjunctionScreener.Screen(primary, Prepared(start, end), volume, maxDegreeOfParallelism);

    /// <summary>The catalogue prepared for the window: the last one when the window is the same.</summary>
    public ScreeningCatalog Prepared(DateTime start, DateTime end)
    {
        lock (_prepared)
        {
            if (_catalog is null || _catalog.WindowStart != start || _catalog.WindowEnd != end)
            {
                _catalog = ScreeningCatalog.Prepare(Trajectories, start, end);
            }
            return _catalog;
        }
    }
}

using System.Numerics;
using System.Runtime.Intrinsics;

namespace NotificationExchange.Orbits.Screening.Sweep;

/// <summary>
/// The spatial hash of one step: each box, grown by half the largest distance, goes into every cell it touches
/// (counting sort by cell hash), and the pairs of boxes within their distance are found cell by cell, each pair once.
/// One per worker; reused step after step.
/// </summary>
internal sealed class BoxGrid
{
    /// <summary>Boxes over more cells than this are not hashed (the caller tests them against every object).</summary>
    private const int MaxCellsPerBox = 64;

    /// <summary>Buckets with at least this many entries have their pairs tested four at a time.</summary>
    private const int VectorBucket = 12;

    private const int CellBits = 21;
    private const long CellOffset = 1L << (CellBits - 1);

    private readonly double _inverseCell;
    private readonly double _expand;
    private readonly long[] _corners;
    private readonly PathBounds[] _bounds;
    private long[] _keys = new long[1024];
    private int[] _entryObjects = new int[1024];
    private GridEntry[] _sorted = new GridEntry[1024];
    private long[] _crowdedKeys = new long[64];
    private double[] _crowdedBounds = new double[7 * 64];
    private int[] _bucketStarts = new int[1025];
    private int _entries;

    public BoxGrid(int objects, double cellSizeKm, double maxThresholdKm)
    {
        _inverseCell = 1.0 / cellSizeKm;
        _expand = 0.5 * maxThresholdKm;
        _corners = new long[objects];
        _bounds = new PathBounds[objects];
    }

    /// <summary>Pairs (object, object) whose boxes are within their distance, found by <see cref="FindPairs"/>.</summary>
    public List<(int First, int Second)> Pairs { get; } = [];

    public void Clear() => _entries = 0;

    /// <summary>
    /// The object's box, grown by half the largest distance, into every grid cell it touches; false (and not
    /// inserted) when that is more than <see cref="MaxCellsPerBox"/> cells.
    /// </summary>
    public bool Insert(int i, in PathBounds bounds)
    {
        var x0 = Cell(bounds.LowX - _expand);
        var x1 = Cell(bounds.HighX + _expand);
        var y0 = Cell(bounds.LowY - _expand);
        var y1 = Cell(bounds.HighY + _expand);
        var z0 = Cell(bounds.LowZ - _expand);
        var z1 = Cell(bounds.HighZ + _expand);
        if ((x1 - x0 + 1) * (y1 - y0 + 1) * (z1 - z0 + 1) > MaxCellsPerBox)
        {
            return false;
        }
        _corners[i] = Key(x0, y0, z0);
        _bounds[i] = bounds;
        for (var x = x0; x <= x1; x++)
        {
            for (var y = y0; y <= y1; y++)
            {
                for (var z = z0; z <= z1; z++)
                {
                    if (_entries == _keys.Length)
                    {
                        Array.Resize(ref _keys, 2 * _entries);
                        Array.Resize(ref _entryObjects, 2 * _entries);
                    }
                    _keys[_entries] = Key(x, y, z);
                    _entryObjects[_entries] = i;
                    _entries++;
                }
            }
        }
        return true;
    }

    /// <summary>
    /// Fills <see cref="Pairs"/> with the pairs sharing a cell whose boxes are within their distance, each taken once:
    /// in the cell holding the low corner of the overlap of their grown boxes (boxes within the pair's distance
    /// overlap when each is grown by half the largest distance).
    /// </summary>
    public void FindPairs()
    {
        Pairs.Clear();
        var entries = _entries;
        // about two entries a bucket: the counts stay in cache while the entries are scattered; different cells
        // sharing a bucket cost a key comparison, never a pair
        var buckets = 1024;
        while (2 * buckets < entries)
        {
            buckets *= 2;
        }
        if (_sorted.Length < entries)
        {
            _sorted = new GridEntry[_keys.Length];
        }
        if (_bucketStarts.Length < buckets + 1)
        {
            _bucketStarts = new int[buckets + 1];
        }
        var starts = _bucketStarts;
        Array.Clear(starts, 0, buckets + 1);
        var shift = 64 - BitOperations.Log2((uint)buckets);
        for (var e = 0; e < entries; e++)
        {
            starts[Bucket(_keys[e], shift) + 1]++;
        }
        for (var b = 0; b < buckets; b++)
        {
            starts[b + 1] += starts[b];
        }
        for (var e = 0; e < entries; e++)
        {
            var i = _entryObjects[e];
            ref var entry = ref _sorted[starts[Bucket(_keys[e], shift)]++];
            entry.Key = _keys[e];
            entry.Object = i;
        }
        // starts[b] now marks the end of bucket b
        var begin = 0;
        for (var b = 0; b < buckets; b++)
        {
            var finish = starts[b];
            if (finish - begin >= VectorBucket)
            {
                PairsInCrowdedBucket(begin, finish);
            }
            else
            {
                for (var p = begin; p < finish - 1; p++)
                {
                    for (var q = p + 1; q < finish; q++)
                    {
                        PairIfNear(ref _sorted[p], ref _sorted[q]);
                    }
                }
            }
            begin = finish;
        }
    }

    /// <summary>Two entries of one bucket: a pair when they share the cell and their boxes are within the distance.</summary>
    private void PairIfNear(ref GridEntry first, ref GridEntry second)
    {
        if (second.Key == first.Key && PathBounds.Within(_bounds[first.Object], _bounds[second.Object]))
        {
            CanonicalPair(ref first, ref second);
        }
    }

    /// <summary>A pair whose boxes are within its distance, taken in the cell at the low corner of their overlap.</summary>
    private void CanonicalPair(ref GridEntry first, ref GridEntry second)
    {
        if (MaxKey(_corners[first.Object], _corners[second.Object]) == first.Key)
        {
            Pairs.Add((first.Object, second.Object));
        }
    }

    /// <summary>
    /// The pairs of a crowded bucket (the cells over the poles, where every near-polar orbit passes, hold a
    /// hundred boxes at a time): its entries laid out component by component and the box test four at a time.
    /// </summary>
    private void PairsInCrowdedBucket(int begin, int finish)
    {
        var n = finish - begin;
        if (_crowdedKeys.Length < n)
        {
            var size = 2 * n;
            _crowdedKeys = new long[size];
            _crowdedBounds = new double[7 * size];
        }
        var keys = _crowdedKeys;
        var bounds = _crowdedBounds;
        for (var e = 0; e < n; e++)
        {
            ref var entry = ref _sorted[begin + e];
            ref var box = ref _bounds[entry.Object];
            keys[e] = entry.Key;
            bounds[e] = box.LowX;
            bounds[n + e] = box.LowY;
            bounds[2 * n + e] = box.LowZ;
            bounds[3 * n + e] = box.HighX;
            bounds[4 * n + e] = box.HighY;
            bounds[5 * n + e] = box.HighZ;
            bounds[6 * n + e] = box.Threshold;
        }
        var zero = Vector256<double>.Zero;
        for (var p = 0; p < n - 1; p++)
        {
            ref var first = ref _sorted[begin + p];
            var key = Vector256.Create(first.Key);
            var lowX = Vector256.Create(bounds[p]);
            var lowY = Vector256.Create(bounds[n + p]);
            var lowZ = Vector256.Create(bounds[2 * n + p]);
            var highX = Vector256.Create(bounds[3 * n + p]);
            var highY = Vector256.Create(bounds[4 * n + p]);
            var highZ = Vector256.Create(bounds[5 * n + p]);
            var threshold = Vector256.Create(bounds[6 * n + p]);
            var q = p + 1;
            for (; q + 4 <= n; q += 4)
            {
                var gapX = Vector256.Max(zero, Vector256.Max(lowX - Vector256.Create(bounds, 3 * n + q), Vector256.Create(bounds, q) - highX));
                var gapY = Vector256.Max(zero, Vector256.Max(lowY - Vector256.Create(bounds, 4 * n + q), Vector256.Create(bounds, n + q) - highY));
                var gapZ = Vector256.Max(zero, Vector256.Max(lowZ - Vector256.Create(bounds, 5 * n + q), Vector256.Create(bounds, 2 * n + q) - highZ));
                var distance = Vector256.Max(threshold, Vector256.Create(bounds, 6 * n + q));
                var near = Vector256.LessThanOrEqual(gapX * gapX + gapY * gapY + gapZ * gapZ, distance * distance)
                    & Vector256.Equals(Vector256.Create(keys, q), key).AsDouble();
                var mask = near.ExtractMostSignificantBits();
                while (mask != 0)
                {
                    var lane = BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                    CanonicalPair(ref first, ref _sorted[begin + q + lane]);
                }
            }
            for (; q < n; q++)
            {
                PairIfNear(ref first, ref _sorted[begin + q]);
            }
        }
    }

    private long Cell(double coordinate)
    {
        var index = Math.Floor(coordinate * _inverseCell);
        return (long)Math.Clamp(index, -CellOffset, CellOffset - 1) + CellOffset;
    }

    private static long Key(long x, long y, long z) => (x << (2 * CellBits)) | (y << CellBits) | z;

    /// <summary>The cell whose every index is the larger of the two cells' (the overlap's low corner).</summary>
    private static long MaxKey(long a, long b)
    {
        const long mask = (1L << CellBits) - 1;
        return Key(
            Math.Max(a >> (2 * CellBits), b >> (2 * CellBits)),
            Math.Max((a >> CellBits) & mask, (b >> CellBits) & mask),
            Math.Max(a & mask, b & mask));
    }

    private static int Bucket(long key, int shift) => (int)((ulong)(key * unchecked((long)0x9E3779B97F4A7C15)) >> shift);
}

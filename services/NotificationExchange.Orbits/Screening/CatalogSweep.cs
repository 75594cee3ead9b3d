using System.Runtime.Intrinsics;
using NotificationExchange.Orbits.Propagation;

namespace NotificationExchange.Orbits.Screening;

/// <summary>
/// The candidate stage of the all-against-all screen: the whole catalogue stepped through the window on a fixed grid
/// of times, every object's path over each step bounded by a box, the boxes hashed into a spatial grid, and the pairs
/// whose boxes come within the screening distance tested exactly. What it hands on is every (pair, step) in which the
/// pair may come within its distance; nothing else can hold a conjunction.
/// <para>
/// Why nothing is missed: between two states the path departs from the straight chord joining them by at most
/// A·T²/8 (A the object's bound on |r''|, T the chord's span), so the pair's separation departs from the chord of
/// their separations by at most the sum of those pads. A step is kept when that chord comes within the pair's
/// distance plus both pads, and, for volumes thin in the radial direction (the Space-Track ellipsoids), when the two
/// radii can come close enough for either object to be inside the other's volume. Slow objects (high orbits, where A
/// is small) take chords over up to 64 steps, as long as their pad stays small; an object whose element set fails at
/// one end of a chord gets the box it cannot leave from the other end, and one with no state at either end, or a
/// switch of element sets (a maneuver) inside the chord, is kept with every object.
/// </para>
/// </summary>
internal sealed class CatalogSweep
{
    /// <summary>The longest chord, in steps.</summary>
    private const int MaxMultiple = 64;

    /// <summary>Objects take chords over as many steps as keep their pad under this (km).</summary>
    private const double PadBudgetKm = 5.0;

    /// <summary>Boxes over more cells than this are tested against every object instead of hashed.</summary>
    private const int MaxCellsPerBox = 64;

    /// <summary>Room (km) for the vector kernel's difference from the scalar code and for rounding in the tests.</summary>
    private const double SlackKm = 1e-6;

    /// <summary>Steps per work item: a multiple of <see cref="MaxMultiple"/>, so every chord starts afresh.</summary>
    private const int StepsPerChunk = 256;

    /// <summary>Buckets with at least this many entries have their pairs tested four at a time.</summary>
    private const int VectorBucket = 12;

    private const int CellBits = 21;
    private const long CellOffset = 1L << (CellBits - 1);

    private const byte Inactive = 0;
    private const byte ChordMode = 1;
    private const byte ReachMode = 2;

    private readonly PreparedObject[] _objects;
    private readonly double[] _thresholds;
    private readonly double[] _radialAxes;
    private readonly double[] _accelerations;
    private readonly double[] _validUntil;

    /// <summary>When each object's path switches element sets (a maneuver), s from the window start; infinity when it
    /// does not.</summary>
    private readonly double[] _switchSeconds;
    private readonly int[] _multiples;
    private readonly double _maxThreshold;
    private readonly double _cellSize;
    private readonly PropagationClass[] _classes;

    public CatalogSweep(
        PreparedObject[] objects, double[] thresholds, double[] radialAxes, double windowSeconds, double stepSeconds, double cellSizeKm)
    {
        _objects = objects;
        _thresholds = thresholds;
        _radialAxes = radialAxes;
        WindowSeconds = windowSeconds;
        StepSeconds = stepSeconds;
        Steps = (int)Math.Ceiling(windowSeconds / stepSeconds);
        _cellSize = cellSizeKm;
        _maxThreshold = thresholds.Length == 0 ? 0.0 : thresholds.Max();
        _accelerations = [.. objects.Select(o => o.AccelerationBoundKmPerS2)];
        _validUntil = [.. objects.Select(o => o.ValidUntilSeconds)];
        _switchSeconds = [.. objects.Select(o => o.Trajectory.HasSwitch ? o.Trajectory.SwitchSeconds : double.PositiveInfinity)];
        _multiples = new int[objects.Length];
        for (var i = 0; i < objects.Length; i++)
        {
            if (objects[i].ValidUntilSeconds <= 0.0)
            {
                continue;
            }
            var multiple = 1;
            while (multiple < MaxMultiple && Pad(i, 2 * multiple * stepSeconds) <= PadBudgetKm)
            {
                multiple *= 2;
            }
            _multiples[i] = multiple;
        }
        _classes = [.. new[] { 1, 2, 4, 8, 16, 32, 64 }.Select(m => new PropagationClass(m, objects, [.. Enumerable.Range(0, objects.Length).Where(i => _multiples[i] == m)]))];
    }

    public double WindowSeconds { get; }
    public double StepSeconds { get; }

    /// <summary>Number of steps (intervals) in the window.</summary>
    public int Steps { get; }

    public double Time(int k) => Math.Min(k * StepSeconds, WindowSeconds);

    private double Pad(int i, double span) => _accelerations[i] * span * span / 8.0;

    /// <summary>
    /// Every (pair, step) that may hold an approach within the pair's distance, as pairKey·(Steps + 1) + step with
    /// pairKey = i·n + j (i &lt; j, catalogue indices), in no particular order.
    /// </summary>
    public List<long> Run(int maxDegreeOfParallelism, out long boxPairSteps, out long chordPairSteps, out long radialPairSteps)
    {
        var chunks = (Steps + StepsPerChunk - 1) / StepsPerChunk;
        var collected = new List<List<long>>();
        long boxes = 0, chords = 0, radial = 0;
        Parallel.For(
            0,
            chunks,
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
            () => new Worker(this),
            (chunk, _, worker) =>
            {
                worker.RunChunk(chunk * StepsPerChunk, Math.Min(Steps, (chunk + 1) * StepsPerChunk));
                return worker;
            },
            worker =>
            {
                lock (collected)
                {
                    collected.Add(worker.Candidates);
                    boxes += worker.BoxPairSteps;
                    chords += worker.ChordPairSteps;
                    radial += worker.RadialPairSteps;
                }
            });
        boxPairSteps = boxes;
        chordPairSteps = chords;
        radialPairSteps = radial;
        var all = new List<long>(collected.Sum(c => c.Count));
        foreach (var list in collected)
        {
            all.AddRange(list);
        }
        return all;
    }

    /// <summary>Objects that share a chord length, near-Earth ones four to a vector group, the rest one by one.</summary>
    private sealed class PropagationClass
    {
        public PropagationClass(int multiple, PreparedObject[] objects, int[] members)
        {
            Multiple = multiple;
            Members = members;
            var laneable = members.Where(i => objects[i].Trajectory.IsLaneable).ToArray();
            var groups = laneable.Length / 4;
            Groups = new Sgp4Propagator.Lanes[groups];
            GroupOffsets = new Vector256<double>[groups];
            GroupMembers = laneable[..(4 * groups)];
            for (var g = 0; g < groups; g++)
            {
                var t = GroupMembers.AsSpan(4 * g, 4).ToArray().Select(i => objects[i].Trajectory).ToArray();
                Groups[g] = Sgp4Propagator.ToLanes(t[0].InitialPropagator, t[1].InitialPropagator, t[2].InitialPropagator, t[3].InitialPropagator);
                GroupOffsets[g] = Vector256.Create(t[0].InitialOffsetMinutes, t[1].InitialOffsetMinutes, t[2].InitialOffsetMinutes, t[3].InitialOffsetMinutes);
            }
            Singles = [.. members.Except(GroupMembers)];
        }

        public int Multiple { get; }
        public int[] Members { get; }
        public Sgp4Propagator.Lanes[] Groups { get; }
        public Vector256<double>[] GroupOffsets { get; }
        public int[] GroupMembers { get; }
        public int[] Singles { get; }
    }

    /// <summary>A box around a path over one step (pads included) and the object's screening distance.</summary>
    private struct Bounds
    {
        public double LowX, LowY, LowZ, HighX, HighY, HighZ;
        public double Threshold;

        /// <summary>The boxes within the pair's distance (the larger of their volumes' radii).</summary>
        public static bool Within(in Bounds a, in Bounds b)
        {
            var distance = Math.Max(a.Threshold, b.Threshold);
            var gapX = Math.Max(0.0, Math.Max(a.LowX - b.HighX, b.LowX - a.HighX));
            var gapY = Math.Max(0.0, Math.Max(a.LowY - b.HighY, b.LowY - a.HighY));
            var gapZ = Math.Max(0.0, Math.Max(a.LowZ - b.HighZ, b.LowZ - a.HighZ));
            return gapX * gapX + gapY * gapY + gapZ * gapZ <= distance * distance;
        }
    }

    /// <summary>An object's path over one step: its bounds, the chord's positions at the step's ends, the grid cell of
    /// the grown box's low corner, and what the pair tests need.</summary>
    private struct PathBox
    {
        public Bounds Bounds;
        public long CellX, CellY, CellZ;
        public double FromX, FromY, FromZ, ToX, ToY, ToZ;
        public double Pad;

        /// <summary>The radial half-axis of the object's volume.</summary>
        public double RadialAxis;
        public int CatalogNumber;
        public byte Mode;
        public bool Oversized;
    }

    /// <summary>A box's entry in one grid cell, with what the first tests need, so that they read memory in order.</summary>
    private struct Entry
    {
        public long Key;
        public long Corner;
        public Bounds Bounds;
        public int Object;
    }

    /// <summary>One thread's buffers; steps a chunk of the window at a time.</summary>
    private sealed class Worker
    {
        private readonly CatalogSweep _sweep;
        private readonly int _count;
        private readonly double _inverseCell;

        // each object's current chord: states (x, y, z, vx, vy, vz) at its two ends, whether they exist, and when
        private readonly double[] _startStates;
        private readonly double[] _endStates;
        private readonly bool[] _startValid;
        private readonly bool[] _endValid;
        private readonly double[] _startTimes;
        private readonly double[] _endTimes;

        private readonly PathBox[] _boxes;
        private readonly List<int> _unknown = [];
        private readonly List<int> _oversized = [];
        private readonly List<int> _active = [];
        private long[] _keys = new long[1024];
        private int[] _entryObjects = new int[1024];
        private Entry[] _sorted = new Entry[1024];
        private long[] _crowdedKeys = new long[64];
        private double[] _crowdedBounds = new double[7 * 64];
        private int[] _bucketStarts = new int[1025];
        private int _entries;

        public Worker(CatalogSweep sweep)
        {
            _sweep = sweep;
            _count = sweep._objects.Length;
            _inverseCell = 1.0 / sweep._cellSize;
            _startStates = new double[6 * _count];
            _endStates = new double[6 * _count];
            _startValid = new bool[_count];
            _endValid = new bool[_count];
            _startTimes = new double[_count];
            _endTimes = new double[_count];
            _boxes = new PathBox[_count];
            for (var i = 0; i < _count; i++)
            {
                _boxes[i].CatalogNumber = sweep._objects[i].CatalogNumber;
                _boxes[i].Bounds.Threshold = sweep._thresholds[i];
                _boxes[i].RadialAxis = sweep._radialAxes[i];
            }
        }

        public List<long> Candidates { get; } = [];
        public long BoxPairSteps { get; private set; }
        public long ChordPairSteps { get; private set; }
        public long RadialPairSteps { get; private set; }

        public void RunChunk(int first, int end)
        {
            var sweep = _sweep;
            foreach (var cls in sweep._classes)
            {
                Propagate(cls, first, _endStates, _endValid, _endTimes);
                Advance(cls, first);
            }
            for (var k = first; k < end; k++)
            {
                if (k > first)
                {
                    foreach (var cls in sweep._classes)
                    {
                        if (k % cls.Multiple == 0)
                        {
                            Advance(cls, k);
                        }
                    }
                }
                SweepStep(k);
            }
        }

        /// <summary>The class's chords move on: the end becomes the start and the new end is propagated.</summary>
        private void Advance(PropagationClass cls, int k)
        {
            foreach (var i in cls.Members)
            {
                Array.Copy(_endStates, 6 * i, _startStates, 6 * i, 6);
                _startValid[i] = _endValid[i];
                _startTimes[i] = _endTimes[i];
            }
            Propagate(cls, Math.Min(k + cls.Multiple, _sweep.Steps), _endStates, _endValid, _endTimes);
        }

        private void Propagate(PropagationClass cls, int k, double[] states, bool[] valid, double[] times)
        {
            var seconds = _sweep.Time(k);
            Span<double> lanes = stackalloc double[24];
            Span<long> codes = stackalloc long[4];
            var minutes = Vector256.Create(seconds / 60.0);
            for (var g = 0; g < cls.Groups.Length; g++)
            {
                Sgp4Propagator.Propagate(cls.Groups[g], cls.GroupOffsets[g] + minutes, lanes, codes);
                for (var lane = 0; lane < 4; lane++)
                {
                    var i = cls.GroupMembers[4 * g + lane];
                    for (var component = 0; component < 6; component++)
                    {
                        states[6 * i + component] = lanes[4 * component + lane];
                    }
                    valid[i] = codes[lane] == (long)Sgp4Error.None;
                    times[i] = seconds;
                }
            }
            foreach (var i in cls.Singles)
            {
                valid[i] = _sweep._objects[i].Trajectory.StateAt(seconds, out var state) == Sgp4Error.None;
                states[6 * i] = state.PositionKm.X;
                states[6 * i + 1] = state.PositionKm.Y;
                states[6 * i + 2] = state.PositionKm.Z;
                states[6 * i + 3] = state.VelocityKmPerS.X;
                states[6 * i + 4] = state.VelocityKmPerS.Y;
                states[6 * i + 5] = state.VelocityKmPerS.Z;
                times[i] = seconds;
            }
        }

        private void SweepStep(int k)
        {
            var sweep = _sweep;
            var from = sweep.Time(k);
            var to = sweep.Time(k + 1);
            _unknown.Clear();
            _oversized.Clear();
            _active.Clear();
            _entries = 0;
            for (var i = 0; i < _count; i++)
            {
                ref var box = ref _boxes[i];
                box.Mode = Inactive;
                box.Oversized = false;
                var validUntil = sweep._validUntil[i];
                if (sweep._multiples[i] == 0 || from >= validUntil)
                {
                    continue;
                }
                var chordStart = _startTimes[i];
                var chordEnd = _endTimes[i];
                var switchSeconds = sweep._switchSeconds[i];
                var switches = switchSeconds > chordStart && switchSeconds <= chordEnd;
                if (switches || !(_startValid[i] || (_endValid[i] && chordEnd <= validUntil)))
                {
                    // a velocity jump, or no state at either end: nothing bounds the path in this step
                    _unknown.Add(i);
                    continue;
                }
                if (_startValid[i] && _endValid[i] && chordEnd <= validUntil)
                {
                    ChordBox(ref box, i, chordStart, chordEnd, from, to);
                }
                else if (_startValid[i])
                {
                    ReachBox(ref box, i, _startStates, to - chordStart);
                }
                else
                {
                    // SGP4 fails now and then before the object's end (an eccentricity that dips out of range):
                    // reach back from the chord's end
                    ReachBox(ref box, i, _endStates, chordEnd - from);
                }
                _active.Add(i);
                Insert(ref box, i);
            }
            FindGridPairs(k);
            foreach (var i in _oversized)
            {
                foreach (var j in _active)
                {
                    // two oversized objects once, from the lower index
                    if (j != i && !(_boxes[j].Oversized && j < i) && Bounds.Within(_boxes[i].Bounds, _boxes[j].Bounds))
                    {
                        TestPair(ref _boxes[i], ref _boxes[j], i, j, k);
                    }
                }
            }
            foreach (var i in _unknown)
            {
                foreach (var j in _active)
                {
                    AddCandidate(i, j, k);
                }
                foreach (var j in _unknown)
                {
                    if (j > i)
                    {
                        AddCandidate(i, j, k);
                    }
                }
            }
        }

        /// <summary>The chord's positions at the step's ends, and the box around them padded by A·T²/8.</summary>
        private void ChordBox(ref PathBox box, int i, double chordStart, double chordEnd, double from, double to)
        {
            var span = chordEnd - chordStart;
            var a = (from - chordStart) / span;
            var b = (to - chordStart) / span;
            var pad = _sweep.Pad(i, span) + SlackKm;
            var s = 6 * i;
            box.Pad = pad;
            box.Mode = ChordMode;
            box.FromX = _startStates[s] + (_endStates[s] - _startStates[s]) * a;
            box.FromY = _startStates[s + 1] + (_endStates[s + 1] - _startStates[s + 1]) * a;
            box.FromZ = _startStates[s + 2] + (_endStates[s + 2] - _startStates[s + 2]) * a;
            box.ToX = _startStates[s] + (_endStates[s] - _startStates[s]) * b;
            box.ToY = _startStates[s + 1] + (_endStates[s + 1] - _startStates[s + 1]) * b;
            box.ToZ = _startStates[s + 2] + (_endStates[s + 2] - _startStates[s + 2]) * b;
            box.Bounds.LowX = Math.Min(box.FromX, box.ToX) - pad;
            box.Bounds.LowY = Math.Min(box.FromY, box.ToY) - pad;
            box.Bounds.LowZ = Math.Min(box.FromZ, box.ToZ) - pad;
            box.Bounds.HighX = Math.Max(box.FromX, box.ToX) + pad;
            box.Bounds.HighY = Math.Max(box.FromY, box.ToY) + pad;
            box.Bounds.HighZ = Math.Max(box.FromZ, box.ToZ) + pad;
        }

        /// <summary>A cube around one of the chord's end states that the object cannot leave within
        /// <paramref name="elapsed"/> seconds either way: |v|·t + A·t²/2.</summary>
        private void ReachBox(ref PathBox box, int i, double[] states, double elapsed)
        {
            var s = 6 * i;
            var speed = Math.Sqrt(states[s + 3] * states[s + 3] + states[s + 4] * states[s + 4] + states[s + 5] * states[s + 5]);
            var reach = speed * elapsed + 0.5 * _sweep._accelerations[i] * elapsed * elapsed + SlackKm;
            box.Pad = reach;
            box.Mode = ReachMode;
            box.Bounds.LowX = states[s] - reach;
            box.Bounds.LowY = states[s + 1] - reach;
            box.Bounds.LowZ = states[s + 2] - reach;
            box.Bounds.HighX = states[s] + reach;
            box.Bounds.HighY = states[s + 1] + reach;
            box.Bounds.HighZ = states[s + 2] + reach;
        }

        private long Cell(double coordinate)
        {
            var index = Math.Floor(coordinate * _inverseCell);
            return (long)Math.Clamp(index, -CellOffset, CellOffset - 1) + CellOffset;
        }

        private static long Key(long x, long y, long z) => (x << (2 * CellBits)) | (y << CellBits) | z;

        /// <summary>The object's box, grown by half the largest distance, into every grid cell it touches.</summary>
        private void Insert(ref PathBox box, int i)
        {
            var expand = 0.5 * _sweep._maxThreshold;
            var x0 = Cell(box.Bounds.LowX - expand);
            var x1 = Cell(box.Bounds.HighX + expand);
            var y0 = Cell(box.Bounds.LowY - expand);
            var y1 = Cell(box.Bounds.HighY + expand);
            var z0 = Cell(box.Bounds.LowZ - expand);
            var z1 = Cell(box.Bounds.HighZ + expand);
            box.CellX = x0;
            box.CellY = y0;
            box.CellZ = z0;
            if ((x1 - x0 + 1) * (y1 - y0 + 1) * (z1 - z0 + 1) > MaxCellsPerBox)
            {
                _oversized.Add(i);
                box.Oversized = true;
                return;
            }
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
        }

        /// <summary>
        /// Pairs sharing a cell, each taken once: in the cell holding the low corner of the overlap of their grown
        /// boxes (boxes within the pair's distance overlap when each is grown by half the largest distance).
        /// </summary>
        private void FindGridPairs(int k)
        {
            var entries = _entries;
            var buckets = 1024;
            while (buckets < 2 * entries)
            {
                buckets *= 2;
            }
            if (_sorted.Length < entries)
            {
                _sorted = new Entry[_keys.Length];
            }
            if (_bucketStarts.Length < buckets + 1)
            {
                _bucketStarts = new int[buckets + 1];
            }
            var starts = _bucketStarts;
            Array.Clear(starts, 0, buckets + 1);
            var shift = 64 - System.Numerics.BitOperations.Log2((uint)buckets);
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
                ref var box = ref _boxes[i];
                ref var entry = ref _sorted[starts[Bucket(_keys[e], shift)]++];
                entry.Key = _keys[e];
                entry.Corner = Key(box.CellX, box.CellY, box.CellZ);
                entry.Bounds = box.Bounds;
                entry.Object = i;
            }
            // starts[b] now marks the end of bucket b
            var begin = 0;
            for (var b = 0; b < buckets; b++)
            {
                var finish = starts[b];
                if (finish - begin >= VectorBucket)
                {
                    PairsInCrowdedBucket(begin, finish, k);
                }
                else
                {
                    for (var p = begin; p < finish - 1; p++)
                    {
                        ref var first = ref _sorted[p];
                        for (var q = p + 1; q < finish; q++)
                        {
                            ref var second = ref _sorted[q];
                            if (second.Key == first.Key && Bounds.Within(first.Bounds, second.Bounds))
                            {
                                CanonicalPair(ref first, ref second, k);
                            }
                        }
                    }
                }
                begin = finish;
            }
        }

        /// <summary>A pair whose boxes are within its distance, tested in the cell at the low corner of their overlap.</summary>
        private void CanonicalPair(ref Entry first, ref Entry second, int k)
        {
            if (MaxKey(first.Corner, second.Corner) == first.Key)
            {
                TestPair(ref _boxes[first.Object], ref _boxes[second.Object], first.Object, second.Object, k);
            }
        }

        /// <summary>
        /// The pairs of a crowded bucket (the cells over the poles, where every near-polar orbit passes, hold a
        /// hundred boxes at a time): its entries laid out component by component and the box test four at a time.
        /// </summary>
        private void PairsInCrowdedBucket(int begin, int finish, int k)
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
                keys[e] = entry.Key;
                bounds[e] = entry.Bounds.LowX;
                bounds[n + e] = entry.Bounds.LowY;
                bounds[2 * n + e] = entry.Bounds.LowZ;
                bounds[3 * n + e] = entry.Bounds.HighX;
                bounds[4 * n + e] = entry.Bounds.HighY;
                bounds[5 * n + e] = entry.Bounds.HighZ;
                bounds[6 * n + e] = entry.Bounds.Threshold;
            }
            var zero = Vector256<double>.Zero;
            for (var p = 0; p < n - 1; p++)
            {
                ref var first = ref _sorted[begin + p];
                var key = Vector256.Create(first.Key);
                var lowX = Vector256.Create(first.Bounds.LowX);
                var lowY = Vector256.Create(first.Bounds.LowY);
                var lowZ = Vector256.Create(first.Bounds.LowZ);
                var highX = Vector256.Create(first.Bounds.HighX);
                var highY = Vector256.Create(first.Bounds.HighY);
                var highZ = Vector256.Create(first.Bounds.HighZ);
                var threshold = Vector256.Create(first.Bounds.Threshold);
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
                        var lane = System.Numerics.BitOperations.TrailingZeroCount(mask);
                        mask &= mask - 1;
                        CanonicalPair(ref first, ref _sorted[begin + q + lane], k);
                    }
                }
                for (; q < n; q++)
                {
                    ref var second = ref _sorted[begin + q];
                    if (second.Key == first.Key && Bounds.Within(first.Bounds, second.Bounds))
                    {
                        CanonicalPair(ref first, ref second, k);
                    }
                }
            }
        }

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

        /// <summary>
        /// The exact tests for a pair whose boxes are within its distance, both on chords: the chord of their
        /// separation within the distance plus both pads, and radii that can meet a volume's radial extent.
        /// </summary>
        private void TestPair(ref PathBox a, ref PathBox b, int i, int j, int k)
        {
            var distance = Math.Max(a.Bounds.Threshold, b.Bounds.Threshold);
            if (a.CatalogNumber == b.CatalogNumber)
            {
                return;
            }
            BoxPairSteps++;
            if (a.Mode == ChordMode && b.Mode == ChordMode)
            {
                var e0x = b.FromX - a.FromX;
                var e0y = b.FromY - a.FromY;
                var e0z = b.FromZ - a.FromZ;
                var dx = b.ToX - a.ToX - e0x;
                var dy = b.ToY - a.ToY - e0y;
                var dz = b.ToZ - a.ToZ - e0z;
                var length = dx * dx + dy * dy + dz * dz;
                var s = length > 0.0 ? Math.Clamp(-(e0x * dx + e0y * dy + e0z * dz) / length, 0.0, 1.0) : 0.0;
                var cx = e0x + s * dx;
                var cy = e0y + s * dy;
                var cz = e0z + s * dz;
                var reach = distance + a.Pad + b.Pad;
                if (cx * cx + cy * cy + cz * cz > reach * reach)
                {
                    return;
                }
            }
            ChordPairSteps++;
            if (a.Mode == ChordMode && b.Mode == ChordMode && RadiiTooFarApart(ref a, ref b))
            {
                return;
            }
            RadialPairSteps++;
            AddCandidate(i, j, k);
        }

        /// <summary>
        /// True when the pair's radii stay too far apart all step for either object to be inside the other's volume.
        /// A conjunction in A's volume has |radial| ≤ a (its radial half-axis) and range ≤ D, so the radii differ by
        /// at most (2·r·a + D²)/(2·r − D) for radii above r. The distance from the centre along each chord piece is
        /// convex with second derivative at most |Δ|²/r, so the difference of the two lies within c/8 of the
        /// straight line between its end values; the paths add their pads.
        /// </summary>
        private static bool RadiiTooFarApart(ref PathBox a, ref PathBox b)
        {
            var a0 = Length(a.FromX, a.FromY, a.FromZ);
            var a1 = Length(a.ToX, a.ToY, a.ToZ);
            var b0 = Length(b.FromX, b.FromY, b.FromZ);
            var b1 = Length(b.ToX, b.ToY, b.ToZ);
            var stepA = Length(a.ToX - a.FromX, a.ToY - a.FromY, a.ToZ - a.FromZ);
            var stepB = Length(b.ToX - b.FromX, b.ToY - b.FromY, b.ToZ - b.FromZ);
            var lowA = Math.Min(a0, a1) - 0.5 * stepA;
            var lowB = Math.Min(b0, b1) - 0.5 * stepB;
            var low = Math.Min(lowA - a.Pad, lowB - b.Pad);
            var distanceA = a.Bounds.Threshold;
            var distanceB = b.Bounds.Threshold;
            if (low <= 2.0 * Math.Max(distanceA, distanceB))
            {
                return false;
            }
            var reach = Math.Max(
                (2.0 * low * a.RadialAxis + distanceA * distanceA) / (2.0 * low - distanceA),
                (2.0 * low * b.RadialAxis + distanceB * distanceB) / (2.0 * low - distanceB)) + a.Pad + b.Pad + SlackKm;
            var bendA = stepA * stepA / lowA / 8.0;
            var bendB = stepB * stepB / lowB / 8.0;
            return Math.Min(b0 - a0, b1 - a1) - bendB > reach || Math.Max(b0 - a0, b1 - a1) + bendA < -reach;
        }

        private static double Length(double x, double y, double z) => Math.Sqrt(x * x + y * y + z * z);

        private void AddCandidate(int i, int j, int k)
        {
            if (i == j || _boxes[i].CatalogNumber == _boxes[j].CatalogNumber)
            {
                return;
            }
            var pair = (long)Math.Min(i, j) * _count + Math.Max(i, j);
            Candidates.Add(pair * (_sweep.Steps + 1) + k);
        }
    }
}

namespace NotificationExchange.Orbits.Screening.Sweep;

/// <summary>
/// One thread's share of a sweep: steps a chunk of the window at a time, each step bounding every object's path by a
/// box (<see cref="PathBox"/>), pairing the boxes through the grid, and testing the pairs exactly.
/// </summary>
internal sealed class SweepWorker
{
    private readonly CatalogSweep _sweep;
    private readonly int _count;
    private readonly PairStep _encoding;
    private readonly ChordEnds _chords;
    private readonly BoxGrid _grid;
    private readonly PathBox[] _boxes;
    private readonly List<int> _unknown = [];
    private readonly List<int> _oversized = [];
    private readonly List<int> _active = [];

    public SweepWorker(CatalogSweep sweep)
    {
        _sweep = sweep;
        _count = sweep.Objects.Length;
        _encoding = sweep.Encoding;
        _chords = new ChordEnds(sweep);
        _grid = new BoxGrid(_count, sweep.CellSizeKm, sweep.MaxThresholdKm);
        _boxes = new PathBox[_count];
        for (var i = 0; i < _count; i++)
        {
            _boxes[i].CatalogNumber = sweep.Objects[i].CatalogNumber;
            _boxes[i].Bounds.Threshold = sweep.Thresholds[i];
            _boxes[i].RadialAxis = sweep.RadialAxes[i];
        }
    }

    public SweepResult Result { get; } = new();

    /// <summary>Steps [first, end); <paramref name="first"/> is a multiple of every chord's span, so chords start
    /// afresh there.</summary>
    public void RunChunk(int first, int end)
    {
        var classes = _sweep.Classes;
        foreach (var cls in classes)
        {
            _chords.Begin(cls, first);
        }
        for (var k = first; k < end; k++)
        {
            if (k > first)
            {
                foreach (var cls in classes)
                {
                    if (k % cls.Multiple == 0)
                    {
                        _chords.Advance(cls, k);
                    }
                }
            }
            SweepStep(k);
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
        _grid.Clear();
        for (var i = 0; i < _count; i++)
        {
            ref var box = ref _boxes[i];
            box.Mode = PathMode.Inactive;
            box.Oversized = false;
            var validUntil = sweep.ValidUntil(i);
            if (!sweep.Follows(i) || from >= validUntil)
            {
                continue;
            }
            var chordStart = _chords.StartTime(i);
            var chordEnd = _chords.EndTime(i);
            var switches = sweep.SwitchesWithin(i, chordStart, chordEnd);
            var startValid = _chords.StartValid(i);
            var endValid = _chords.EndValid(i) && chordEnd <= validUntil;
            if (switches || !(startValid || endValid))
            {
                // a velocity jump, or no state at either end: nothing bounds the path in this step
                _unknown.Add(i);
                continue;
            }
            if (startValid && endValid)
            {
                box.SetChord(_chords.StartState(i), _chords.EndState(i), chordStart, chordEnd, from, to, sweep.Pad(i, chordEnd - chordStart) + PathBox.SlackKm);
            }
            else if (startValid)
            {
                box.SetReach(_chords.StartState(i), to - chordStart, sweep.AccelerationBound(i));
            }
            else
            {
                // SGP4 fails now and then before the object's end (an eccentricity that dips out of range):
                // reach back from the chord's end
                box.SetReach(_chords.EndState(i), chordEnd - from, sweep.AccelerationBound(i));
            }
            _active.Add(i);
            if (!_grid.Insert(i, box.Bounds))
            {
                _oversized.Add(i);
                box.Oversized = true;
            }
        }
        _grid.FindPairs();
        foreach (var (i, j) in _grid.Pairs)
        {
            TestPair(i, j, k);
        }
        foreach (var i in _oversized)
        {
            foreach (var j in _active)
            {
                // two oversized objects once, from the lower index
                if (j != i && !(_boxes[j].Oversized && j < i) && PathBounds.Within(_boxes[i].Bounds, _boxes[j].Bounds))
                {
                    TestPair(i, j, k);
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

    /// <summary>
    /// The exact tests for a pair whose boxes are within its distance: the chord of their separation within the
    /// distance plus both pads, and radii that can meet a volume's radial extent (both only for two chords).
    /// </summary>
    private void TestPair(int i, int j, int k)
    {
        ref var a = ref _boxes[i];
        ref var b = ref _boxes[j];
        if (a.CatalogNumber == b.CatalogNumber)
        {
            return;
        }
        var result = Result;
        result.BoxPairSteps++;
        if (!PathBox.ChordsMayMeet(a, b, Math.Max(a.Bounds.Threshold, b.Bounds.Threshold)))
        {
            return;
        }
        result.ChordPairSteps++;
        if (PathBox.RadiiTooFarApart(a, b))
        {
            return;
        }
        result.RadialPairSteps++;
        AddCandidate(i, j, k);
    }

    private void AddCandidate(int i, int j, int k)
    {
        if (i == j || _boxes[i].CatalogNumber == _boxes[j].CatalogNumber)
        {
            return;
        }
        Result.Candidates.Add(_encoding.Encode(i, j, k));
    }
}

namespace NotificationExchange.Orbits.Screening;

/// <summary>
/// <see cref="EncounterSearch.Search"/> over one interval, turned inside out: it asks for the pair's geometry at one
/// time (<see cref="PendingTime"/>), is handed it (<see cref="Accept"/>), and asks again until the interval is done.
/// Whoever propagates is free to evaluate another walk's time in the same call (two pairs fill the vector kernel's four
/// lanes, <see cref="EncounterSearch.SearchTwoAtATime"/>).
/// <para>
/// Invariant: the times asked for, and the times of closest approach found, are those of
/// <see cref="EncounterSearch.Search"/> (with <see cref="EncounterSearch.RefineRoot"/>) for the same interval, bit for
/// bit: the arithmetic is theirs, operation for operation, so the all-against-all screen's records stay those of the
/// previous implementation, which still calls them.
/// </para>
/// </summary>
internal struct EncounterWalk
{
    private enum Phase
    {
        First,
        Walk,
        Refine,
    }

    private Phase _phase;
    private double _to;
    private double _threshold;
    private double _accelerationBound;
    private double _primaryNext;
    private double _secondaryNext;
    private bool _dense;
    private EncounterSearch.Sample _current;
    private EncounterSearch.Sample _next;
    private double _a, _fa, _b, _fb;
    private int _side;
    private int _iteration;

    /// <summary>The time whose sample <see cref="Accept"/> takes next (s from the window start).</summary>
    public double PendingTime { get; private set; }

    /// <summary>
    /// Starts the walk over [<paramref name="from"/>, <paramref name="to"/>]; false when there is nothing to walk
    /// (the interval lies before either path's start), as <see cref="EncounterSearch.Search"/> returns at once.
    /// Switches are read once here: the walk is only used for paths without any (single element sets).
    /// </summary>
    public bool Start(in BoundTrajectory primary, in BoundTrajectory secondary, double from, double to, double thresholdKm, double accelerationBound)
    {
        from = Math.Max(from, Math.Max(primary.ValidFromSeconds, secondary.ValidFromSeconds));
        if (!(from < to))
        {
            return false;
        }
        _to = to;
        _threshold = thresholdKm;
        _accelerationBound = accelerationBound;
        _primaryNext = primary.NextSwitchAfter(from);
        _secondaryNext = secondary.NextSwitchAfter(from);
        if (!double.IsPositiveInfinity(_primaryNext) || !double.IsPositiveInfinity(_secondaryNext))
        {
            throw new ArgumentException("the walk takes paths without switches", nameof(primary));
        }
        _phase = Phase.First;
        PendingTime = from;
        return true;
    }

    /// <summary>
    /// Takes the sample at <see cref="PendingTime"/>; adds any refined time of closest approach to
    /// <paramref name="found"/>; returns false when the interval is done.
    /// </summary>
    public bool Accept(in EncounterSearch.Sample sample, List<double> found)
    {
        switch (_phase)
        {
            case Phase.First:
                _current = sample;
                return Advance();
            case Phase.Walk:
                _next = sample;
                if (_dense && _next.Valid && _current.RangeRateTimesRange < 0.0 && _next.RangeRateTimesRange >= 0.0)
                {
                    _a = _current.Time;
                    _fa = _current.RangeRateTimesRange;
                    _b = _next.Time;
                    _fb = _next.RangeRateTimesRange;
                    _side = 0;
                    _iteration = 0;
                    if (RefineWants())
                    {
                        _phase = Phase.Refine;
                        return true;
                    }
                    found.Add(0.5 * (_a + _b));
                }
                _current = _next;
                return Advance();
            default:
                if (!sample.Valid)
                {
                    // RefineRoot's NaN: no time of closest approach from this bracket
                    _current = _next;
                    return Advance();
                }
                var ft = sample.RangeRateTimesRange;
                var t = PendingTime;
                if (ft < 0.0)
                {
                    _a = t;
                    _fa = ft;
                    if (_side == -1)
                    {
                        _fb *= 0.5;
                    }
                    _side = -1;
                }
                else
                {
                    _b = t;
                    _fb = ft;
                    if (_side == 1)
                    {
                        _fa *= 0.5;
                    }
                    _side = 1;
                }
                _iteration++;
                if (RefineWants())
                {
                    return true;
                }
                found.Add(0.5 * (_a + _b));
                _current = _next;
                return Advance();
        }
    }

    /// <summary>RefineRoot's loop condition and trial point: true (and the point pending) while it goes on.</summary>
    private bool RefineWants()
    {
        const double tolerance = EncounterSearch.TimeToleranceSeconds;
        if (!(_iteration < 100 && _b - _a > tolerance))
        {
            return false;
        }
        var t = (_a * _fb - _b * _fa) / (_fb - _fa);
        var margin = 0.25 * tolerance;
        PendingTime = Math.Clamp(t, _a + margin, _b - margin);
        return true;
    }

    /// <summary>Search's loop body up to its next evaluation, from <c>_current</c>; false when the interval is done.</summary>
    private bool Advance()
    {
        if (!(_current.Time < _to))
        {
            return false;
        }
        double step;
        _dense = true;
        if (!_current.Valid)
        {
            step = EncounterSearch.InvalidStepSeconds;
            _dense = false;
        }
        else
        {
            var gap = _current.Range - _threshold;
            var denseStep = EncounterSearch.DenseStep(_current);
            var safe = gap > 0.0 ? EncounterSearch.SafeStep(gap, _current.RelativeSpeed, _accelerationBound) : 0.0;
            if (safe > denseStep)
            {
                step = safe;
                _dense = false;
            }
            else
            {
                step = denseStep;
            }
        }
        var stepEnd = Math.Min(_current.Time + step, _to);
        PendingTime = Math.Min(stepEnd, Math.Min(_primaryNext, _secondaryNext));
        _phase = Phase.Walk;
        return true;
    }
}

using System.Runtime.Intrinsics;
using NotificationExchange.Orbits.Propagation;

namespace NotificationExchange.Orbits.Screening.Sweep;

/// <summary>
/// Every object's current chord: its states (x, y, z, vx, vy, vz) at the two ends, whether SGP4 gave them, and when
/// (s from the window start). A class's chords move on together, every <see cref="PropagationClass.Multiple"/> steps.
/// </summary>
internal sealed class ChordEnds
{
    private readonly CatalogSweep _sweep;
    private readonly double[] _startStates;
    private readonly double[] _endStates;
    private readonly bool[] _startValid;
    private readonly bool[] _endValid;
    private readonly double[] _startTimes;
    private readonly double[] _endTimes;

    public ChordEnds(CatalogSweep sweep)
    {
        _sweep = sweep;
        var count = sweep.Objects.Length;
        _startStates = new double[6 * count];
        _endStates = new double[6 * count];
        _startValid = new bool[count];
        _endValid = new bool[count];
        _startTimes = new double[count];
        _endTimes = new double[count];
    }

    public ReadOnlySpan<double> StartState(int i) => _startStates.AsSpan(6 * i, 6);
    public ReadOnlySpan<double> EndState(int i) => _endStates.AsSpan(6 * i, 6);
    public bool StartValid(int i) => _startValid[i];
    public bool EndValid(int i) => _endValid[i];
    public double StartTime(int i) => _startTimes[i];
    public double EndTime(int i) => _endTimes[i];

    /// <summary>The class's chords start at step <paramref name="k"/>: its end state there, then the end after.</summary>
    public void Begin(PropagationClass cls, int k)
    {
        Propagate(cls, k, _endStates, _endValid, _endTimes);
        Advance(cls, k);
    }

    /// <summary>The class's chords move on: the end becomes the start and the new end is propagated.</summary>
    public void Advance(PropagationClass cls, int k)
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
            valid[i] = _sweep.Objects[i].Trajectory.StateAt(seconds, out var state) == Sgp4Error.None;
            states[6 * i] = state.PositionKm.X;
            states[6 * i + 1] = state.PositionKm.Y;
            states[6 * i + 2] = state.PositionKm.Z;
            states[6 * i + 3] = state.VelocityKmPerS.X;
            states[6 * i + 4] = state.VelocityKmPerS.Y;
            states[6 * i + 5] = state.VelocityKmPerS.Z;
            times[i] = seconds;
        }
    }
}

using System.Runtime.Intrinsics;

namespace NotificationExchange.Orbits.Propagation;

/// <summary>
/// Propagates a whole catalogue to one instant into flat arrays (x, y, z, vx, vy, vz per object, km and km/s, TEME),
/// spreading the objects over the cores. Each object's offset from its epoch is computed once; near-Earth objects
/// go four at a time through the vector kernel (<see cref="Sgp4Propagator"/>'s lanes, within about 1e-11 km of the
/// scalar code), deep-space ones one by one through the scalar code. Nothing is allocated per pass.
/// </summary>
public sealed class Sgp4Batch
{
    private readonly Sgp4Propagator[] _propagators;
    private readonly double[] _epochMinutesFromReference;

    /// <summary>Groups of four consecutive near-Earth objects (by index): their lanes, members and epoch offsets.</summary>
    private readonly Sgp4Propagator.Lanes[] _groups;
    private readonly int[] _groupMembers;
    private readonly Vector256<double>[] _groupOffsets;

    /// <summary>Objects in no group (deep space, and the last few near-Earth ones), ascending.</summary>
    private readonly int[] _singles;

    public Sgp4Batch(IReadOnlyList<Sgp4Propagator> propagators, DateTime reference)
    {
        _propagators = [.. propagators];
        _epochMinutesFromReference = [.. propagators.Select(p =>
            Time.JulianDate.MinutesBetween(p.Elements.EpochJulianDateWhole, p.Elements.EpochJulianDateFraction, reference))];
        Reference = reference;

        var nearEarth = Enumerable.Range(0, _propagators.Length).Where(i => !_propagators[i].IsDeepSpace).ToArray();
        var groupCount = nearEarth.Length / 4;
        _groups = new Sgp4Propagator.Lanes[groupCount];
        _groupMembers = new int[4 * groupCount];
        _groupOffsets = new Vector256<double>[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            var m = nearEarth.AsSpan(4 * g, 4);
            m.CopyTo(_groupMembers.AsSpan(4 * g));
            _groups[g] = Sgp4Propagator.ToLanes(_propagators[m[0]], _propagators[m[1]], _propagators[m[2]], _propagators[m[3]]);
            _groupOffsets[g] = Vector256.Create(
                _epochMinutesFromReference[m[0]], _epochMinutesFromReference[m[1]], _epochMinutesFromReference[m[2]], _epochMinutesFromReference[m[3]]);
        }
        _singles = [.. Enumerable.Range(0, _propagators.Length).Where(i => _propagators[i].IsDeepSpace).Concat(nearEarth[(4 * groupCount)..]).Order()];
    }

    public DateTime Reference { get; }
    public int Count => _propagators.Length;

    /// <summary>
    /// States at <paramref name="minutesFromReference"/> into <paramref name="states"/> (6 doubles per object) and
    /// error codes into <paramref name="errors"/>; returns how many objects failed.
    /// </summary>
    public int PropagateAll(double minutesFromReference, double[] states, Sgp4Error[] errors, int maxDegreeOfParallelism = -1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(states.Length, 6 * Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(errors.Length, Count);
        var failures = 0;
        var chunk = Math.Max(256, Count / (4 * Environment.ProcessorCount));
        Parallel.For(0, (Count + chunk - 1) / chunk, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, block =>
        {
            var failed = PropagateRange(block * chunk, Math.Min(Count, (block + 1) * chunk), minutesFromReference, states, errors);
            if (failed > 0)
            {
                Interlocked.Add(ref failures, failed);
            }
        });
        return failures;
    }

    /// <summary>The single-threaded kernel: objects [from, to).</summary>
    public int PropagateRange(int from, int to, double minutesFromReference, double[] states, Sgp4Error[] errors)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(states.Length, 6 * to);
        ArgumentOutOfRangeException.ThrowIfLessThan(errors.Length, to);
        var failed = 0;
        // groups wholly inside the range go through the lanes; members of groups cut by its ends, one by one
        var firstGroup = FirstGroupFrom(from);
        var g = firstGroup;
        var time = Vector256.Create(minutesFromReference);
        Span<double> lanes = stackalloc double[24];
        Span<long> codes = stackalloc long[4];
        for (; g < _groups.Length && _groupMembers[4 * g + 3] < to; g++)
        {
            Sgp4Propagator.Propagate(_groups[g], _groupOffsets[g] + time, lanes, codes);
            for (var lane = 0; lane < 4; lane++)
            {
                var i = _groupMembers[4 * g + lane];
                var error = (Sgp4Error)codes[lane];
                errors[i] = error;
                var offset = 6 * i;
                if (error != Sgp4Error.None)
                {
                    failed++;
                    states.AsSpan(offset, 6).Fill(double.NaN);
                    continue;
                }
                for (var component = 0; component < 6; component++)
                {
                    states[offset + component] = lanes[4 * component + lane];
                }
            }
        }
        // the members of the cut groups before and after, and the objects in no group
        if (firstGroup > 0)
        {
            failed += PropagateMembersOneByOne(firstGroup - 1, from, to, minutesFromReference, states, errors);
        }
        if (g < _groups.Length)
        {
            failed += PropagateMembersOneByOne(g, from, to, minutesFromReference, states, errors);
        }
        var single = Array.BinarySearch(_singles, from);
        for (single = single < 0 ? ~single : single; single < _singles.Length && _singles[single] < to; single++)
        {
            failed += PropagateOne(_singles[single], minutesFromReference, states, errors);
        }
        return failed;
    }

    /// <summary>The first group whose first member is at or after <paramref name="from"/>.</summary>
    private int FirstGroupFrom(int from)
    {
        int low = 0, high = _groups.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_groupMembers[4 * middle] < from)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    private int PropagateMembersOneByOne(int group, int from, int to, double minutesFromReference, double[] states, Sgp4Error[] errors)
    {
        var failed = 0;
        for (var lane = 0; lane < 4; lane++)
        {
            var i = _groupMembers[4 * group + lane];
            if (i >= from && i < to)
            {
                failed += PropagateOne(i, minutesFromReference, states, errors);
            }
        }
        return failed;
    }

    private int PropagateOne(int i, double minutesFromReference, double[] states, Sgp4Error[] errors)
    {
        var error = _propagators[i].Propagate(_epochMinutesFromReference[i] + minutesFromReference, out var state);
        errors[i] = error;
        var offset = 6 * i;
        if (error != Sgp4Error.None)
        {
            states.AsSpan(offset, 6).Fill(double.NaN);
            return 1;
        }
        states[offset] = state.PositionKm.X;
        states[offset + 1] = state.PositionKm.Y;
        states[offset + 2] = state.PositionKm.Z;
        states[offset + 3] = state.VelocityKmPerS.X;
        states[offset + 4] = state.VelocityKmPerS.Y;
        states[offset + 5] = state.VelocityKmPerS.Z;
        return 0;
    }
}

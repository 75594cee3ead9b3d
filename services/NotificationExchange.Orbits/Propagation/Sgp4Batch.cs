namespace NotificationExchange.Orbits.Propagation;

/// <summary>
/// Propagates a whole catalogue to one instant into flat arrays (x, y, z, vx, vy, vz per object, km and km/s, TEME),
/// spreading the objects over the cores. Each object's offset from its epoch is computed once, so the loop does
/// nothing but SGP4 and allocates nothing.
/// </summary>
public sealed class Sgp4Batch
{
    private readonly Sgp4Propagator[] _propagators;
    private readonly double[] _epochMinutesFromReference;

    public Sgp4Batch(IReadOnlyList<Sgp4Propagator> propagators, DateTime reference)
    {
        _propagators = [.. propagators];
        _epochMinutesFromReference = [.. propagators.Select(p =>
            Time.JulianDate.MinutesBetween(p.Elements.EpochJulianDateWhole, p.Elements.EpochJulianDateFraction, reference))];
        Reference = reference;
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
        var failed = 0;
        for (var i = from; i < to; i++)
        {
            var error = _propagators[i].Propagate(_epochMinutesFromReference[i] + minutesFromReference, out var state);
            errors[i] = error;
            var offset = 6 * i;
            if (error != Sgp4Error.None)
            {
                failed++;
                states.AsSpan(offset, 6).Fill(double.NaN);
                continue;
            }
            states[offset] = state.PositionKm.X;
            states[offset + 1] = state.PositionKm.Y;
            states[offset + 2] = state.PositionKm.Z;
            states[offset + 3] = state.VelocityKmPerS.X;
            states[offset + 4] = state.VelocityKmPerS.Y;
            states[offset + 5] = state.VelocityKmPerS.Z;
        }
        return failed;
    }
}

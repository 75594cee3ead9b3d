namespace NotificationExchange.Orbits.Screening.Sweep;

/// <summary>
/// An object's path over one step: its bounds, the chord's positions at the step's ends, and what the exact pair tests
/// need. Only <see cref="PathMode.Chord"/> boxes have chord positions.
/// </summary>
internal struct PathBox
{
    /// <summary>Room (km) for the vector kernel's difference from the scalar code and for rounding in the tests.</summary>
    public const double SlackKm = 1e-6;

    public PathBounds Bounds;
    public double FromX, FromY, FromZ, ToX, ToY, ToZ;
    public double Pad;

    /// <summary>The radial half-axis of the object's volume.</summary>
    public double RadialAxis;
    public int CatalogNumber;
    public PathMode Mode;
    public bool Oversized;

    /// <summary>The chord between two states (x, y, z first) over [chordStart, chordEnd], cut to [from, to] and
    /// padded by <paramref name="pad"/> (A·T²/8).</summary>
    public void SetChord(ReadOnlySpan<double> start, ReadOnlySpan<double> end, double chordStart, double chordEnd, double from, double to, double pad)
    {
        var span = chordEnd - chordStart;
        var a = (from - chordStart) / span;
        var b = (to - chordStart) / span;
        Pad = pad;
        Mode = PathMode.Chord;
        FromX = start[0] + (end[0] - start[0]) * a;
        FromY = start[1] + (end[1] - start[1]) * a;
        FromZ = start[2] + (end[2] - start[2]) * a;
        ToX = start[0] + (end[0] - start[0]) * b;
        ToY = start[1] + (end[1] - start[1]) * b;
        ToZ = start[2] + (end[2] - start[2]) * b;
        Bounds.LowX = Math.Min(FromX, ToX) - pad;
        Bounds.LowY = Math.Min(FromY, ToY) - pad;
        Bounds.LowZ = Math.Min(FromZ, ToZ) - pad;
        Bounds.HighX = Math.Max(FromX, ToX) + pad;
        Bounds.HighY = Math.Max(FromY, ToY) + pad;
        Bounds.HighZ = Math.Max(FromZ, ToZ) + pad;
    }

    /// <summary>A cube around one state (x, y, z, vx, vy, vz) that the object cannot leave within
    /// <paramref name="elapsed"/> seconds either way: |v|·t + A·t²/2.</summary>
    public void SetReach(ReadOnlySpan<double> state, double elapsed, double accelerationBound)
    {
        var speed = Math.Sqrt(state[3] * state[3] + state[4] * state[4] + state[5] * state[5]);
        var reach = speed * elapsed + 0.5 * accelerationBound * elapsed * elapsed + SlackKm;
        Pad = reach;
        Mode = PathMode.Reach;
        Bounds.LowX = state[0] - reach;
        Bounds.LowY = state[1] - reach;
        Bounds.LowZ = state[2] - reach;
        Bounds.HighX = state[0] + reach;
        Bounds.HighY = state[1] + reach;
        Bounds.HighZ = state[2] + reach;
    }

    /// <summary>
    /// False when both paths are chords whose separation stays farther apart than the distance plus both pads all
    /// step: the separation departs from the straight line between its end values by at most the sum of the pads.
    /// </summary>
    public static bool ChordsMayMeet(in PathBox a, in PathBox b, double distance)
    {
        if (a.Mode != PathMode.Chord || b.Mode != PathMode.Chord)
        {
            return true;
        }
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
        return cx * cx + cy * cy + cz * cz <= reach * reach;
    }

    /// <summary>
    /// True when both paths are chords whose radii stay too far apart all step for either object to be inside the
    /// other's volume. A conjunction in A's volume has |radial| ≤ a (its radial half-axis) and range ≤ D, so the radii
    /// differ by at most (2·r·a + D²)/(2·r − D) for radii above r. The distance from the centre along each chord piece
    /// is convex with second derivative at most |Δ|²/r, so the difference of the two lies within c/8 of the straight
    /// line between its end values; the paths add their pads.
    /// </summary>
    public static bool RadiiTooFarApart(in PathBox a, in PathBox b)
    {
        if (a.Mode != PathMode.Chord || b.Mode != PathMode.Chord)
        {
            return false;
        }
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
}

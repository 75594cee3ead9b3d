namespace NotificationExchange.Orbits.Screening.Sweep;

/// <summary>A box around a path over one step (pads included) and the object's screening distance.</summary>
internal struct PathBounds
{
    public double LowX, LowY, LowZ, HighX, HighY, HighZ;
    public double Threshold;

    /// <summary>The boxes within the pair's distance (the larger of their volumes' radii).</summary>
    public static bool Within(in PathBounds a, in PathBounds b)
    {
        var distance = Math.Max(a.Threshold, b.Threshold);
        var gapX = Math.Max(0.0, Math.Max(a.LowX - b.HighX, b.LowX - a.HighX));
        var gapY = Math.Max(0.0, Math.Max(a.LowY - b.HighY, b.LowY - a.HighY));
        var gapZ = Math.Max(0.0, Math.Max(a.LowZ - b.HighZ, b.LowZ - a.HighZ));
        return gapX * gapX + gapY * gapY + gapZ * gapZ <= distance * distance;
    }
}

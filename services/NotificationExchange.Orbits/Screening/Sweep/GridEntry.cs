namespace NotificationExchange.Orbits.Screening.Sweep;

/// <summary>A box's entry in one grid cell, with what the first tests need, so that they read memory in order.</summary>
internal struct GridEntry
{
    public long Key;
    public long Corner;
    public PathBounds Bounds;
    public int Object;
}

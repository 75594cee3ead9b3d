namespace NotificationExchange.Orbits.Screening.Sweep;

/// <summary>
/// A box's entry in one grid cell: its cell and its object, nothing more, so that scattering a step's entries into
/// cell order moves 16 bytes each (the boxes themselves are read by object, from an array that stays in cache).
/// </summary>
internal struct GridEntry
{
    public long Key;
    public int Object;
}

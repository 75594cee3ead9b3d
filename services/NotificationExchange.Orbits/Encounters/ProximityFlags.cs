namespace NotificationExchange.Orbits.Encounters;

/// <summary>Why a proximity interval looks deliberate (none: an ordinary pass).</summary>
[Flags]
public enum ProximityFlags
{
    None = 0,

    /// <summary>The pair stayed within the distance for at least the criteria's dwell.</summary>
    Dwell = 1,

    /// <summary>The relative speed at the closest approach was below the criteria's threshold.</summary>
    LowRelativeSpeed = 2,
}

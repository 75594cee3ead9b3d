namespace NotificationExchange.Orbits.Screening.Sweep;

/// <summary>What bounds an object's path over a step.</summary>
internal enum PathMode : byte
{
    /// <summary>Not in the step: ended (decayed), or with no state that bounds it (then paired with every object).</summary>
    Inactive,

    /// <summary>Within its pad of the straight chord between two states.</summary>
    Chord,

    /// <summary>Within the cube it cannot leave from one state (the other end of its chord has none).</summary>
    Reach,
}

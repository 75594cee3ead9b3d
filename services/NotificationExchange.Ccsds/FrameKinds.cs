namespace NotificationExchange.Ccsds;

/// <summary>Which kinds of reference frame a keyword accepts.</summary>
[Flags]
public enum FrameKinds
{
    /// <summary>Celestial and body-fixed frames (SANA): EME2000, GCRF, ICRF, ITRFxxxx, TEME, TOD, ...</summary>
    Celestial = 1,
    /// <summary>Orbit-relative frames: RTN, RSW, TNW, QSW, LVLH, ... (OCM adds _INERTIAL and _ROTATING variants).</summary>
    OrbitRelative = 2,
    /// <summary>Spacecraft body frames (SANA): SC_BODY_n, SENSOR_n, ACTUATOR_n, STARTRACKER_n, ...</summary>
    SpacecraftBody = 4,
    Any = Celestial | OrbitRelative | SpacecraftBody,
}

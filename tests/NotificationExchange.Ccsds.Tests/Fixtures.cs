namespace NotificationExchange.Ccsds.Tests;

/// <summary>Small messages written for these tests, one per type, using what tools trip on. None ends with a newline.</summary>
internal static class Fixtures
{
    /// <summary>
    /// A plain KVN OMM (GOES 9, SGP4 with its TLE parameters), one keyword a line without alignment, in the version and
    /// under the name given; tests change one line at a time.
    /// </summary>
    public static string Goes9Omm(string version = "2.0", string name = "GOES 9") => $"""
        CCSDS_OMM_VERS = {version}
        CREATION_DATE = 2007-065T16:00:00
        ORIGINATOR = NOAA/USA
        OBJECT_NAME = {name}
        OBJECT_ID = 1995-025A
        CENTER_NAME = EARTH
        REF_FRAME = TEME
        TIME_SYSTEM = UTC
        MEAN_ELEMENT_THEORY = SGP4
        EPOCH = 2007-064T10:34:41.4264
        MEAN_MOTION = 1.00273272 [rev/day]
        ECCENTRICITY = 0.0005013
        INCLINATION = 3.0539 [deg]
        RA_OF_ASC_NODE = 81.7939 [deg]
        ARG_OF_PERICENTER = 249.2363 [deg]
        MEAN_ANOMALY = 150.1602 [deg]
        BSTAR = 0.0001 [1/ER]
        MEAN_MOTION_DOT = -0.00000113 [rev/day**2]
        MEAN_MOTION_DDOT = 0.0 [rev/day**3]
        """;

    public const string OpmWithManeuvers = """
        CCSDS_OPM_VERS = 3.0
        COMMENT written for the NotificationExchange tests
        CREATION_DATE  = 2024-045T08:00:00
        ORIGINATOR     = EXAMPLE OPS
        MESSAGE_ID     = OPM-2024-0001

        COMMENT metadata comment
        OBJECT_NAME    = EXAMPLESAT 1
        OBJECT_ID      = 2020-012AB
        CENTER_NAME    = EARTH
        REF_FRAME      = EME2000
        TIME_SYSTEM    = TAI

        COMMENT State Vector
        EPOCH          = 2024-02-14T12:00:37.000001
        X              =  6678.137 [km]
        Y              =     0.0 [KM]
        Z              =     0.0
        X_DOT          =     0.0 [km/s]
        Y_DOT          =     7.7258 [km/s]
        Z_DOT          =     0.0 [km/s]

        SEMI_MAJOR_AXIS = 6678.137 [km]
        ECCENTRICITY    = 0.0
        INCLINATION     = 51.6 [deg]
        RA_OF_ASC_NODE  = 0.0 [deg]
        ARG_OF_PERICENTER = 0.0 [deg]
        MEAN_ANOMALY    = 0.0 [deg]
        GM              = 398600.4415 [km**3/s**2]

        MASS            = 250 [kg]
        DRAG_AREA       = 1.5 [m**2]
        DRAG_COEFF      = 2.2

        COV_REF_FRAME   = RTN
        CX_X = 1.0e-4
        CY_X = 0
        CY_Y = 1.0e-2
        CZ_X = 0
        CZ_Y = 0
        CZ_Z = 1.0e-4
        CX_DOT_X = 0
        CX_DOT_Y = -1.0e-6
        CX_DOT_Z = 0
        CX_DOT_X_DOT = 1.0e-8
        CY_DOT_X = 0
        CY_DOT_Y = 0
        CY_DOT_Z = 0
        CY_DOT_X_DOT = 0
        CY_DOT_Y_DOT = 1.0e-10
        CZ_DOT_X = 0
        CZ_DOT_Y = 0
        CZ_DOT_Z = 0
        CZ_DOT_X_DOT = 0
        CZ_DOT_Y_DOT = 0
        CZ_DOT_Z_DOT = 1.0e-8

        COMMENT collision avoidance, impulsive
        MAN_EPOCH_IGNITION = 2024-02-15T03:10:00
        MAN_DURATION       = 0 [s]
        MAN_DELTA_MASS     = -0.05 [kg]
        MAN_REF_FRAME      = RTN
        MAN_DV_1           = 0.0
        MAN_DV_2           = 0.00012 [km/s]
        MAN_DV_3           = 0.0

        COMMENT raise, finite burn
        MAN_EPOCH_IGNITION = 2024-046T10:00:00.5
        MAN_DURATION       = 120.5 [s]
        MAN_DELTA_MASS     = -0.4 [kg]
        MAN_REF_FRAME      = TNW
        MAN_DV_1           = 0.0015 [km/s]
        MAN_DV_2           = 0.0
        MAN_DV_3           = 0.0

        USER_DEFINED_OPERATOR_NOTE = coordinated with 2019-001A [see ticket]
        """;

    public const string OemTwoSegments = """
        CCSDS_OEM_VERS = 2.0
        CREATION_DATE = 2016-12-31T23:59:60.5
        ORIGINATOR = EXAMPLE OPS

        META_START
        COMMENT first arc
        OBJECT_NAME = EXAMPLESAT 1
        OBJECT_ID = 2020-012AB
        CENTER_NAME = EARTH
        REF_FRAME = GCRF
        TIME_SYSTEM = GPS
        START_TIME = 2024-02-14T00:00:00
        STOP_TIME = 2024-02-14T00:02:00
        INTERPOLATION = LAGRANGE
        INTERPOLATION_DEGREE = 5
        META_STOP
        COMMENT planned ephemeris
        2024-02-14T00:00:00 6678.137 0 0 0 7.7258 0
        2024-02-14T00:01:00 6675.4 463.4 0.1 -0.09 7.72 0.001 -0.0089 -0.0006 0.0
        2024-02-14T00:02:00 6667.2 926.4 0.2 -0.18 7.70 0.002

        META_START
        OBJECT_NAME = EXAMPLESAT 1
        OBJECT_ID = 2020-012AB
        CENTER_NAME = EARTH
        REF_FRAME = GCRF
        TIME_SYSTEM = GPS
        START_TIME = 2024-045T00:10:00
        USEABLE_START_TIME = 2024-045T00:10:00
        USEABLE_STOP_TIME = 2024-045T00:11:00
        STOP_TIME = 2024-045T00:11:00
        META_STOP
        2024-045T00:10:00 6678.1 0 0 0 7.7258 0
        2024-045T00:11:00 6675.4 463.4 0.1 -0.09 7.72 0.001
        COVARIANCE_START
        COMMENT at the start of the arc
        EPOCH = 2024-045T00:10:00
        COV_REF_FRAME = RTN
        1.0e-4
        0 1.0e-2
        0 0 1.0e-4
        0 -1.0e-6 0 1.0e-8
        0 0 0 0 1.0e-10
        0 0 0 0 0 1.0e-8
        EPOCH = 2024-045T00:11:00
        1.0e-4
        0 1.0e-2
        0 0 1.0e-4
        0 -1.0e-6 0 1.0e-8
        0 0 0 0 1.0e-10
        0 0 0 0 0 1.0e-8
        COVARIANCE_STOP
        """;

    public const string OcmFull = """
        CCSDS_OCM_VERS = 3.0
        CREATION_DATE  = 2024-02-14T08:00:00Z
        ORIGINATOR     = EXAMPLE OPS
        MESSAGE_ID     = OCM-2024-0001

        META_START
        OBJECT_NAME            = EXAMPLESAT 1
        INTERNATIONAL_DESIGNATOR = 2020-012AB
        ORIGINATOR_POC         = Duty Officer
        ORIGINATOR_EMAIL       = ops@example.net
        OPERATOR               = EXAMPLE OPS
        OWNER                  = EXAMPLE
        COUNTRY                = NL
        PREVIOUS_MESSAGE_ID    = OCM-2024-0000
        TIME_SYSTEM            = UTC
        EPOCH_TZERO            = 2024-02-14T00:00:00
        TAIMUTC_AT_TZERO       = 37 [s]
        META_STOP

        TRAJ_START
        COMMENT planned trajectory, relative times
        TRAJ_ID          = TRAJ-1
        TRAJ_BASIS       = PREDICTED
        CENTER_NAME      = EARTH
        TRAJ_REF_FRAME   = EME2000
        TRAJ_TYPE        = CARTPV
        TRAJ_UNITS       = [km, km, km, km/s, km/s, km/s]
        0.0 6678.137 0 0 0 7.7258 0
        60.0 6675.4 463.4 0.1 -0.09 7.72 0.001
        2024-02-14T00:02:00 6667.2 926.4 0.2 -0.18 7.70 0.002
        TRAJ_STOP

        PHYS_START
        WET_MASS      = 250 [kg]
        DRAG_CONST_AREA = 1.5 [m**2]
        DRAG_COEFF_NOM = 2.2
        MAX_THRUST    = 0.5 [N]
        PHYS_STOP

        COV_START
        COV_REF_FRAME = RTN
        COV_TYPE      = CARTPV
        0.0 1e-4 0 1e-2 0 0 1e-4 0 -1e-6 0 1e-8 0 0 0 0 1e-10 0 0 0 0 0 1e-8
        COV_STOP

        MAN_START
        COMMENT collision avoidance against 2019-001A
        MAN_ID          = CAM-1
        MAN_NEXT_ID     = CAM-2
        MAN_BASIS       = PLANNED
        MAN_DEVICE_ID   = THR-A
        MAN_PURPOSE     = COLLISION AVOIDANCE
        MAN_REF_FRAME   = RTN
        DC_TYPE         = CONTINUOUS
        MAN_COMPOSITION = TIME_RELATIVE, MAN_DURA, DELTA_MASS, DV_X, DV_Y, DV_Z
        MAN_UNITS       = [s, kg, km/s, km/s, km/s]
        11400.0 0.0 -0.05 0.0 0.00012 0.0
        MAN_STOP

        MAN_START
        MAN_ID          = CAM-2
        MAN_PREV_ID     = CAM-1
        MAN_BASIS       = CANDIDATE
        MAN_DEVICE_ID   = THR-A
        MAN_PURPOSE     = ORBIT
        MAN_REF_FRAME   = RSW_ROTATING
        MAN_COMPOSITION = TIME_ABSOLUTE, THR_X, THR_Y, THR_Z, THR_INTERP
        2024-02-14T04:00:00 0 0.5 0 ON
        MAN_STOP

        PERT_START
        GRAVITY_MODEL = EGM-96: 36D 36O
        GM            = 398600.4415 [km**3/s**2]
        FIXED_F10P7   = 150 [SFU]
        PERT_STOP

        OD_START
        OD_ID      = OD-17
        OD_METHOD  = BWLS
        OD_EPOCH   = -3600
        OBS_USED   = 0273
        OD_STOP

        USER_START
        USER_DEFINED_NOTE = bilateral agreement 7
        USER_STOP
        """;

    public const string CdmFull = """
        CCSDS_CDM_VERS = 1.0
        CREATION_DATE = 2024-02-14T08:00:00.000
        ORIGINATOR = EXAMPLE SCREENING
        MESSAGE_FOR = EXAMPLESAT 1
        MESSAGE_ID = CDM-2024-0001
        COMMENT Relative Metadata/Data
        TCA = 2024-02-15T03:20:11.250
        MISS_DISTANCE = 120.5 [m]
        RELATIVE_SPEED = 14500 [m/s]
        RELATIVE_POSITION_R = 20.1 [m]
        RELATIVE_POSITION_T = -100.2 [m]
        RELATIVE_POSITION_N = 64.0 [m]
        RELATIVE_VELOCITY_R = -5.0 [m/s]
        RELATIVE_VELOCITY_T = -14490.0 [m/s]
        RELATIVE_VELOCITY_N = 520.0 [m/s]
        START_SCREEN_PERIOD = 2024-02-14T00:00:00
        STOP_SCREEN_PERIOD = 2024-02-21T00:00:00
        SCREEN_VOLUME_FRAME = RTN
        SCREEN_VOLUME_SHAPE = BOX
        SCREEN_VOLUME_X = 400 [m]
        SCREEN_VOLUME_Y = 44000 [m]
        SCREEN_VOLUME_Z = 51000 [m]
        SCREEN_ENTRY_TIME = 2024-02-15T03:20:10.250
        SCREEN_EXIT_TIME = 2024-02-15T03:20:12.250
        COLLISION_PROBABILITY = 1.2e-5
        COLLISION_PROBABILITY_METHOD = FOSTER-1992
        COMMENT Object1
        OBJECT = OBJECT1
        OBJECT_DESIGNATOR = 45001
        CATALOG_NAME = SATCAT
        OBJECT_NAME = EXAMPLESAT 1
        INTERNATIONAL_DESIGNATOR = 2020-012AB
        OBJECT_TYPE = PAYLOAD
        OPERATOR_ORGANIZATION = EXAMPLE OPS
        OPERATOR_EMAIL = ops@example.net
        EPHEMERIS_NAME = NONE
        COVARIANCE_METHOD = CALCULATED
        MANEUVERABLE = YES
        REF_FRAME = EME2000
        SOLAR_RAD_PRESSURE = YES
        TIME_LASTOB_START = 2024-02-13T00:00:00
        OBS_USED = 120
        RESIDUALS_ACCEPTED = 98.5 [%]
        MASS = 250 [kg]
        X = 6678.137 [km]
        Y = 0 [km]
        Z = 0 [km]
        X_DOT = 0 [km/s]
        Y_DOT = 7.7258 [km/s]
        Z_DOT = 0 [km/s]
        CR_R = 100 [m**2]
        CT_R = 0 [m**2]
        CT_T = 10000 [m**2]
        CN_R = 0 [m**2]
        CN_T = 0 [m**2]
        CN_N = 100 [m**2]
        CRDOT_R = 0 [m**2/s]
        CRDOT_T = -1 [m**2/s]
        CRDOT_N = 0 [m**2/s]
        CRDOT_RDOT = 0.01 [m**2/s**2]
        CTDOT_R = 0 [m**2/s]
        CTDOT_T = 0 [m**2/s]
        CTDOT_N = 0 [m**2/s]
        CTDOT_RDOT = 0 [m**2/s**2]
        CTDOT_TDOT = 0.0001 [m**2/s**2]
        CNDOT_R = 0 [m**2/s]
        CNDOT_T = 0 [m**2/s]
        CNDOT_N = 0 [m**2/s]
        CNDOT_RDOT = 0 [m**2/s**2]
        CNDOT_TDOT = 0 [m**2/s**2]
        CNDOT_NDOT = 0.01 [m**2/s**2]
        CDRG_R = 0.1 [m**3/kg]
        CDRG_RDOT = 0.001 [m**3/(kg*s)]
        CDRG_DRG = 0.0001 [m**4/kg**2]
        CTHR_THR = 1e-9 [m**2/s**4]
        OBJECT = OBJECT2
        OBJECT_DESIGNATOR = 43999
        CATALOG_NAME = SATCAT
        OBJECT_NAME = DEBRIS 43999
        INTERNATIONAL_DESIGNATOR = 2019-001A
        OBJECT_TYPE = DEBRIS
        EPHEMERIS_NAME = NONE
        COVARIANCE_METHOD = DEFAULT
        MANEUVERABLE = NO
        REF_FRAME = EME2000
        X = 6678.2 [km]
        Y = -0.1 [km]
        Z = 0.06 [km]
        X_DOT = 0 [km/s]
        Y_DOT = -7.7 [km/s]
        Z_DOT = 0.5 [km/s]
        CR_R = 400 [m**2]
        CT_R = 0 [m**2]
        CT_T = 90000 [m**2]
        CN_R = 0 [m**2]
        CN_T = 0 [m**2]
        CN_N = 400 [m**2]
        CRDOT_R = 0 [m**2/s]
        CRDOT_T = 0 [m**2/s]
        CRDOT_N = 0 [m**2/s]
        CRDOT_RDOT = 0.04 [m**2/s**2]
        CTDOT_R = 0 [m**2/s]
        CTDOT_T = 0 [m**2/s]
        CTDOT_N = 0 [m**2/s]
        CTDOT_RDOT = 0 [m**2/s**2]
        CTDOT_TDOT = 0.0004 [m**2/s**2]
        CNDOT_R = 0 [m**2/s]
        CNDOT_T = 0 [m**2/s]
        CNDOT_N = 0 [m**2/s]
        CNDOT_RDOT = 0 [m**2/s**2]
        CNDOT_TDOT = 0 [m**2/s**2]
        CNDOT_NDOT = 0.04 [m**2/s**2]
        """;

    /// <summary>A namespaced NDM/XML OPM inside an &lt;ndm&gt; wrapper, with units attributes.</summary>
    public const string OpmXmlNamespaced = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ndm xmlns="urn:ccsds:schema:ndmxml" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
          <opm id="CCSDS_OPM_VERS" version="2.0">
            <header>
              <CREATION_DATE>2024-02-14T08:00:00</CREATION_DATE>
              <ORIGINATOR>EXAMPLE OPS</ORIGINATOR>
            </header>
            <body>
              <segment>
                <metadata>
                  <OBJECT_NAME>EXAMPLESAT 1</OBJECT_NAME>
                  <OBJECT_ID>2020-012AB</OBJECT_ID>
                  <CENTER_NAME>EARTH</CENTER_NAME>
                  <REF_FRAME>ITRF-97</REF_FRAME>
                  <TIME_SYSTEM>UTC</TIME_SYSTEM>
                </metadata>
                <data>
                  <COMMENT>state from OD</COMMENT>
                  <stateVector>
                    <EPOCH>2024-045T12:00:00</EPOCH>
                    <X units="km">6678.137</X>
                    <Y units="km">0</Y>
                    <Z units="km">0</Z>
                    <X_DOT units="km/s">0</X_DOT>
                    <Y_DOT units="km/s">7.7258</Y_DOT>
                    <Z_DOT units="km/s">0</Z_DOT>
                  </stateVector>
                  <maneuverParameters>
                    <MAN_EPOCH_IGNITION>2024-02-15T03:10:00</MAN_EPOCH_IGNITION>
                    <MAN_DURATION units="s">0</MAN_DURATION>
                    <MAN_DELTA_MASS units="kg">-0.05</MAN_DELTA_MASS>
                    <MAN_REF_FRAME>RSW</MAN_REF_FRAME>
                    <MAN_DV_1 units="km/s">0</MAN_DV_1>
                    <MAN_DV_2 units="km/s">0.00012</MAN_DV_2>
                    <MAN_DV_3 units="km/s">0</MAN_DV_3>
                  </maneuverParameters>
                </data>
              </segment>
            </body>
          </opm>
        </ndm>
        """;
}

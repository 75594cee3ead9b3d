using System.Globalization;
using NotificationExchange.Ccsds;
using NotificationExchange.Ccsds.Ocm;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Exchange.Tests.Support;

/// <summary>
/// Valid CCSDS maneuver messages as an operator would file them (an OPM with a maneuver block, a third party's OCM
/// with a delta-v section) and a planned-ephemeris OEM covering the burn; tests break one value at a time.
/// </summary>
internal static class CcsdsSamples
{
    public const string CosparId = "2014-016A";

    /// <summary>What an OPM does not carry and the exchange needs: catalogue number, purpose, contact.</summary>
    public static ManeuverNotice Supplement() => new()
    {
        Object = new SpaceObject { NoradCatId = 39634 },
        Purpose = ManeuverPurpose.CollisionAvoidance,
        Contact = new PointOfContact { Name = "Sentinel-1 flight dynamics", Email = "s1-fd@example.org" },
    };

    public static FileNotificationRequest File(string message, string? plannedEphemeris = null) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        CcsdsManeuver = new CcsdsManeuverNotice { Message = message, Supplement = Supplement() },
        PlannedEphemerisOem = plannedEphemeris ?? "",
    };

    /// <summary>
    /// An OPM 2.0 in KVN: an EME2000 state two hours before a 120 s burn of 0.35 m/s in-track at <paramref name="ignition"/>
    /// and a 10 s one ten minutes later; Keplerian elements, mass, covariance and a user-defined parameter besides.
    /// </summary>
    public static string OpmKvn(DateTime ignition) => $"""
        CCSDS_OPM_VERS = 2.0
        CREATION_DATE = {Time(ignition.AddDays(-1))}
        ORIGINATOR = ESA-SDO
        OBJECT_NAME = SENTINEL-1A
        OBJECT_ID = {CosparId}
        CENTER_NAME = EARTH
        REF_FRAME = EME2000
        TIME_SYSTEM = UTC
        EPOCH = {Time(ignition.AddHours(-2))}
        X = 7000.0 [km]
        Y = 0.0 [km]
        Z = 0.0 [km]
        X_DOT = 0.0 [km/s]
        Y_DOT = 5.336 [km/s]
        Z_DOT = 5.336 [km/s]
        SEMI_MAJOR_AXIS = 7000.0 [km]
        ECCENTRICITY = 0.001
        INCLINATION = 45.0 [deg]
        RA_OF_ASC_NODE = 0.0 [deg]
        ARG_OF_PERICENTER = 90.0 [deg]
        TRUE_ANOMALY = 0.0 [deg]
        GM = 398600.4415 [km**3/s**2]
        MASS = 2157.0 [kg]
        COV_REF_FRAME = RTN
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
        COMMENT Avoidance of debris 48274
        MAN_EPOCH_IGNITION = {Time(ignition)}
        MAN_DURATION = 120.0 [s]
        MAN_DELTA_MASS = -0.5 [kg]
        MAN_REF_FRAME = RTN
        MAN_DV_1 = 0.0 [km/s]
        MAN_DV_2 = 0.00035 [km/s]
        MAN_DV_3 = 0.0 [km/s]
        COMMENT a second, later burn
        MAN_EPOCH_IGNITION = {Time(ignition.AddSeconds(600))}
        MAN_DURATION = 10.0 [s]
        MAN_DELTA_MASS = -0.05 [kg]
        MAN_REF_FRAME = RTN
        MAN_DV_1 = 0.0 [km/s]
        MAN_DV_2 = 0.0001 [km/s]
        MAN_DV_3 = 0.0 [km/s]
        USER_DEFINED_NOTE = coordinated [ticket 42]
        """;

    /// <summary>The same OPM in XML (version 3.0), with one maneuver.</summary>
    public static string OpmXml(DateTime ignition) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <opm id="CCSDS_OPM_VERS" version="3.0">
          <header>
            <CREATION_DATE>{Time(ignition.AddDays(-1))}</CREATION_DATE>
            <ORIGINATOR>ESA-SDO</ORIGINATOR>
          </header>
          <body>
            <segment>
              <metadata>
                <OBJECT_NAME>SENTINEL-1A</OBJECT_NAME>
                <OBJECT_ID>{CosparId}</OBJECT_ID>
                <CENTER_NAME>EARTH</CENTER_NAME>
                <REF_FRAME>EME2000</REF_FRAME>
                <TIME_SYSTEM>UTC</TIME_SYSTEM>
              </metadata>
              <data>
                <stateVector>
                  <EPOCH>{Time(ignition.AddHours(-2))}</EPOCH>
                  <X units="km">7000.0</X>
                  <Y units="km">0.0</Y>
                  <Z units="km">0.0</Z>
                  <X_DOT units="km/s">0.0</X_DOT>
                  <Y_DOT units="km/s">5.336</Y_DOT>
                  <Z_DOT units="km/s">5.336</Z_DOT>
                </stateVector>
                <maneuverParameters>
                  <COMMENT>Avoidance of debris 48274</COMMENT>
                  <MAN_EPOCH_IGNITION>{Time(ignition)}</MAN_EPOCH_IGNITION>
                  <MAN_DURATION units="s">120.0</MAN_DURATION>
                  <MAN_DELTA_MASS units="kg">-0.5</MAN_DELTA_MASS>
                  <MAN_REF_FRAME>RTN</MAN_REF_FRAME>
                  <MAN_DV_1 units="km/s">0.0</MAN_DV_1>
                  <MAN_DV_2 units="km/s">0.00035</MAN_DV_2>
                  <MAN_DV_3 units="km/s">0.0</MAN_DV_3>
                </maneuverParameters>
              </data>
            </segment>
          </body>
        </opm>
        """;

    /// <summary>
    /// A third party's OCM: EPOCH_TZERO an hour before <paramref name="ignition"/>, a mean-element current orbit, a
    /// PLANNED section of 30 s and 0.13 m/s in RSW, its time relative, and covariance, physical and OD sections.
    /// </summary>
    public static OcmMessage Ocm(DateTime ignition)
    {
        var ocm = new OcmMessage
        {
            Header = new() { CreationDate = CcsdsTime.FromDateTime(ignition.AddDays(-1)), Originator = "JAXA" },
            Metadata = new OcmMetadata
            {
                ObjectName = "SENTINEL-1A",
                InternationalDesignator = CosparId,
                CatalogName = "SATCAT",
                ObjectDesignator = "39634",
                OriginatorPoc = "Flight dynamics",
                OriginatorEmail = "fd@example.org",
                TimeSystem = "UTC",
                EpochTzero = CcsdsTime.FromDateTime(ignition.AddHours(-1)),
            },
        };
        var orbit = new OcmTrajectory
        {
            TrajId = "CURRENT_ORBIT",
            TrajBasis = "PREDICTED",
            CenterName = "EARTH",
            TrajRefFrame = "TEME",
            TrajType = "KEPLERIANMEAN",
            TrajUnits = ["km", "n/a", "deg", "deg", "deg", "deg"],
        };
        orbit.Lines.Add(new OcmStateLine { Time = CcsdsTime.Relative(0), Values = [7070.0, 0.001, 98.2, 30.0, 90.0, 10.0] });
        ocm.Trajectories.Add(orbit);
        var section = new OcmManeuver
        {
            ManId = "DMU-1",
            ManBasis = "PLANNED",
            ManPurpose = "COLLISION_AVOIDANCE",
            ManRefFrame = "RSW_ROTATING",
            ManComposition = ["TIME_RELATIVE", "MAN_DURA", "DV_X", "DV_Y", "DV_Z"],
            ManUnits = ["s", "m/s", "m/s", "m/s"],
        };
        section.AddLine(3600.0, 30.0, 0.0, -0.12, 0.05);
        ocm.Maneuvers.Add(section);
        var covariance = new OcmCovariance { CovId = "COV-1", CovRefFrame = "RTN", CovType = "CARTPV", CovOrdering = "LTM", CovUnits = ["km", "km", "km", "km/s", "km/s", "km/s"] };
        covariance.Lines.Add(new OcmStateLine { Time = CcsdsTime.Relative(0), Values = [.. Enumerable.Range(0, 21).Select(i => i is 0 or 2 or 5 or 9 or 14 or 20 ? 1e-4 : 0.0)] });
        ocm.Covariances.Add(covariance);
        ocm.Physical = new OcmKeywordSection();
        ocm.Physical.Set("WET_MASS", "2157");
        ocm.Physical.Set("DRY_MASS", "1900");
        ocm.OrbitDetermination = new OcmKeywordSection();
        ocm.OrbitDetermination.Set("OD_ID", "OD-1");
        ocm.OrbitDetermination.Set("OD_METHOD", "BWLS");
        ocm.OrbitDetermination.Set("OD_EPOCH", "-600");
        ocm.OrbitDetermination.Set("OBS_USED", "120");
        return ocm;
    }

    public static string OcmText(DateTime ignition, CcsdsSyntax syntax) => OcmWriter.Write(Ocm(ignition), syntax);

    /// <summary>A planned ephemeris of the object in UTC, one state every 5 minutes from <paramref name="start"/> to <paramref name="stop"/>, with one covariance.</summary>
    public static string OemKvn(DateTime start, DateTime stop)
    {
        var lines = new List<string>
        {
            "CCSDS_OEM_VERS = 2.0", $"CREATION_DATE = {Time(start.AddDays(-1))}", "ORIGINATOR = ESA-SDO", "META_START", "OBJECT_NAME = SENTINEL-1A",
            $"OBJECT_ID = {CosparId}", "CENTER_NAME = EARTH", "REF_FRAME = EME2000", "TIME_SYSTEM = UTC", $"START_TIME = {Time(start)}",
            $"STOP_TIME = {Time(stop)}", "INTERPOLATION = LAGRANGE", "INTERPOLATION_DEGREE = 5", "META_STOP",
        };
        for (var t = start; t < stop; t = t.AddMinutes(5))
        {
            lines.Add($"{Time(t)} 7000.0 0.0 0.0 0.0 5.336 5.336");
        }
        lines.Add($"{Time(stop)} 7000.0 0.0 0.0 0.0 5.336 5.336");
        lines.AddRange(
        [
            "COVARIANCE_START", $"EPOCH = {Time(start)}", "COV_REF_FRAME = RTN", "1.0e-4", "0 1.0e-2", "0 0 1.0e-4", "0 -1.0e-6 0 1.0e-8",
            "0 0 0 0 1.0e-10", "0 0 0 0 0 1.0e-8", "COVARIANCE_STOP",
        ]);
        return string.Join("\n", lines) + "\n";
    }

    public static string Time(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);

    /// <summary>The 1-based line of <paramref name="text"/> that starts with <paramref name="start"/> (after blanks).</summary>
    public static int LineOf(string text, string start) =>
        text.Split('\n').Select((line, index) => (line, index)).First(l => l.line.TrimStart().StartsWith(start, StringComparison.Ordinal)).index + 1;
}

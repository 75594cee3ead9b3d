using NotificationExchange.Orbits.Elements;

namespace NotificationExchange.Alerts.Tests.Catalogue;

/// <summary>
/// Small catalogue files written here, so that every reader is tested on a plain clone: element sets of the
/// 2022-07-14 Space-Track snapshot and CelesTrak's VANGUARD 1 sample, in each form a catalogue comes in.
/// </summary>
internal static class CatalogueFixtures
{
    public const string Vanguard1Name = "0 VANGUARD 1";
    public const string Vanguard1Line1 = "1     5U 58002B   22196.28486465  .00000351  00000-0  43722-3 0  9993";
    public const string Vanguard1Line2 = "2     5  34.2492  53.6414 1847265 162.8155 204.4542 10.84977341287669";
    public const string VanguardRbName = "0 VANGUARD R/B";
    public const string VanguardRbLine1 = "1 00012U 59001B   22195.79942252  .00000132  00000-0  82469-4 0  9996";
    public const string VanguardRbLine2 = "2 00012  32.8958 220.6307 1665094  98.5104 280.6858 11.44684187366756";
    public const string ScoutDebName = "0 SCOUT X-1 DEB";
    public const string ScoutDebLine1 = "1 00085U 61004C   22194.92742186  .00011946  00000-0  23070-2 0  9996";
    public const string ScoutDebLine2 = "2 00085  38.7679 110.0223 0371939 157.6407 204.1027 14.27264169 38869";
    public const string IssName = "0 ISS (ZARYA)";
    public const string IssLine1 = "1 25544U 98067A   22196.51021208  .00006684  00000-0  12517-3 0  9992";
    public const string IssLine2 = "2 25544  51.6398 196.3106 0004941  13.7716  97.3744 15.49958191349577";

    /// <summary>Four objects, three-line form.</summary>
    public static string ThreeLine => string.Join("\n",
        Vanguard1Name, Vanguard1Line1, Vanguard1Line2, VanguardRbName, VanguardRbLine1, VanguardRbLine2,
        ScoutDebName, ScoutDebLine1, ScoutDebLine2, IssName, IssLine1, IssLine2) + "\n";

    /// <summary>CelesTrak's VANGUARD 1 sample (2020-10-13) as a TLE: the same numbers as the OMM forms below.</summary>
    public const string SampleLine1 = "1 00005U 58002B   20287.20333880 -.00000016  00000-0 -22483-4 0  9998";
    public const string SampleLine2 = "2 00005  34.2443 225.5254 1845686 162.2516 205.2356 10.84869164218149";

    public const string CsvHeader =
        "OBJECT_NAME,OBJECT_ID,EPOCH,MEAN_MOTION,ECCENTRICITY,INCLINATION,RA_OF_ASC_NODE,ARG_OF_PERICENTER,MEAN_ANOMALY,EPHEMERIS_TYPE,CLASSIFICATION_TYPE,NORAD_CAT_ID,ELEMENT_SET_NO,REV_AT_EPOCH,BSTAR,MEAN_MOTION_DOT,MEAN_MOTION_DDOT";

    public static string CsvRow(string name = "VANGUARD 1", string epoch = "2020-10-13T04:52:48.472320", string meanMotion = "10.84869164", string norad = "5") =>
        $"{name},1958-002B,{epoch},{meanMotion},.1845686,34.2443,225.5254,162.2516,205.2356,0,U,{norad},999,21814,-.22483E-4,-1.6E-7,0";

    public static string JsonRecord(string name = "VANGUARD 1", string epoch = "\"2020-10-13T04:52:48.472320\"", string meanMotion = "10.84869164", string norad = "5", string extra = "") =>
        $$"""{"OBJECT_NAME":"{{name}}","OBJECT_ID":"1958-002B",{{(epoch.Length == 0 ? "" : $"\"EPOCH\":{epoch},")}}"MEAN_MOTION":{{meanMotion}},"ECCENTRICITY":0.1845686,"INCLINATION":34.2443,"RA_OF_ASC_NODE":225.5254,"ARG_OF_PERICENTER":162.2516,"MEAN_ANOMALY":205.2356,"EPHEMERIS_TYPE":0,"CLASSIFICATION_TYPE":"U","NORAD_CAT_ID":{{norad}},"ELEMENT_SET_NO":999,"REV_AT_EPOCH":21814,"BSTAR":-0.22483E-4,"MEAN_MOTION_DOT":-1.6E-7,"MEAN_MOTION_DDOT":0{{extra}}}""";

    public static string Kvn(string name = "VANGUARD 1", string epoch = "2020-10-13T04:52:48.472320", string meanMotion = "10.84869164", string norad = "5", string objectType = "PAYLOAD") => $"""
        CCSDS_OMM_VERS = 2.0
        CREATION_DATE = 2020-10-14T00:00:00
        ORIGINATOR = 18 SPCS
        OBJECT_NAME = {name}
        OBJECT_ID = 1958-002B
        CENTER_NAME = EARTH
        REF_FRAME = TEME
        TIME_SYSTEM = UTC
        MEAN_ELEMENT_THEORY = SGP4
        EPOCH = {epoch}
        MEAN_MOTION = {meanMotion}
        ECCENTRICITY = .1845686
        INCLINATION = 34.2443
        RA_OF_ASC_NODE = 225.5254
        ARG_OF_PERICENTER = 162.2516
        MEAN_ANOMALY = 205.2356
        EPHEMERIS_TYPE = 0
        CLASSIFICATION_TYPE = U
        NORAD_CAT_ID = {norad}
        ELEMENT_SET_NO = 999
        REV_AT_EPOCH = 21814
        BSTAR = -.22483E-4
        MEAN_MOTION_DOT = -1.6E-7
        MEAN_MOTION_DDOT = 0
        USER_DEFINED_OBJECT_TYPE = {objectType}

        """;

    public static string XmlOmm(string name = "VANGUARD 1", string epoch = "2020-10-13T04:52:48.472320", string meanMotion = "10.84869164", string norad = "5") =>
        "<omm id=\"CCSDS_OMM_VERS\" version=\"2.0\">\n<header><CREATION_DATE/><ORIGINATOR/></header><body><segment><metadata>"
        + $"<OBJECT_NAME>{name}</OBJECT_NAME><OBJECT_ID>1958-002B</OBJECT_ID><CENTER_NAME>EARTH</CENTER_NAME><REF_FRAME>TEME</REF_FRAME><TIME_SYSTEM>UTC</TIME_SYSTEM><MEAN_ELEMENT_THEORY>SGP4</MEAN_ELEMENT_THEORY></metadata>"
        + (epoch.Length == 0 ? "<data><meanElements>" : $"<data><meanElements><EPOCH>{epoch}</EPOCH>")
        + $"<MEAN_MOTION>{meanMotion}</MEAN_MOTION><ECCENTRICITY>.1845686</ECCENTRICITY><INCLINATION>34.2443</INCLINATION><RA_OF_ASC_NODE>225.5254</RA_OF_ASC_NODE><ARG_OF_PERICENTER>162.2516</ARG_OF_PERICENTER><MEAN_ANOMALY>205.2356</MEAN_ANOMALY></meanElements>"
        + $"<tleParameters><EPHEMERIS_TYPE>0</EPHEMERIS_TYPE><CLASSIFICATION_TYPE>U</CLASSIFICATION_TYPE><NORAD_CAT_ID>{norad}</NORAD_CAT_ID><ELEMENT_SET_NO>999</ELEMENT_SET_NO><REV_AT_EPOCH>21814</REV_AT_EPOCH><BSTAR>-.22483E-4</BSTAR><MEAN_MOTION_DOT>-1.6E-7</MEAN_MOTION_DOT><MEAN_MOTION_DDOT>0</MEAN_MOTION_DDOT></tleParameters></data></segment></body>\n</omm>";

    public static string Ndm(params string[] messages) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ndm>\n" + string.Join("\n", messages) + "\n</ndm>\n";

    /// <summary>A TLE line with columns replaced and its checksum made right again.</summary>
    public static string Edit(string line, int column, string replacement)
    {
        var edited = line[..(column - 1)] + replacement + line[(column - 1 + replacement.Length)..];
        return edited[..68] + TleParser.Checksum(edited).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

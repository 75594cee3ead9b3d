using NotificationExchange.Protocol.V1;
using TleParser = NotificationExchange.Orbits.Elements.TleParser;

namespace NotificationExchange.Exchange.Tests.Support;

/// <summary>
/// Orbits to register: ISS's 2022-07-14 element set under any catalogue number (checksums made right), as a TLE or as
/// an OMM with the same numbers, so that each test can use objects of its own.
/// </summary>
internal static class RegistryOrbits
{
    public static TwoLineElementSet Tle(int noradCatId)
    {
        var number = TleParser.EncodeCatalogNumber(noradCatId);
        return new TwoLineElementSet { Line1 = WithChecksum("1 " + number + Notices.IssLine1[7..68]), Line2 = WithChecksum("2 " + number + Notices.IssLine2[7..68]) };
    }

    /// <summary>A line with its last column replaced by the right checksum.</summary>
    public static string WithChecksum(string line) => line[..68] + TleParser.Checksum(line.AsSpan(0, 68)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Omm(int noradCatId, string frame = "TEME") => $"""
        CCSDS_OMM_VERS = 2.0
        CREATION_DATE = 2022-07-15T00:00:00
        ORIGINATOR = TEST
        OBJECT_NAME = TEST OBJECT
        OBJECT_ID = 1998-067A
        CENTER_NAME = EARTH
        REF_FRAME = {frame}
        TIME_SYSTEM = UTC
        MEAN_ELEMENT_THEORY = SGP4
        EPOCH = 2022-07-15T12:14:42.323712
        MEAN_MOTION = 15.49958191
        ECCENTRICITY = .0004941
        INCLINATION = 51.6398
        RA_OF_ASC_NODE = 196.3106
        ARG_OF_PERICENTER = 13.7716
        MEAN_ANOMALY = 97.3744
        EPHEMERIS_TYPE = 0
        CLASSIFICATION_TYPE = U
        NORAD_CAT_ID = {noradCatId}
        ELEMENT_SET_NO = 999
        REV_AT_EPOCH = 34957
        BSTAR = .12517E-3
        MEAN_MOTION_DOT = .6684E-4
        MEAN_MOTION_DDOT = 0
        """;

    /// <summary>Two states of a circular orbit 400 km up, inclined 51.6 degrees, in <paramref name="frame"/>.</summary>
    public static string Oem(string frame) => $"""
        CCSDS_OEM_VERS = 2.0
        CREATION_DATE = 2022-07-15T00:00:00
        ORIGINATOR = TEST
        META_START
        OBJECT_NAME = TEST OBJECT
        OBJECT_ID = 1998-067A
        CENTER_NAME = EARTH
        REF_FRAME = {frame}
        TIME_SYSTEM = UTC
        START_TIME = 2022-07-15T12:00:00
        STOP_TIME = 2022-07-15T12:03:00
        META_STOP
        2022-07-15T12:00:00 6778.0000 0.0000 0.0000 0.000000 4.763358 6.009862
        2022-07-15T12:01:00 6762.3886 285.5820 360.3149 -0.520179 4.752387 5.996020
        2022-07-15T12:02:00 6715.6265 569.8485 718.9699 -1.037961 4.719524 5.954557
        2022-07-15T12:03:00 6637.9289 851.4900 1074.3131 -1.550963 4.664921 5.885665
        """;

    public static RegisterObjectRequest Registration(int noradCatId, SharingPolicy sharing = SharingPolicy.DerivedOnly, double radius = 5) => new()
    {
        RequestId = Guid.NewGuid().ToString("N"),
        Object = new SpaceObject { NoradCatId = (uint)noradCatId, Name = "TEST OBJECT" },
        Maneuverable = true,
        HardBodyRadiusM = radius,
        Orbit = new ObjectOrbit { Tle = Tle(noradCatId) },
        Sharing = sharing,
    };

    /// <summary>ISS (25544) as the screening tests register it: its fixture element set, 50 m, maneuverable.</summary>
    public static RegisterObjectRequest Iss(string requestId = "register-iss") => new()
    {
        RequestId = requestId,
        Object = new SpaceObject { NoradCatId = 25544, CosparId = "1998-067A", Name = "ISS (ZARYA)" },
        Maneuverable = true,
        HardBodyRadiusM = 50,
        Orbit = new ObjectOrbit { Tle = new TwoLineElementSet { Line1 = Notices.IssLine1, Line2 = Notices.IssLine2 } },
    };
}

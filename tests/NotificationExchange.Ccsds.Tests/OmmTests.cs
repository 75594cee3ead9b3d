using NotificationExchange.Ccsds.Omm;
using NUnit.Framework;

namespace NotificationExchange.Ccsds.Tests;

public class OmmTests
{
    private const string Goes9Kvn = """
        CCSDS_OMM_VERS  = 2.0
        CREATION_DATE   = 2007-065T16:00:00
        ORIGINATOR      = NOAA/USA
        COMMENT metadata comment
        OBJECT_NAME     = GOES 9
        OBJECT_ID       = 1995-025A
        CENTER_NAME     = EARTH
        REF_FRAME       = TEME
        TIME_SYSTEM     = UTC
        MEAN_ELEMENT_THEORY = SGP/SGP4
        EPOCH             = 2007-064T10:34:41.4264
        MEAN_MOTION       = 1.00273272 [rev/day]
        ECCENTRICITY      = 0.0005013
        INCLINATION       = 3.0539 [deg]
        RA_OF_ASC_NODE    = 81.7939
        ARG_OF_PERICENTER = 249.2363
        MEAN_ANOMALY      = 150.1602
        GM                = 398600.8 [km**3/s**2]
        EPHEMERIS_TYPE    = 0
        CLASSIFICATION_TYPE = U
        NORAD_CAT_ID      = 23581
        ELEMENT_SET_NO    = 0925
        REV_AT_EPOCH      = 4316
        BSTAR             = 0.0001 [1/ER]
        MEAN_MOTION_DOT   = -0.00000113
        MEAN_MOTION_DDOT  = 0.0
        """;

    [Test]
    public void Reads_a_kvn_omm_with_day_of_year_dates_and_no_final_newline()
    {
        var omm = OmmReader.Read(Goes9Kvn);
        Assert.Multiple(() =>
        {
            Assert.That(omm.ObjectName, Is.EqualTo("GOES 9"));
            Assert.That(omm.ObjectId, Is.EqualTo("1995-025A"));
            Assert.That(omm.EpochUtc, Is.EqualTo(new DateTime(2007, 3, 5, 10, 34, 41, DateTimeKind.Utc).AddTicks(4264000)));
            Assert.That(omm.EpochUtc.Kind, Is.EqualTo(DateTimeKind.Utc));
            Assert.That(omm.MeanMotion, Is.EqualTo(1.00273272));
            Assert.That(omm.Eccentricity, Is.EqualTo(0.0005013));
            Assert.That(omm.Inclination, Is.EqualTo(3.0539));
            Assert.That(omm.RaOfAscNode, Is.EqualTo(81.7939));
            Assert.That(omm.ArgOfPericenter, Is.EqualTo(249.2363));
            Assert.That(omm.MeanAnomaly, Is.EqualTo(150.1602));
            Assert.That(omm.NoradCatId, Is.EqualTo(23581));
            Assert.That(omm.ElementSetNo, Is.EqualTo(925));
            Assert.That(omm.RevAtEpoch, Is.EqualTo(4316));
            Assert.That(omm.Bstar, Is.EqualTo(0.0001));
            Assert.That(omm.MeanMotionDot, Is.EqualTo(-0.00000113));
            Assert.That(omm.MeanMotionDdot, Is.EqualTo(0.0));
            Assert.That(omm.EphemerisType, Is.EqualTo(0));
            Assert.That(omm.ClassificationType, Is.EqualTo("U"));
            Assert.That(omm.Metadata.Comments, Is.EqualTo(new[] { "metadata comment" }));
        });
    }

    [Test]
    public void Reports_every_error_of_a_file_with_line_and_keyword()
    {
        var broken = Goes9Kvn
            .Replace("ECCENTRICITY      = 0.0005013", "ECCENTRICITY      = 0,0005013", StringComparison.Ordinal)
            .Replace("INCLINATION       = 3.0539 [deg]", "INCLINATION       = 3.0539 [rad]", StringComparison.Ordinal)
            .Replace("REF_FRAME       = TEME", "REF_FRAME       = TEMEX", StringComparison.Ordinal)
            .Replace("EPOCH             = 2007-064T10:34:41.4264", "EPOCH             = 2007-366T10:34:41.4264", StringComparison.Ordinal)
            .Replace("OBJECT_ID       = 1995-025A", "OBJECT_ID       = 95025A", StringComparison.Ordinal)
            .Replace("NORAD_CAT_ID      = 23581", "NORAD_CATID      = 23581", StringComparison.Ordinal)
            .Replace("BSTAR             = 0.0001 [1/ER]\n", "", StringComparison.Ordinal);
        var errors = Expect.Errors(() => OmmReader.Read(broken));
        Assert.Multiple(() =>
        {
            Expect.Has(errors, CcsdsErrorKind.BadDesignator, "OBJECT_ID", 6);
            Expect.Has(errors, CcsdsErrorKind.UnknownFrame, "REF_FRAME", 8);
            Expect.Has(errors, CcsdsErrorKind.ImpossibleDate, "EPOCH", 11);
            Expect.Has(errors, CcsdsErrorKind.UnparsableNumber, "ECCENTRICITY", 13);
            Expect.Has(errors, CcsdsErrorKind.IncompatibleUnit, "INCLINATION", 14);
            Expect.Has(errors, CcsdsErrorKind.UnknownKeyword, "NORAD_CATID", 21);
            Expect.Has(errors, CcsdsErrorKind.MissingMandatoryKeyword, "BSTAR", null);
            Assert.That(errors, Has.Count.EqualTo(7));
        });
    }

    [Test]
    public void A_kvn_omm_survives_writing_as_kvn_and_xml()
    {
        var omm = OmmReader.Read(Goes9Kvn);
        foreach (var syntax in new[] { CcsdsSyntax.Kvn, CcsdsSyntax.Xml })
        {
            var text = OmmWriter.Write(omm, syntax);
            var again = OmmReader.Read(text);
            Expect.SameContent(Syntax(omm), Syntax(again));
        }
    }

    [Test]
    public void Reads_celestrak_json_and_csv_records_and_several_kvn_messages()
    {
        const string json = """
            [{"OBJECT_NAME":"VANGUARD 1","OBJECT_ID":"1958-002B","EPOCH":"2025-02-14T14:36:48.662784","MEAN_MOTION":10.85873516,
              "ECCENTRICITY":0.1841322,"INCLINATION":34.2493,"RA_OF_ASC_NODE":19.2327,"ARG_OF_PERICENTER":100.1057,"MEAN_ANOMALY":281.1229,
              "EPHEMERIS_TYPE":0,"CLASSIFICATION_TYPE":"U","NORAD_CAT_ID":5,"ELEMENT_SET_NO":999,"REV_AT_EPOCH":39027,"BSTAR":0.00035436,
              "MEAN_MOTION_DOT":2.64e-6,"MEAN_MOTION_DDOT":0},
             {"OBJECT_NAME":"ISS (ZARYA)","OBJECT_ID":"1998-067A","EPOCH":"2025-02-14T12:00:00.000001","MEAN_MOTION":"15.5","ECCENTRICITY":"0.0003",
              "INCLINATION":"51.64","RA_OF_ASC_NODE":"10","ARG_OF_PERICENTER":"20","MEAN_ANOMALY":"30","NORAD_CAT_ID":"25544",
              "BSTAR":"0.0001","MEAN_MOTION_DOT":"0.00001","MEAN_MOTION_DDOT":"0","GP_ID":"123","TLE_LINE1":"ignored"}]
            """;
        var fromJson = OmmReader.ReadAll(json);
        const string csv = "OBJECT_NAME,OBJECT_ID,EPOCH,MEAN_MOTION,ECCENTRICITY,INCLINATION,RA_OF_ASC_NODE,ARG_OF_PERICENTER,MEAN_ANOMALY,EPHEMERIS_TYPE,CLASSIFICATION_TYPE,NORAD_CAT_ID,ELEMENT_SET_NO,REV_AT_EPOCH,BSTAR,MEAN_MOTION_DOT,MEAN_MOTION_DDOT\r\n"
            + "\"VANGUARD 1, \"\"THE\"\" FIRST\",1958-002B,2020-10-13T04:52:48.472320,10.84869164,.1845686,34.2443,225.5254,162.2516,205.2356,0,U,5,999,21814,-.22483E-4,-1.6E-7,0\r\n";
        var fromCsv = OmmReader.ReadAll(csv);
        var twoKvn = OmmReader.ReadAll(Goes9Kvn + "\n" + Goes9Kvn.Replace("GOES 9", "GOES 9 AGAIN", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(fromJson, Has.Count.EqualTo(2));
            Assert.That(fromJson[0].EpochUtc, Is.EqualTo(new DateTime(2025, 2, 14, 14, 36, 48, DateTimeKind.Utc).AddTicks(6627840)));
            Assert.That(fromJson[0].MeanMotionDot, Is.EqualTo(2.64e-6));
            Assert.That(fromJson[0].Metadata.RefFrame, Is.EqualTo("TEME"));
            Assert.That(fromJson[1].NoradCatId, Is.EqualTo(25544));
            Assert.That(fromJson[1].EpochUtc.Ticks % TimeSpan.TicksPerSecond, Is.EqualTo(10), "a microsecond is kept");
            Assert.That(fromJson[1].EphemerisType, Is.EqualTo(0));
            Assert.That(fromJson[1].ClassificationType, Is.EqualTo("U"));
            Assert.That(fromCsv.Single().ObjectName, Is.EqualTo("VANGUARD 1, \"THE\" FIRST"));
            Assert.That(fromCsv.Single().Bstar, Is.EqualTo(-0.22483e-4));
            Assert.That(twoKvn.Select(omm => omm.ObjectName), Is.EqualTo(new[] { "GOES 9", "GOES 9 AGAIN" }));
        });
    }

    [Test]
    public void Json_and_csv_errors_name_the_record_and_field()
    {
        const string json = """[{"OBJECT_NAME":"X","OBJECT_ID":"1958-002B","EPOCH":"2025-02-30T14:36:48","MEAN_MOTION":"fast","ECCENTRICITY":0.1,"INCLINATION":34,"RA_OF_ASC_NODE":1,"ARG_OF_PERICENTER":1,"MEAN_ANOMALY":1,"BSTAR":0,"MEAN_MOTION_DOT":0,"MEAN_MOTION_DDOT":0,"COLOUR":"red"}]""";
        var jsonErrors = Expect.Errors(() => OmmReader.ReadAll(json));
        const string csv = "OBJECT_NAME,OBJECT_ID,EPOCH,MEAN_MOTION,ECCENTRICITY,INCLINATION,RA_OF_ASC_NODE,ARG_OF_PERICENTER,MEAN_ANOMALY,BSTAR,MEAN_MOTION_DOT,MEAN_MOTION_DDOT\n"
            + "A,1958-002B,2020-10-13T04:52:48,10.8,.18,34.2,225.5,162.2,205.2,0,0,0\n"
            + "B,1958-002B,2020-10-13T04:52:48,10.8,.18,34.2,225.5,162.2,205.2,0,0\n"
            + "C,1958-2B,2020-10-13T04:52:48,10.8,-.18,34.2,225.5,162.2,205.2,0,0,0\n";
        var csvErrors = Expect.Errors(() => OmmReader.ReadAll(csv));
        Assert.Multiple(() =>
        {
            Assert.That(jsonErrors.Select(e => (e.Kind, e.Keyword, e.Path)), Is.EquivalentTo(new (CcsdsErrorKind, string?, string?)[]
            {
                (CcsdsErrorKind.ImpossibleDate, "EPOCH", "$[0].EPOCH"),
                (CcsdsErrorKind.UnparsableNumber, "MEAN_MOTION", "$[0].MEAN_MOTION"),
                (CcsdsErrorKind.UnknownKeyword, "COLOUR", "$[0].COLOUR"),
                (CcsdsErrorKind.MissingMandatoryKeyword, "MEAN_MOTION", "$[0]"),
            }));
            Expect.Has(csvErrors, CcsdsErrorKind.WrongColumnCount, null, 3);
            Expect.Has(csvErrors, CcsdsErrorKind.BadDesignator, "OBJECT_ID", 4);
            Expect.Has(csvErrors, CcsdsErrorKind.InvalidValue, "ECCENTRICITY", 4);
            Assert.That(csvErrors, Has.Count.EqualTo(3));
        });
    }

    [TestCase("omm-formats/pysgp4_sample_omm.csv", "2020-10-13T04:52:48.472320")]
    [TestCase("omm-formats/pysgp4_sample_omm.json", "2025-02-14T14:36:48.662784")]
    [TestCase("omm-formats/pysgp4_sample_omm.xml", "2020-10-13T04:52:48.472320")]
    public void Reads_the_celestrak_samples(string path, string epoch)
    {
        var omm = OmmReader.ReadAll(Shared.Data(path)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(omm.ObjectName, Is.EqualTo("VANGUARD 1"));
            Assert.That(omm.ObjectId, Is.EqualTo("1958-002B"));
            Assert.That(omm.NoradCatId, Is.EqualTo(5));
            Assert.That(omm.EpochUtc, Is.EqualTo(DateTime.Parse(epoch, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal)));
            Assert.That(omm.ElementSetNo, Is.EqualTo(999));
            Assert.That(omm.MeanMotion, Is.GreaterThan(10.8).And.LessThan(10.9));
        });
    }

    [Test]
    public void The_celestrak_xml_has_an_empty_header_which_strict_reading_refuses()
    {
        var errors = Expect.Errors(() => OmmReader.Read(Shared.Data("omm-formats/pysgp4_sample_omm.xml")));
        Expect.Has(errors, CcsdsErrorKind.MissingMandatoryKeyword, "CREATION_DATE", 4);
        Expect.Has(errors, CcsdsErrorKind.MissingMandatoryKeyword, "ORIGINATOR", 4);
    }

    private static Syntax.Node Syntax(OmmMessage omm) => OmmBinding.Write(omm);
}

using NotificationExchange.Ccsds.Cdm;
using NotificationExchange.Ccsds.Ocm;
using NotificationExchange.Ccsds.Odm;
using NotificationExchange.Ccsds.Oem;
using NotificationExchange.Ccsds.Opm;
using NUnit.Framework;

namespace NotificationExchange.Ccsds.Tests;

/// <summary>Every reader and writer on messages kept in this repository (these run on a plain clone).</summary>
public class FixtureTests
{
    public static IEnumerable<TestCaseData> AllFixtures()
    {
        yield return new TestCaseData("opm", Fixtures.OpmWithManeuvers).SetName("OPM fixture survives writing");
        yield return new TestCaseData("oem", Fixtures.OemTwoSegments).SetName("OEM fixture survives writing");
        yield return new TestCaseData("ocm", Fixtures.OcmFull).SetName("OCM fixture survives writing");
        yield return new TestCaseData("cdm", Fixtures.CdmFull).SetName("CDM fixture survives writing");
        yield return new TestCaseData("opm", Fixtures.OpmXmlNamespaced).SetName("namespaced OPM XML fixture survives writing");
    }

    [TestCaseSource(nameof(AllFixtures))]
    public void A_fixture_reads_and_survives_writing_as_kvn_and_xml(string type, string text)
    {
        var message = Messages.Read(type, text);
        var content = Messages.Content(type, message);
        foreach (var syntax in new[] { CcsdsSyntax.Kvn, CcsdsSyntax.Xml })
        {
            Expect.SameContent(content, Messages.ReadContent(type, Messages.Write(message, syntax)));
        }
        Assert.That(NdmReader.DetectType(text)?.ToString().ToLowerInvariant(), Is.EqualTo(type));
    }

    [Test]
    public void Opm_maneuvers_and_time_systems()
    {
        var opm = OpmReader.Read(Fixtures.OpmWithManeuvers);
        Assert.Multiple(() =>
        {
            Assert.That(opm.Header.MessageId, Is.EqualTo("OPM-2024-0001"));
            Assert.That(opm.Header.CreationDate, Is.EqualTo(CcsdsTime.Parse("2024-02-14T08:00:00")), "day 045 is 14 February");
            Assert.That(opm.Metadata.Comments, Is.EqualTo(new[] { "metadata comment" }));
            Assert.That(opm.StateVector.Comments, Is.EqualTo(new[] { "State Vector" }));
            Assert.That(opm.Maneuvers, Has.Count.EqualTo(2));
            Assert.That(opm.Maneuvers[0].Comments, Is.EqualTo(new[] { "collision avoidance, impulsive" }));
            Assert.That(opm.Maneuvers[0].IsImpulsive, Is.True);
            Assert.That(opm.Maneuvers[0].Dv2, Is.EqualTo(0.00012));
            Assert.That(opm.Maneuvers[1].RefFrame, Is.EqualTo("TNW"));
            Assert.That(opm.Maneuvers[1].Duration, Is.EqualTo(120.5));
            Assert.That(opm.Maneuvers[1].EpochIgnition.ToString(), Is.EqualTo("2024-046T10:00:00.5"), "the day-of-year form is kept for writing");
            // TAI is 37 s ahead of UTC since 2017
            Assert.That(CcsdsTimeSystems.ToUtc(opm.StateVector.Epoch, opm.Metadata.TimeSystem),
                Is.EqualTo(new DateTime(2024, 2, 14, 12, 0, 0, DateTimeKind.Utc).AddTicks(10)));
            Assert.That(opm.Covariance!.CovRefFrame, Is.EqualTo("RTN"));
            Assert.That(opm.Covariance[3, 1], Is.EqualTo(-1.0e-6));
            Assert.That(opm.KeplerianElements!.MeanAnomaly, Is.EqualTo(0.0));
            Assert.That(opm.UserDefined!.Parameters.Single(), Is.EqualTo(new KeyValuePair<string, string>("OPERATOR_NOTE", "coordinated with 2019-001A [see ticket]")));
        });
    }

    [Test]
    public void Oem_segments_accelerations_and_covariance()
    {
        var oem = OemReader.Read(Fixtures.OemTwoSegments);
        Assert.Multiple(() =>
        {
            Assert.That(oem.Header.CreationDate!.Value.IsLeapSecond, Is.True);
            Assert.That(oem.Header.CreationDate.Value.ToString(), Is.EqualTo("2016-12-31T23:59:60.5"));
            Assert.That(oem.Segments, Has.Count.EqualTo(2));
            Assert.That(oem.Segments[0].Metadata.Comments, Is.EqualTo(new[] { "first arc" }));
            Assert.That(oem.Segments[0].DataComments, Is.EqualTo(new[] { "planned ephemeris" }));
            Assert.That(oem.Segments[0].States, Has.Count.EqualTo(3));
            Assert.That(oem.Segments[0].States[1].XDdot, Is.EqualTo(-0.0089));
            Assert.That(oem.Segments[0].States[0].XDdot, Is.Null);
            Assert.That(oem.Segments[1].Covariances, Has.Count.EqualTo(2));
            Assert.That(oem.Segments[1].Covariances[0].Comments, Is.EqualTo(new[] { "at the start of the arc" }));
            Assert.That(oem.Segments[1].Covariances[1].CovRefFrame, Is.Null, "absent COV_REF_FRAME means the segment's REF_FRAME");
            Assert.That(oem.Segments[1].Covariances[1][5, 5], Is.EqualTo(1.0e-8));
            Assert.That(CcsdsTimeSystems.ToUtc(oem.Segments[0].States[0].Epoch, "GPS"), Is.EqualTo(new DateTime(2024, 2, 13, 23, 59, 42, DateTimeKind.Utc)));
        });
    }

    [Test]
    public void Oem_reports_every_broken_line_and_an_inconsistent_time_system()
    {
        var broken = Fixtures.OemTwoSegments
            .Replace("2024-02-14T00:02:00 6667.2 926.4 0.2 -0.18 7.70 0.002", "2024-02-14T00:02:00 6667.2 926.4 0.2 -0.18 7.70", StringComparison.Ordinal)
            .Replace("2024-045T00:11:00 6675.4 463.4 0.1 -0.09 7.72 0.001", "2024-045T00:11:00 6675.4 463.4 0.1 -0.09 7.72 1..0", StringComparison.Ordinal)
            .Replace("0 0 0 0 1.0e-10\n0 0 0 0 0 1.0e-8\nCOVARIANCE_STOP", "0 0 0 0 1.0e-10\n0 0 0 0 0 0 1.0e-8\nCOVARIANCE_STOP", StringComparison.Ordinal)
            .Replace("TIME_SYSTEM = GPS\nSTART_TIME = 2024-045", "TIME_SYSTEM = TT\nSTART_TIME = 2024-045", StringComparison.Ordinal);
        var errors = Expect.Errors(() => OemReader.Read(broken));
        Assert.Multiple(() =>
        {
            Expect.Has(errors, CcsdsErrorKind.WrongColumnCount, "EPHEMERIS", Messages.LineOf(broken, "2024-02-14T00:02:00"));
            Expect.Has(errors, CcsdsErrorKind.UnparsableNumber, "Z_DOT", Messages.LineOf(broken, "2024-045T00:11:00 6675.4"));
            Expect.Has(errors, CcsdsErrorKind.WrongColumnCount, "COVARIANCE", Messages.LineOf(broken, "0 0 0 0 0 0 1.0e-8"));
            Expect.Has(errors, CcsdsErrorKind.InconsistentTimeSystems, "TIME_SYSTEM", Messages.LineOf(broken, "TIME_SYSTEM = TT"));
            Assert.That(errors, Has.Count.EqualTo(4), string.Join(Environment.NewLine, errors));
        });
    }

    [Test]
    public void Ocm_sections_relative_times_and_maneuver_lines()
    {
        var ocm = OcmReader.Read(Fixtures.OcmFull);
        var avoidance = ocm.Maneuvers[0];
        Assert.Multiple(() =>
        {
            Assert.That(ocm.Metadata.InternationalDesignator, Is.EqualTo("2020-012AB"));
            Assert.That(ocm.Trajectories.Single().Lines, Has.Count.EqualTo(3));
            Assert.That(ocm.Resolve(ocm.Trajectories[0].Lines[1].Time), Is.EqualTo(CcsdsTime.Parse("2024-02-14T00:01:00")));
            Assert.That(ocm.Trajectories[0].TrajUnits, Is.EqualTo(new[] { "km", "km", "km", "km/s", "km/s", "km/s" }));
            Assert.That(ocm.Covariances.Single().Lines.Single().Values, Has.Count.EqualTo(21));
            Assert.That(avoidance.ManBasis, Is.EqualTo("PLANNED"));
            Assert.That(avoidance.ManPurpose, Is.EqualTo("COLLISION AVOIDANCE"));
            Assert.That(avoidance.ManNextId, Is.EqualTo("CAM-2"));
            Assert.That(ocm.Resolve(avoidance.GetTime(avoidance.Lines[0])), Is.EqualTo(CcsdsTime.Parse("2024-02-14T03:10:00")));
            Assert.That(avoidance.GetNumber(avoidance.Lines[0], "DV_Y"), Is.EqualTo(0.00012));
            Assert.That(avoidance.GetNumber(avoidance.Lines[0], "DV_Q"), Is.Null);
            Assert.That(ocm.Maneuvers[1].GetText(ocm.Maneuvers[1].Lines[0], "THR_INTERP"), Is.EqualTo("ON"));
            Assert.That(ocm.Physical!.GetNumber("WET_MASS"), Is.EqualTo(250));
            Assert.That(ocm.Perturbations!.Get("GRAVITY_MODEL"), Is.EqualTo("EGM-96: 36D 36O"));
            Assert.That(ocm.OrbitDetermination!.GetTime("OD_EPOCH"), Is.EqualTo(CcsdsTime.Relative(-3600)));
            Assert.That(ocm.OrbitDetermination.Get("OBS_USED"), Is.EqualTo("273"));
            Assert.That(ocm.UserDefined!.Parameters.Single().Key, Is.EqualTo("NOTE"));
        });
    }

    [Test]
    public void Ocm_errors_in_every_section_are_all_reported()
    {
        var broken = Fixtures.OcmFull
            .Replace("INTERNATIONAL_DESIGNATOR = 2020-012AB", "INTERNATIONAL_DESIGNATOR = 2020-12AB", StringComparison.Ordinal)
            .Replace("60.0 6675.4 463.4 0.1 -0.09 7.72 0.001", "60.0 6675.4 463.4 0.1 -0.09 7.72", StringComparison.Ordinal)
            .Replace("COV_TYPE      = CARTPV", "COV_TYPE      = CARTPVA", StringComparison.Ordinal)
            .Replace("MAN_BASIS       = PLANNED", "MAN_BASIS       = HOPED", StringComparison.Ordinal)
            .Replace("THR_Z, THR_INTERP", "THR_Z, THR_WOBBLE", StringComparison.Ordinal)
            .Replace("FIXED_F10P7   = 150 [SFU]", "FIXED_F10P7   = 150 [W]", StringComparison.Ordinal)
            .Replace("OD_METHOD  = BWLS\n", "", StringComparison.Ordinal);
        var errors = Expect.Errors(() => OcmReader.Read(broken));
        Assert.Multiple(() =>
        {
            Expect.Has(errors, CcsdsErrorKind.BadDesignator, "INTERNATIONAL_DESIGNATOR", Messages.LineOf(broken, "INTERNATIONAL_DESIGNATOR"));
            Expect.Has(errors, CcsdsErrorKind.WrongColumnCount, "trajLine", Messages.LineOf(broken, "60.0 6675.4"));
            Expect.Has(errors, CcsdsErrorKind.WrongColumnCount, "covLine", Messages.LineOf(broken, "0.0 1e-4"));
            Expect.Has(errors, CcsdsErrorKind.InvalidValue, "MAN_BASIS", Messages.LineOf(broken, "MAN_BASIS       = HOPED"));
            Expect.Has(errors, CcsdsErrorKind.UnknownKeyword, "THR_WOBBLE", Messages.LineOf(broken, "MAN_COMPOSITION = TIME_ABSOLUTE"));
            Expect.Has(errors, CcsdsErrorKind.IncompatibleUnit, "FIXED_F10P7", Messages.LineOf(broken, "FIXED_F10P7"));
            Expect.Has(errors, CcsdsErrorKind.MissingMandatoryKeyword, "OD_METHOD", Messages.LineOf(broken, "OD_START"));
        });
    }

    [Test]
    public void An_ocm_written_from_code_for_a_maneuver_notice_reads_back()
    {
        var ocm = new OcmMessage
        {
            Header = new OdmHeader { Version = "3.0", CreationDate = CcsdsTime.Parse("2024-02-14T08:00:00"), Originator = "EXCHANGE", MessageId = "N-1" },
            Metadata = new OcmMetadata
            {
                ObjectName = "EXAMPLESAT 1",
                InternationalDesignator = "2020-012AB",
                Operator = "EXAMPLE OPS",
                OriginatorEmail = "ops@example.net",
                EpochTzero = CcsdsTime.Parse("2024-02-14T00:00:00"),
            },
        };
        var maneuver = new OcmManeuver
        {
            ManId = "N-1/1",
            ManBasis = "PLANNED",
            ManPurpose = "COLLISION AVOIDANCE",
            ManRefFrame = "RTN",
            ManComposition = ["TIME_ABSOLUTE", "MAN_DURA", "DV_X", "DV_Y", "DV_Z"],
            ManUnits = ["s", "km/s", "km/s", "km/s"],
        };
        maneuver.AddLine(CcsdsTime.Parse("2024-02-15T03:10:00"), 0.0, 0.0, 0.00012, 0.0);
        ocm.Maneuvers.Add(maneuver);
        foreach (var syntax in new[] { CcsdsSyntax.Kvn, CcsdsSyntax.Xml })
        {
            var back = OcmReader.Read(OcmWriter.Write(ocm, syntax));
            Expect.SameContent(Messages.Content("ocm", ocm), Messages.Content("ocm", back));
            Assert.That(back.Maneuvers[0].GetNumber(back.Maneuvers[0].Lines[0], "DV_Y"), Is.EqualTo(0.00012));
        }
        maneuver.ManComposition = ["MAN_DURA", "DV_X", "DV_Y", "DV_Z"];
        var errors = Expect.Errors(() => OcmWriter.Write(ocm, CcsdsSyntax.Kvn));
        Expect.Has(errors, CcsdsErrorKind.MissingManeuverTime, "MAN_COMPOSITION", null);
    }

    [Test]
    public void A_cdm_for_a_proximity_alert_is_written_complete()
    {
        var cdm = CdmReader.Read(Fixtures.CdmFull);
        Assert.Multiple(() =>
        {
            Assert.That(cdm.RelativeMetadata.MissDistance, Is.EqualTo(120.5));
            Assert.That(cdm.RelativeMetadata.ScreenVolumeShape, Is.EqualTo("BOX"));
            Assert.That(cdm.RelativeMetadata.Comments, Is.EqualTo(new[] { "Relative Metadata/Data" }));
            Assert.That(cdm.Object1.Metadata.Comments, Is.EqualTo(new[] { "Object1" }));
            Assert.That(cdm.Object1.Covariance![6, 0], Is.EqualTo(0.1), "CDRG_R");
            Assert.That(cdm.Object1.Covariance[8, 8], Is.EqualTo(1e-9), "CTHR_THR");
            Assert.That(cdm.Object1.Covariance[7, 7], Is.Null, "CSRP_SRP absent");
            Assert.That(cdm.Object2.Metadata.ObjectType, Is.EqualTo("DEBRIS"));
        });

        // the exchange builds one from a proximity alert: the second object's covariance is not known
        cdm.Object2.Covariance = null;
        cdm.Object1.Covariance = CdmCovariance.FromPositionVelocity(new double[6, 6] { { 100, 0, 0, 0, 0, 0 }, { 0, 10000, 0, 0, 0, 0 }, { 0, 0, 100, 0, 0, 0 }, { 0, -1, 0, 0.01, 0, 0 }, { 0, 0, 0, 0, 0.0001, 0 }, { 0, 0, 0, 0, 0, 0.01 } });
        foreach (var syntax in new[] { CcsdsSyntax.Kvn, CcsdsSyntax.Xml })
        {
            var text = CdmWriter.Write(cdm, syntax);
            var back = CdmReader.Read(text, new CcsdsReadOptions { AllowMissingCdmCovariance = true });
            Expect.SameContent(Messages.Content("cdm", cdm), Messages.Content("cdm", back));
            var strict = Expect.Errors(() => CdmReader.Read(text));
            Assert.That(strict.Single().Kind, Is.EqualTo(CcsdsErrorKind.MissingMandatoryKeyword));
            Assert.That(strict.Single().Keyword, Is.EqualTo("CR_R"));
        }
        Assert.That(CdmWriter.Write(cdm, CcsdsSyntax.Xml), Does.Contain("<relativeStateVector>").And.Contain("<SCREEN_VOLUME_X units=\"m\">400</SCREEN_VOLUME_X>"));

        cdm.RelativeMetadata.CollisionProbability = 1.5;
        cdm.Object1.Metadata.Maneuverable = "MAYBE";
        var refused = Expect.Errors(() => CdmWriter.Write(cdm, CcsdsSyntax.Kvn));
        Expect.Has(refused, CcsdsErrorKind.InvalidValue, "COLLISION_PROBABILITY", null);
        Expect.Has(refused, CcsdsErrorKind.InvalidValue, "MANEUVERABLE", null);
    }

    [Test]
    public void Namespaced_xml_units_attributes_are_checked_and_errors_name_the_element()
    {
        var opm = OpmReader.Read(Fixtures.OpmXmlNamespaced);
        Assert.That(opm.Maneuvers.Single().RefFrame, Is.EqualTo("RSW"));
        Assert.That(opm.StateVector.Comments, Is.EqualTo(new[] { "state from OD" }));
        var broken = Fixtures.OpmXmlNamespaced.Replace("<Y units=\"km\">0</Y>", "<Y units=\"m\">0</Y>", StringComparison.Ordinal)
            .Replace("<MAN_DV_2 units=\"km/s\">0.00012</MAN_DV_2>", "<MAN_DV_2 units=\"km/s\">fast</MAN_DV_2>", StringComparison.Ordinal)
            .Replace("<OBJECT_NAME>", "<OBJECT_NAMES>x</OBJECT_NAMES><OBJECT_NAME>", StringComparison.Ordinal);
        var errors = Expect.Errors(() => OpmReader.Read(broken));
        Assert.Multiple(() =>
        {
            Assert.That(errors.Select(e => (e.Kind, e.Keyword, e.Path)), Is.EquivalentTo(new (CcsdsErrorKind, string?, string?)[]
            {
                (CcsdsErrorKind.IncompatibleUnit, "Y", "/ndm/opm/body/segment/data/stateVector/Y"),
                (CcsdsErrorKind.UnparsableNumber, "MAN_DV_2", "/ndm/opm/body/segment/data/maneuverParameters/MAN_DV_2"),
                (CcsdsErrorKind.UnknownKeyword, "OBJECT_NAMES", "/ndm/opm/body/segment/metadata/OBJECT_NAMES"),
            }));
            Assert.That(errors.All(error => error.Line is > 0), Is.True, "XML errors carry a line too");
        });
    }

    [TestCase("CREATION_DATE  = 2024-045T08:00:00", "CREATION_DATE  = 2023-366T08:00:00", CcsdsErrorKind.ImpossibleDate, "CREATION_DATE", "CREATION_DATE")]
    [TestCase("MAN_EPOCH_IGNITION = 2024-02-15T03:10:00", "MAN_EPOCH_IGNITION = 2023-02-29T03:10:00", CcsdsErrorKind.ImpossibleDate, "MAN_EPOCH_IGNITION", "MAN_EPOCH_IGNITION = 202")]
    [TestCase("MAN_EPOCH_IGNITION = 2024-02-15T03:10:00", "MAN_EPOCH_IGNITION = 2024-02-15T24:00:00", CcsdsErrorKind.ImpossibleDate, "MAN_EPOCH_IGNITION", "MAN_EPOCH_IGNITION = 202")]
    [TestCase("MAN_EPOCH_IGNITION = 2024-02-15T03:10:00", "MAN_EPOCH_IGNITION = 2024-02-15T12:00:60", CcsdsErrorKind.ImpossibleDate, "MAN_EPOCH_IGNITION", "MAN_EPOCH_IGNITION = 202")]
    [TestCase("MAN_EPOCH_IGNITION = 2024-02-15T03:10:00", "MAN_EPOCH_IGNITION = 15/02/2024 03:10", CcsdsErrorKind.UnparsableDate, "MAN_EPOCH_IGNITION", "MAN_EPOCH_IGNITION = 15")]
    [TestCase("TIME_SYSTEM    = TAI", "TIME_SYSTEM    = LOCAL", CcsdsErrorKind.UnknownTimeSystem, "TIME_SYSTEM", "TIME_SYSTEM")]
    [TestCase("MAN_REF_FRAME      = TNW", "MAN_REF_FRAME      = XYZ", CcsdsErrorKind.UnknownFrame, "MAN_REF_FRAME", "MAN_REF_FRAME      = XYZ")]
    [TestCase("MAN_DELTA_MASS     = -0.4 [kg]", "MAN_DELTA_MASS     = 0.4 [kg]", CcsdsErrorKind.InvalidValue, "MAN_DELTA_MASS", "MAN_DELTA_MASS     = 0.4")]
    [TestCase("MAN_DURATION       = 120.5 [s]", "MAN_DURATION       = 120.5 [min]", CcsdsErrorKind.IncompatibleUnit, "MAN_DURATION", "MAN_DURATION       = 120.5")]
    [TestCase("MAN_DV_1           = 0.0015 [km/s]", "MAN_DV_1           = NaN [km/s]", CcsdsErrorKind.UnparsableNumber, "MAN_DV_1", "MAN_DV_1           = NaN")]
    [TestCase("MEAN_ANOMALY    = 0.0 [deg]", "TRUE_ANOMALY    = 0.0 [deg]\nMEAN_ANOMALY    = 0.0 [deg]", CcsdsErrorKind.InvalidValue, "MEAN_ANOMALY", "MEAN_ANOMALY")]
    [TestCase("MASS            = 250 [kg]", "MASS            = 250 [kg]\nMASS            = 251 [kg]", CcsdsErrorKind.DuplicateKeyword, "MASS", "MASS            = 251")]
    [TestCase("CCSDS_OPM_VERS = 3.0", "CCSDS_OPM_VERS = 2.0", CcsdsErrorKind.KeywordNotInVersion, "MESSAGE_ID", "MESSAGE_ID")]
    [TestCase("CCSDS_OPM_VERS = 3.0", "CCSDS_OPM_VERS = 4.0", CcsdsErrorKind.UnsupportedVersion, "CCSDS_OPM_VERS", "CCSDS_OPM_VERS")]
    [TestCase("OBJECT_NAME    = EXAMPLESAT 1", "OBJECT_NAME    = EXAMPLESAT 1\nCREATION_DATE  = 2024-02-14T08:00:00", CcsdsErrorKind.MisplacedKeyword, "CREATION_DATE", "CREATION_DATE  = 2024-02-14T08:00:00")]
    [TestCase("MAN_DV_3           = 0.0\n\nUSER", "MAN_DV_3           = 0.0\nthis line is not KVN\nUSER", CcsdsErrorKind.MalformedStructure, null, "this line")]
    public void One_mistake_in_an_opm_is_reported_with_its_kind_keyword_and_line(string original, string replacement, CcsdsErrorKind kind, string? keyword, string lineStart)
    {
        Assert.That(Fixtures.OpmWithManeuvers, Does.Contain(original));
        var broken = Fixtures.OpmWithManeuvers.Replace(original, replacement, StringComparison.Ordinal);
        var errors = Expect.Errors(() => OpmReader.Read(broken));
        var line = Messages.LineOf(broken, lineStart);
        Assert.Multiple(() =>
        {
            Assert.That(errors, Has.Count.EqualTo(1), string.Join(Environment.NewLine, errors));
            Expect.Has(errors, kind, keyword, line);
        });
    }

    [Test]
    public void Structure_and_syntax_errors_are_reported()
    {
        var noStop = Fixtures.OemTwoSegments.Replace("INTERPOLATION_DEGREE = 5\nMETA_STOP", "INTERPOLATION_DEGREE = 5", StringComparison.Ordinal);
        Expect.Has(Expect.Errors(() => OemReader.Read(noStop)), CcsdsErrorKind.MalformedStructure, "META_START", Messages.LineOf(noStop, "META_START"));
        var badXml = Expect.Errors(() => OpmReader.Read(Fixtures.OpmXmlNamespaced.Replace("</stateVector>", "</stateVectr>", StringComparison.Ordinal)));
        Assert.That(badXml.Single().Kind, Is.EqualTo(CcsdsErrorKind.MalformedXml));
        Assert.That(badXml.Single().Line, Is.GreaterThan(1));
        var notAnOpm = Expect.Errors(() => OpmReader.Read(Fixtures.OemTwoSegments));
        Assert.That(notAnOpm.Single().Keyword, Is.EqualTo("CCSDS_OPM_VERS"));
        var unknown = Expect.Errors(() => NdmReader.Read("hello = world"));
        Assert.That(unknown.Single().Kind, Is.EqualTo(CcsdsErrorKind.UnknownFormat));
        Assert.That(NdmReader.Read(Fixtures.CdmFull), Is.InstanceOf<CdmMessage>());
    }
}

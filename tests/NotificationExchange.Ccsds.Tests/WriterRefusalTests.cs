using NotificationExchange.Ccsds.Cdm;
using NotificationExchange.Ccsds.Ocm;
using NotificationExchange.Ccsds.Odm;
using NotificationExchange.Ccsds.Oem;
using NotificationExchange.Ccsds.Omm;
using NotificationExchange.Ccsds.Opm;
using NUnit.Framework;

namespace NotificationExchange.Ccsds.Tests;

/// <summary>
/// Every writer, KVN and XML, refuses by field a value it cannot write faithfully (a number that is not finite, a line
/// break or other control character, a character XML cannot carry, blanks at either end), with the library's own
/// error and never a raw ArgumentException.
/// </summary>
public class WriterRefusalTests
{
    private static readonly CcsdsSyntax[] _syntaxes = [CcsdsSyntax.Kvn, CcsdsSyntax.Xml];

    [TestCaseSource(nameof(_syntaxes))]
    public void The_opm_writer_refuses_by_field(CcsdsSyntax syntax)
    {
        var opm = OpmReader.Read(Fixtures.OpmWithManeuvers);
        opm.Metadata.ObjectName = "EXAMPLESAT\u00011";
        opm.StateVector.X = double.NaN;
        opm.Maneuvers[1].Comments.Add("raise,\nfinite burn");

        var errors = Expect.Errors(() => OpmWriter.Write(opm, syntax));

        AssertRefused(errors,
            ("OBJECT_NAME", "/opm/body/segment/metadata/OBJECT_NAME"),
            ("X", "/opm/body/segment/data/stateVector"),
            ("COMMENT", "/opm/body/segment/data/maneuverParameters[2]/COMMENT"));
    }

    [TestCaseSource(nameof(_syntaxes))]
    public void The_omm_writer_refuses_by_field(CcsdsSyntax syntax)
    {
        var omm = OmmReader.Read(Fixtures.Goes9Omm());
        omm.Metadata.ObjectName = "GOES\r\n9";
        omm.MeanElements.Eccentricity = double.PositiveInfinity;
        omm.UserDefined = new UserDefinedParameters { Parameters = [new("MY NOTE", "x"), new("NOTE", "\uFFFF")] };

        var errors = Expect.Errors(() => OmmWriter.Write(omm, syntax));

        AssertRefused(errors,
            ("OBJECT_NAME", "/omm/body/segment/metadata/OBJECT_NAME"),
            ("ECCENTRICITY", "/omm/body/segment/data/meanElements"),
            ("USER_DEFINED_MY NOTE", "/omm/body/segment/data/userDefinedParameters"),
            ("USER_DEFINED_NOTE", "/omm/body/segment/data/userDefinedParameters/USER_DEFINED_NOTE"));
    }

    [TestCaseSource(nameof(_syntaxes))]
    public void The_oem_writer_refuses_by_field(CcsdsSyntax syntax)
    {
        var oem = OemReader.Read(Fixtures.OemTwoSegments);
        oem.Segments[0].States[1].YDot = double.NaN;
        oem.Segments[1].Covariances[0][5, 5] = double.NegativeInfinity;
        oem.Segments[0].DataComments.Add("planned\tephemeris");

        var errors = Expect.Errors(() => OemWriter.Write(oem, syntax));

        Assert.That(errors.Select(e => e.Keyword), Is.EquivalentTo(new[] { "Y_DOT", "CZ_DOT_Z_DOT", "COMMENT" }), string.Join("\n", errors));
        Assert.That(errors.All(e => e.Kind == CcsdsErrorKind.InvalidValue && e.Path!.StartsWith("/oem/body/segment[", StringComparison.Ordinal)), Is.True, string.Join("\n", errors));
    }

    [TestCaseSource(nameof(_syntaxes))]
    public void The_ocm_writer_refuses_by_field(CcsdsSyntax syntax)
    {
        var ocm = OcmReader.Read(Fixtures.OcmFull);
        ocm.Maneuvers[0].ManPurpose = "COLLISION\u0007AVOIDANCE";
        ocm.Trajectories[0].Lines[1].Values[2] = double.NaN;
        ocm.Maneuvers[1].AddLine(CcsdsTime.Parse("2024-02-14T05:00:00"), double.NaN, 0.5, 0.0, "ON");
        ocm.Metadata.Operator = " EXAMPLE OPS";

        var errors = Expect.Errors(() => OcmWriter.Write(ocm, syntax));

        AssertRefused(errors,
            ("MAN_PURPOSE", "/ocm/body/segment/data/man[1]/MAN_PURPOSE"),
            ("trajLine", "/ocm/body/segment/data/traj"),
            ("THR_X", "/ocm/body/segment/data/man[2]"),
            ("OPERATOR", "/ocm/body/segment/metadata/OPERATOR"));
    }

    [TestCaseSource(nameof(_syntaxes))]
    public void The_cdm_writer_refuses_by_field(CcsdsSyntax syntax)
    {
        var cdm = CdmReader.Read(Fixtures.CdmFull);
        cdm.Object2.Metadata.ObjectName = "DEBRIS\u001F43999";
        cdm.RelativeMetadata.MissDistance = double.NaN;
        cdm.Object1.Covariance![3, 3] = double.NaN;

        var errors = Expect.Errors(() => CdmWriter.Write(cdm, syntax));

        AssertRefused(errors,
            ("OBJECT_NAME", "/cdm/body/segment[2]/metadata/OBJECT_NAME"),
            ("MISS_DISTANCE", "/cdm/body/relativeMetadataData"),
            ("CRDOT_RDOT", "/cdm/body/segment[1]/data/covarianceMatrix"));
    }

    [Test]
    public void A_control_character_the_kvn_reader_accepts_is_refused_by_the_xml_writer_not_thrown_as_an_argument_exception()
    {
        var opm = OpmReader.Read(Fixtures.OpmWithManeuvers.Replace("ORIGINATOR     = EXAMPLE OPS", "ORIGINATOR     = EXAMPLE\u0002OPS", StringComparison.Ordinal));

        var error = Expect.Errors(() => OpmWriter.Write(opm, CcsdsSyntax.Xml)).Single();

        Assert.That((error.Kind, error.Keyword, error.Path), Is.EqualTo((CcsdsErrorKind.InvalidValue, "ORIGINATOR", "/opm/header/ORIGINATOR")));
        Assert.That(error.Message, Does.Contain("U+0002"));
    }

    [Test]
    public void Text_the_writers_can_carry_is_written_as_is()
    {
        var opm = OpmReader.Read(Fixtures.OpmWithManeuvers);
        opm.Metadata.ObjectName = "ÉTOILE-1 \U0001F6F0 (2 spaces  inside) [sic]";

        foreach (var syntax in _syntaxes)
        {
            Assert.That(OpmReader.Read(OpmWriter.Write(opm, syntax)).Metadata.ObjectName, Is.EqualTo(opm.Metadata.ObjectName), syntax.ToString());
        }
    }

    private static void AssertRefused(IReadOnlyList<CcsdsError> errors, params (string Keyword, string Path)[] expected)
    {
        var shown = string.Join(Environment.NewLine, errors);
        Assert.Multiple(() =>
        {
            Assert.That(errors.Select(e => (e.Keyword, e.Path)), Is.EquivalentTo(expected.Select(e => ((string?)e.Keyword, (string?)e.Path))), shown);
            Assert.That(errors.All(e => e.Kind == CcsdsErrorKind.InvalidValue && e.Message.StartsWith("cannot be written: ", StringComparison.Ordinal)), Is.True, shown);
        });
    }
}

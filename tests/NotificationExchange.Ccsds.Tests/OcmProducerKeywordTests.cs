using NotificationExchange.Ccsds.Ocm;
using NUnit.Framework;

namespace NotificationExchange.Ccsds.Tests;

/// <summary>OCM keywords as Orekit writes them, checked against CCSDS 502.0-B-3.</summary>
public class OcmProducerKeywordTests
{
    private const string Header = """
        CCSDS_OCM_VERS = 3.0
        CREATION_DATE = 2024-02-14T08:00:00
        ORIGINATOR = EXAMPLE OPS
        META_START
        TIME_SYSTEM = UTC
        EPOCH_TZERO = 2024-02-14T00:00:00
        META_STOP

        """;

    private static readonly string _ltm21 = string.Join(' ', Enumerable.Range(1, 21).Select(i => $"{i}.5"));
    private static readonly string _full36 = string.Join(' ', Enumerable.Range(1, 36).Select(i => $"0.{i}"));

    private static string Covariance(string ordering, string values, string units = "[km, km, km, km/s, km/s, km/s]") => Header + $"""
        COV_START
        COV_REF_FRAME = TNW_INERTIAL
        COV_TYPE = CARTPV
        COV_ORDERING = {ordering}
        COV_UNITS = {units}
        0.0 {values}
        COV_STOP
        """;

    [Test]
    public void Cov_units_give_one_unit_per_element_whatever_the_ordering()
    {
        // 502.0-B-3 table 6-12: the units of the standard deviations, one per diagonal term (so 6 for CARTPV)
        var ltm = OcmReader.Read(Covariance("LTM", _ltm21)).Covariances.Single();
        var full = OcmReader.Read(Covariance("FULL", _full36)).Covariances.Single();
        var perTermText = Covariance("LTM", _ltm21, "[" + string.Join(", ", Enumerable.Repeat("km**2", 21)) + "]");
        var perTerm = Expect.Errors(() => OcmReader.Read(perTermText)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(ltm.CovUnits, Has.Count.EqualTo(6));
            Assert.That(full.CovUnits, Has.Count.EqualTo(6));
            Assert.That((perTerm.Kind, perTerm.Keyword, perTerm.Line), Is.EqualTo((CcsdsErrorKind.WrongColumnCount, "COV_UNITS", Messages.LineOf(perTermText, "COV_UNITS"))));
            Assert.That(perTerm.Message, Is.EqualTo("21 units, but COV_TYPE CARTPV has 6 values"));
        });
    }

    [TestCase("UTMWCC")]
    [TestCase("LTMWCC")]
    public void The_orderings_with_cross_correlation_carry_the_whole_matrix(string ordering)
    {
        // a triangle of covariances and the other of correlation coefficients: 6 x 6 = 36 values for CARTPV
        var covariance = OcmReader.Read(Covariance(ordering, _full36)).Covariances.Single();
        var triangleText = Covariance(ordering, _ltm21);
        var triangleOnly = Expect.Errors(() => OcmReader.Read(triangleText)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(covariance.CovOrdering, Is.EqualTo(ordering));
            Assert.That(covariance.Lines.Single().Values, Has.Count.EqualTo(36));
            Assert.That((triangleOnly.Kind, triangleOnly.Keyword, triangleOnly.Line), Is.EqualTo((CcsdsErrorKind.WrongColumnCount, "covLine", Messages.LineOf(triangleText, "0.0 "))));
            Assert.That(triangleOnly.Message, Does.Contain($"in {ordering} order has 36 values per line"));
        });
    }

    private static string Maneuver(string basis, string bodyFrame) => Header + $"""
        MAN_START
        MAN_ID = CAM-7
        MAN_BASIS = {basis}
        MAN_DEVICE_ID = THR_07
        MAN_REF_FRAME = TNW_INERTIAL
        DC_TYPE = TIME_AND_ANGLE
        DC_TIME_PULSE_DURATION = 20.0 [s]
        DC_TIME_PULSE_PERIOD = 400.0 [s]
        DC_REF_DIR = 1.0 0.0 0.0
        DC_BODY_FRAME = {bodyFrame}
        DC_BODY_TRIGGER = 0.707 0.0 0.707
        DC_PA_START_ANGLE = 25.0 [deg]
        DC_PA_STOP_ANGLE = 35.0 [deg]
        MAN_COMPOSITION = TIME_RELATIVE, MAN_DURA, DV_X, DV_Y, DV_Z
        MAN_UNITS = [s, km/s, km/s, km/s]
        1000.0 200.0 0.001 0.0 0.0
        MAN_STOP
        """;

    [TestCase("SENSOR_3")]
    [TestCase("SC_BODY_1")]
    [TestCase("STARTRACKER_2")]
    [TestCase("GYRO_FRAME_1")]
    public void A_spacecraft_body_frame_is_a_dc_body_frame(string frame)
    {
        Assert.That(OcmReader.Read(Maneuver("PLANNED", frame)).Maneuvers.Single().DcBodyFrame, Is.EqualTo(frame));
    }

    [TestCase("RTN", TestName = "an orbit-relative frame is no body frame")]
    [TestCase("EME2000", TestName = "a celestial frame is no body frame")]
    [TestCase("SENSOR", TestName = "a body frame needs its label")]
    [TestCase("WHEEL_1", TestName = "an equipment SANA does not list")]
    public void Other_frames_are_not_dc_body_frames(string frame)
    {
        var text = Maneuver("PLANNED", frame);

        var error = Expect.Errors(() => OcmReader.Read(text)).Single();

        Assert.That((error.Kind, error.Keyword, error.Line), Is.EqualTo((CcsdsErrorKind.UnknownFrame, "DC_BODY_FRAME", Messages.LineOf(text, "DC_BODY_FRAME"))));
    }

    [TestCase("DETERMINED_TLM", "TELEMETRY")]
    [TestCase("DETERMINED_OD", "DETERMINED")]
    [TestCase("TELEMETRY", "TELEMETRY")]
    public void Orekit_man_basis_values_are_read_as_the_standard_s_and_written_only_so(string written, string standard)
    {
        var ocm = OcmReader.Read(Maneuver(written, "SC_BODY_1"));

        Assert.That(ocm.Maneuvers.Single().ManBasis, Is.EqualTo(standard));
        foreach (var syntax in new[] { CcsdsSyntax.Kvn, CcsdsSyntax.Xml })
        {
            var text = OcmWriter.Write(ocm, syntax);
            Assert.That(text, Does.Contain(standard).And.Not.Contain("DETERMINED_"), syntax.ToString());
        }
    }

    [Test]
    public void A_basis_neither_the_standard_nor_a_known_producer_writes_is_refused()
    {
        var text = Maneuver("DETERMINED_GUESS", "SC_BODY_1");

        var error = Expect.Errors(() => OcmReader.Read(text)).Single();

        Assert.That((error.Kind, error.Keyword, error.Line), Is.EqualTo((CcsdsErrorKind.InvalidValue, "MAN_BASIS", Messages.LineOf(text, "MAN_BASIS"))));
    }

    [TestCase("3.2 [nT]", true)]
    [TestCase("3.2", true)]
    [TestCase("3.2 [n/a]", false)]
    [TestCase("3.2 [SFU]", false)]
    public void Fixed_geomag_kp_is_in_nanotesla(string value, bool accepted)
    {
        // 502.0-B-3 table 6-10 gives nT for FIXED_GEOMAG_KP, as for FIXED_GEOMAG_AP and FIXED_GEOMAG_DST
        var text = Header + $"""
            PERT_START
            FIXED_GEOMAG_KP = {value}
            FIXED_GEOMAG_AP = 2.1 [nT]
            PERT_STOP
            """;

        if (accepted)
        {
            var ocm = OcmReader.Read(text);
            Assert.That(ocm.Perturbations!.GetNumber("FIXED_GEOMAG_KP"), Is.EqualTo(3.2));
            Assert.That(OcmWriter.Write(ocm, CcsdsSyntax.Kvn), Does.Contain("FIXED_GEOMAG_KP").And.Contain("3.2 [nT]"));
        }
        else
        {
            var error = Expect.Errors(() => OcmReader.Read(text)).Single();
            Assert.That((error.Kind, error.Keyword, error.Line), Is.EqualTo((CcsdsErrorKind.IncompatibleUnit, "FIXED_GEOMAG_KP", Messages.LineOf(text, "FIXED_GEOMAG_KP"))));
        }
    }
}

using NotificationExchange.Ccsds.Ocm;
using NotificationExchange.Ccsds.Omm;
using NotificationExchange.Ccsds.Opm;
using NUnit.Framework;

namespace NotificationExchange.Ccsds.Tests;

/// <summary>
/// An empty value that carries a unit ("MASS = [kg]", &lt;X units="km"/&gt;, units="") gives no value, exactly like the
/// same empty value without a unit: absent when optional, a missing keyword when mandatory.
/// </summary>
public class EmptyValueTests
{
    [TestCase("MASS            = 250 [kg]", "MASS            = [kg]", TestName = "KVN: MASS = [kg]")]
    [TestCase("MASS            = 250 [kg]", "MASS            = []", TestName = "KVN: MASS = []")]
    [TestCase("MASS            = 250 [kg]", "MASS            =", TestName = "KVN: MASS = (the control case, no unit)")]
    public void An_optional_number_with_a_unit_and_no_value_is_absent(string original, string replacement)
    {
        var text = Replace(Fixtures.OpmWithManeuvers, original, replacement);

        var spacecraft = OpmReader.Read(text).SpacecraftParameters!;

        Assert.That(spacecraft.Mass, Is.Null);
        Assert.That(spacecraft.DragArea, Is.EqualTo(1.5), "the rest of the block is read");
    }

    [Test]
    public void A_mandatory_number_with_a_unit_and_no_value_is_a_missing_keyword_at_its_line()
    {
        var text = Replace(Fixtures.OpmWithManeuvers, "X              =  6678.137 [km]", "X              = [km]");

        var error = Expect.Errors(() => OpmReader.Read(text)).Single();

        Assert.That((error.Kind, error.Keyword, error.Line), Is.EqualTo((CcsdsErrorKind.MissingMandatoryKeyword, "X", Messages.LineOf(text, "X              = [km]"))));
    }

    [Test]
    public void Xml_elements_with_a_units_attribute_and_no_text_give_no_value()
    {
        var text = Replace(Fixtures.OpmXmlNamespaced, "<MAN_DURATION units=\"s\">0</MAN_DURATION>", "<MAN_DURATION units=\"s\"/>");
        text = Replace(text, "<MAN_DELTA_MASS units=\"kg\">-0.05</MAN_DELTA_MASS>", "<MAN_DELTA_MASS units=\"\"></MAN_DELTA_MASS>");
        var mandatory = Replace(text, "<X units=\"km\">6678.137</X>", "<X units=\"km\"/>");

        var maneuver = OpmReader.Read(text).Maneuvers.Single();
        var error = Expect.Errors(() => OpmReader.Read(mandatory)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(maneuver.Duration, Is.Null);
            Assert.That(maneuver.DeltaMass, Is.Null);
            Assert.That((error.Kind, error.Keyword, error.Path), Is.EqualTo((CcsdsErrorKind.MissingMandatoryKeyword, "X", "/ndm/opm/body/segment/data/stateVector/X")));
            Assert.That(error.Line, Is.EqualTo(Messages.LineOf(mandatory, "<X units=\"km\"/>")));
        });
    }

    [Test]
    public void An_empty_unit_with_a_value_is_no_unit()
    {
        var kvn = Replace(Fixtures.OpmWithManeuvers, "X              =  6678.137 [km]", "X              =  6678.137 []");
        var xml = Replace(Fixtures.OpmXmlNamespaced, "<X units=\"km\">6678.137</X>", "<X units=\"\">6678.137</X>");

        Assert.That(OpmReader.Read(kvn).StateVector.X, Is.EqualTo(6678.137));
        Assert.That(OpmReader.Read(xml).StateVector.X, Is.EqualTo(6678.137));
    }

    [Test]
    public void Integers_in_omm_and_section_numbers_in_ocm_with_only_a_unit_are_absent()
    {
        // an integer keyword with nothing but its unit, among the TLE parameters
        var omm = Fixtures.Goes9Omm().Replace("BSTAR =", "ELEMENT_SET_NO = [n/a]\nBSTAR =", StringComparison.Ordinal);
        var ocm = Replace(Fixtures.OcmFull, "WET_MASS      = 250 [kg]", "WET_MASS      = [kg]");

        Assert.That(OmmReader.Read(omm).ElementSetNo, Is.Null);
        Assert.That(OcmReader.Read(ocm).Physical!.Get("WET_MASS"), Is.Null);
    }

    [Test]
    public void An_empty_list_is_no_value_so_an_empty_man_composition_is_a_missing_keyword()
    {
        var noUnits = Replace(Fixtures.OcmFull, "MAN_UNITS       = [s, kg, km/s, km/s, km/s]", "MAN_UNITS       = []");
        var noComposition = Replace(Fixtures.OcmFull, "MAN_COMPOSITION = TIME_ABSOLUTE, THR_X, THR_Y, THR_Z, THR_INTERP", "MAN_COMPOSITION = []");

        var maneuver = OcmReader.Read(noUnits).Maneuvers[0];
        var errors = Expect.Errors(() => OcmReader.Read(noComposition));

        Assert.Multiple(() =>
        {
            Assert.That(maneuver.ManUnits, Is.Null);
            Assert.That(maneuver.Lines, Has.Count.EqualTo(1));
            Expect.Has(errors, CcsdsErrorKind.MissingMandatoryKeyword, "MAN_COMPOSITION", Messages.LineOf(noComposition, "MAN_COMPOSITION = []"));
        });
    }

    [Test]
    public void Brackets_inside_a_text_value_are_kept_as_written()
    {
        var text = Replace(Fixtures.OcmFull, "OD_METHOD  = BWLS\n", "OD_METHOD  = BWLS\nSOLVE_STATES = POS[3], VEL[3]\n");
        text = Replace(text, "USER_DEFINED_NOTE = bilateral agreement 7", "USER_DEFINED_NOTE = see annex[2]");

        var ocm = OcmReader.Read(text);

        Assert.Multiple(() =>
        {
            Assert.That(ocm.OrbitDetermination!.Get("SOLVE_STATES"), Is.EqualTo("POS[3], VEL[3]"));
            Assert.That(ocm.UserDefined!.Parameters.Single().Value, Is.EqualTo("see annex[2]"));
            var back = OcmReader.Read(OcmWriter.Write(ocm, CcsdsSyntax.Xml));
            Assert.That(back.OrbitDetermination!.Get("SOLVE_STATES"), Is.EqualTo("POS[3], VEL[3]"), "and the XML form holds the same text");
        });
    }

    private static string Replace(string text, string original, string replacement)
    {
        Assert.That(text, Does.Contain(original));
        return text.Replace(original, replacement, StringComparison.Ordinal);
    }
}

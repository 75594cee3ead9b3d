using NotificationExchange.Ccsds.Ocm;
using NotificationExchange.Ccsds.Syntax;
using NUnit.Framework;

namespace NotificationExchange.Ccsds.Tests;

/// <summary>The syntax-neutral tree's own rules: where a unit came from, and fields derived from others.</summary>
public class SyntaxTests
{
    [Test]
    public void A_units_attribute_is_marked_as_such_by_the_xml_reader_and_a_bracketed_unit_is_not()
    {
        var xml = XmlNodeReader.Read("""<opm id="CCSDS_OPM_VERS" version="3.0"><X units="km">1</X><Y units="">2</Y><Z>3</Z></opm>""", new ReadContext(CcsdsReadOptions.Strict))!;
        var kvn = KvnTokenizer.Tokenize("X = 1 [km]\nOBJECT_NAME = POS[3]").Select(token => token.ToEntry()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(xml.Entries.Select(entry => (entry.Keyword, entry.UnitIsAttribute)), Is.EqualTo(new[] { ("X", true), ("Y", true), ("Z", false) }));
            Assert.That(kvn.Select(entry => (entry.Keyword, entry.UnitIsAttribute)), Is.EqualTo(new[] { ("X", false), ("OBJECT_NAME", false) }));
            Assert.That(xml.Entries.First().WithValue("2").UnitIsAttribute, Is.True, "a changed value keeps where its unit came from");
        });
    }

    [Test]
    public void A_choice_with_aliases_is_the_choice_field_itself_reading_an_alias_as_the_standard_value()
    {
        var aliases = new Dictionary<string, string> { ["DETERMINED_TLM"] = "TELEMETRY" };
        var plain = new BlockMap<OcmManeuver>("man").Choice("MAN_BASIS", ["PLANNED", "TELEMETRY"], m => m.ManBasis, (m, v) => m.ManBasis = v, mandatory: true)
            .Fields.Single();
        var aliased = new BlockMap<OcmManeuver>("man")
            .Choice("MAN_BASIS_ALIASED", ["PLANNED", "TELEMETRY"], m => m.ManBasis, (m, v) => m.ManBasis = v, mandatory: true, aliases: aliases)
            .Fields.Single();
        var context = new ReadContext(CcsdsReadOptions.Strict);

        Assert.Multiple(() =>
        {
            Assert.That(aliased with { Keyword = plain.Keyword, Parse = plain.Parse, Set = plain.Set, Get = plain.Get, Format = plain.Format }, Is.EqualTo(plain),
                "nothing but the parsing differs");
            Assert.That(aliased.Parse(new Entry("MAN_BASIS_ALIASED", "DETERMINED_TLM", null, default), context), Is.EqualTo("TELEMETRY"));
            Assert.That(aliased.Parse(new Entry("MAN_BASIS_ALIASED", "PLANNED", null, default), context), Is.EqualTo("PLANNED"));
            Assert.That(context.Errors, Is.Empty);
        });
    }
}

using NotificationExchange.Ccsds.Opm;
using NotificationExchange.Domain.Validation;
using NotificationExchange.Filing.Ccsds;
using NUnit.Framework;

namespace NotificationExchange.Ccsds.Tests;

/// <summary>NdmReader tells the type of NDM wrappers that start with comments, and reports XML that breaks before its root as XML.</summary>
public class NdmReaderTests
{
    [Test]
    public void An_ndm_wrapper_whose_first_child_is_a_comment_is_read()
    {
        var text = Fixtures.OpmXmlNamespaced.Replace(
            "<opm id=", "<COMMENT>combined instantiation</COMMENT>\n  <COMMENT>one OPM</COMMENT>\n  <opm id=", StringComparison.Ordinal);
        Assert.That(text, Does.Contain("<COMMENT>combined"));

        Assert.Multiple(() =>
        {
            Assert.That(NdmReader.DetectType(text), Is.EqualTo(NdmMessageType.Opm));
            Assert.That(NdmReader.Read(text), Is.InstanceOf<OpmMessage>());
            Assert.That(((OpmMessage)NdmReader.Read(text)).Maneuvers.Single().RefFrame, Is.EqualTo("RSW"));
        });
    }

    [TestCase("""
        <?xml version="1.0" encoding="UTF-8"?>
        <ndm:ndm xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
          <opm id="CCSDS_OPM_VERS" version="2.0"/>
        </ndm:ndm>
        """, 2, TestName = "an undeclared namespace prefix on the root")]
    [TestCase("""
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE ndm [ <!ENTITY who "EXAMPLE OPS"> ]>
        <ndm>
          <opm id="CCSDS_OPM_VERS" version="2.0"/>
        </ndm>
        """, 2, TestName = "a DTD before the root")]
    [TestCase("""
        <?xml version="1.0" encoding="UTF-8"?>
        <ndm>
          <COMMENT>first</COMMENT>
          <x:opm id="CCSDS_OPM_VERS" version="2.0"/>
        </ndm>
        """, 4, TestName = "an undeclared prefix on the first message")]
    public void Xml_that_fails_before_its_type_is_known_is_reported_as_malformed_xml_with_its_line(string text, int line)
    {
        var error = Expect.Errors(() => NdmReader.Read(text)).Single();
        NdmReader.DetectType(text, out var problem);

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(CcsdsErrorKind.MalformedXml), error.ToString());
            Assert.That(error.Line, Is.EqualTo(line), error.ToString());
            Assert.That(problem, Is.EqualTo(error));
        });
    }

    [Test]
    public void Xml_that_starts_with_a_byte_order_mark_is_read_as_kvn_with_one_is()
    {
        var text = "\uFEFF" + Fixtures.OpmXmlNamespaced;

        Assert.Multiple(() =>
        {
            Assert.That(NdmReader.DetectType(text), Is.EqualTo(NdmMessageType.Opm));
            Assert.That(((OpmMessage)NdmReader.Read(text)).StateVector.X, Is.EqualTo(6678.137));
            Assert.That(OpmReader.Read(text).Maneuvers, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void Text_that_is_no_message_at_all_is_still_an_unknown_format()
    {
        NdmReader.DetectType("<html><body/></html>", out var problem);

        Assert.That(problem, Is.Null, "well-formed XML of another kind is no XML error");
        Assert.That(Expect.Errors(() => NdmReader.Read("<html><body/></html>")).Single().Kind, Is.EqualTo(CcsdsErrorKind.UnknownFormat));
    }

    [Test]
    public void Filing_a_maneuver_from_xml_that_breaks_before_its_root_reports_the_xml_error()
    {
        var errors = new ValidationErrors();
        const string text = "<?xml version=\"1.0\"?>\n<!DOCTYPE opm SYSTEM \"opm.dtd\">\n<opm id=\"CCSDS_OPM_VERS\" version=\"2.0\"/>";

        var imported = CcsdsManeuverImport.Read(text, null, "ccsds_maneuver", errors);

        Assert.That(imported, Is.Null);
        Assert.That(errors.Violations.Single().Field, Is.EqualTo("ccsds_maneuver.message"));
        Assert.That(errors.Violations.Single().Description, Does.StartWith("line 2: ").And.EndWith("(MalformedXml)"));
    }

    [TestCase(Fixtures.OpmWithManeuvers, CcsdsSyntax.Kvn)]
    [TestCase(Fixtures.OpmXmlNamespaced, CcsdsSyntax.Xml)]
    public void The_syntax_is_told_past_a_byte_order_mark_and_blanks_as_the_readers_tell_it(string message, CcsdsSyntax syntax)
    {
        Assert.Multiple(() =>
        {
            Assert.That(NdmReader.DetectSyntax(message), Is.EqualTo(syntax));
            Assert.That(NdmReader.DetectSyntax("\uFEFF \t\r\n\n" + message), Is.EqualTo(syntax));
            // a reader that told the syntax otherwise would not read the message (XML allows nothing but a byte order
            // mark before its declaration)
            Assert.That(OpmReader.Read("\uFEFF" + message).Metadata.ObjectName, Is.EqualTo(OpmReader.Read(message).Metadata.ObjectName));
        });
    }
}

using NotificationExchange.Ccsds.Cdm;
using NotificationExchange.Ccsds.Ocm;
using NotificationExchange.Ccsds.Omm;
using NotificationExchange.Ccsds.Opm;
using NUnit.Framework;

namespace NotificationExchange.Ccsds.Tests;

/// <summary>One problem, one error: an unsupported version or a missing block is not reported as everything that follows from it.</summary>
public class ErrorNoiseTests
{
    /// <summary>A CDM 2.0 (508.0-B-2 adds keywords 1.0 does not have, and renames some).</summary>
    private static readonly string _cdmVersion2 = Fixtures.CdmFull
        .Replace("CCSDS_CDM_VERS = 1.0", "CCSDS_CDM_VERS = 2.0", StringComparison.Ordinal)
        .Replace("MESSAGE_ID = CDM-2024-0001", "MESSAGE_ID = CDM-2024-0001\nCLASSIFICATION = UNCLASSIFIED\nCONJUNCTION_ID = 2024-045-001", StringComparison.Ordinal)
        .Replace("OBJECT_DESIGNATOR = 45001", "OBJECT_DESIGNATOR = 45001\nODM_MSG_LINK = OEM-45001\nALT_COV_TYPE = XYZ", StringComparison.Ordinal);

    [Test]
    public void A_message_of_an_unsupported_version_is_reported_once_in_kvn_and_xml()
    {
        var kvn = Expect.Errors(() => CdmReader.Read(_cdmVersion2));
        var xml = Expect.Errors(() => OpmReader.Read(Fixtures.OpmXmlNamespaced.Replace("version=\"2.0\"", "version=\"9.0\"", StringComparison.Ordinal)));
        var ocm = Expect.Errors(() => OcmReader.Read(Fixtures.OcmFull.Replace("CCSDS_OCM_VERS = 3.0", "CCSDS_OCM_VERS = 2.0", StringComparison.Ordinal)));

        Assert.Multiple(() =>
        {
            Assert.That(kvn.Select(e => (e.Kind, e.Keyword, e.Line)), Is.EqualTo(new[] { (CcsdsErrorKind.UnsupportedVersion, (string?)"CCSDS_CDM_VERS", (int?)1) }));
            Assert.That(xml.Select(e => (e.Kind, e.Keyword)), Is.EqualTo(new[] { (CcsdsErrorKind.UnsupportedVersion, (string?)"CCSDS_OPM_VERS") }));
            Assert.That(xml.Single().Line, Is.EqualTo(Messages.LineOf(Fixtures.OpmXmlNamespaced, "<opm ")));
            Assert.That(ocm.Single().Kind, Is.EqualTo(CcsdsErrorKind.UnsupportedVersion));
        });
    }

    [Test]
    public void In_several_kvn_omms_one_of_an_unsupported_version_is_reported_once_and_the_others_are_read()
    {
        var text = string.Join("\n", Fixtures.Goes9Omm("2.0", "FIRST"), Fixtures.Goes9Omm("4.0", "SECOND"), Fixtures.Goes9Omm("3.0", "THIRD"));

        var ok = OmmReader.TryReadAll(text, out var messages, out var errors);

        Assert.Multiple(() =>
        {
            Assert.That(ok, Is.False);
            Assert.That(errors.Select(e => (e.Kind, e.Line)), Is.EqualTo(new[] { (CcsdsErrorKind.UnsupportedVersion, (int?)Messages.LineOf(text, "CCSDS_OMM_VERS = 4.0")) }));
            Assert.That(messages.Select(m => m.ObjectName), Is.EqualTo(new[] { "FIRST", "THIRD" }));
        });
    }

    [Test]
    public void A_gp_record_of_an_unsupported_version_is_reported_once()
    {
        const string json = """[{"CCSDS_OMM_VERS":"9.9","OBJECT_NAME":"X","COLOUR":"red","EPOCH":"never"}]""";

        var error = Expect.Errors(() => OmmReader.ReadAll(json)).Single();

        Assert.That((error.Kind, error.Path), Is.EqualTo((CcsdsErrorKind.UnsupportedVersion, "$[0].CCSDS_OMM_VERS")));
    }

    [Test]
    public void A_missing_block_is_reported_once_not_as_every_keyword_it_lacks()
    {
        var noStateVector = Remove(Fixtures.OpmWithManeuvers, "COMMENT State Vector", "Z_DOT          =     0.0 [km/s]");
        var noHeader = Remove(Fixtures.OpmWithManeuvers, "COMMENT written for the NotificationExchange tests", "MESSAGE_ID     = OPM-2024-0001");

        var stateVector = Expect.Errors(() => OpmReader.Read(noStateVector));
        var header = Expect.Errors(() => OpmReader.Read(noHeader));
        var ocm = Expect.Errors(() => OcmReader.Read(Remove(Fixtures.OcmFull, "META_START", "META_STOP")));
        var emptyXmlBlock = Expect.Errors(() => OpmReader.Read(Fixtures.OpmXmlNamespaced.Replace(
            "<EPOCH>2024-045T12:00:00</EPOCH>", "", StringComparison.Ordinal).Replace("<X units=\"km\">6678.137</X>", "", StringComparison.Ordinal)));

        Assert.Multiple(() =>
        {
            Assert.That(stateVector.Select(e => (e.Kind, e.Keyword)), Is.EqualTo(new[] { (CcsdsErrorKind.MissingMandatoryKeyword, (string?)"EPOCH") }));
            Assert.That(stateVector.Single().Message, Does.Contain("stateVector").And.Contain("EPOCH, X, Y, Z, X_DOT, Y_DOT, Z_DOT"));
            Assert.That(header.Select(e => (e.Kind, e.Keyword)), Is.EqualTo(new[] { (CcsdsErrorKind.MissingMandatoryKeyword, (string?)"CREATION_DATE") }));
            Assert.That(header.Single().Message, Does.Contain("ORIGINATOR"));
            Assert.That(ocm.Select(e => (e.Kind, e.Keyword)), Is.EqualTo(new[] { (CcsdsErrorKind.MissingMandatoryKeyword, (string?)"TIME_SYSTEM") }));
            // a block that is there but lacks some keywords still names each one
            Assert.That(emptyXmlBlock.Select(e => e.Keyword), Is.EquivalentTo(new[] { "EPOCH", "X" }));
        });
    }

    [Test]
    public void An_xml_omm_without_mean_elements_is_one_error()
    {
        var omm = OmmWriter.Write(OmmReader.Read(Fixtures.Goes9Omm("2.0", "ALONE")), CcsdsSyntax.Xml);
        var start = omm.IndexOf("<meanElements>", StringComparison.Ordinal);
        var end = omm.IndexOf("</meanElements>", StringComparison.Ordinal) + "</meanElements>".Length;

        var errors = Expect.Errors(() => OmmReader.Read(omm.Remove(start, end - start)));

        Assert.That(errors.Select(e => (e.Kind, e.Keyword)), Is.EqualTo(new[] { (CcsdsErrorKind.MissingMandatoryKeyword, (string?)"EPOCH") }));
    }

    [Test]
    public void Tle_parameters_an_sgp4_omm_lacks_altogether_are_one_error()
    {
        var text = Remove(Fixtures.Goes9Omm("2.0", "NO TLE"), "BSTAR", "MEAN_MOTION_DDOT");

        var errors = Expect.Errors(() => OmmReader.Read(text));

        Assert.That(errors.Select(e => (e.Kind, e.Keyword)), Is.EqualTo(new[] { (CcsdsErrorKind.MissingMandatoryKeyword, (string?)"MEAN_MOTION_DOT") }));
        Assert.That(errors.Single().Message, Does.Contain("BSTAR").And.Contain("MEAN_MOTION_DDOT"));
    }

    [Test]
    public void Try_read_all_returns_the_clean_messages_and_never_a_half_built_one()
    {
        const string json = """
            [{"OBJECT_NAME":"GOOD 1","OBJECT_ID":"1958-002B","EPOCH":"2025-02-14T14:36:48","MEAN_MOTION":10.8,"ECCENTRICITY":0.18,"INCLINATION":34.2,
              "RA_OF_ASC_NODE":19.2,"ARG_OF_PERICENTER":100.1,"MEAN_ANOMALY":281.1,"BSTAR":0.0003,"MEAN_MOTION_DOT":0,"MEAN_MOTION_DDOT":0},
             {"OBJECT_NAME":"BAD","OBJECT_ID":"1958-002B","EPOCH":"2025-02-30T14:36:48","MEAN_MOTION":10.8,"ECCENTRICITY":0.18,"INCLINATION":34.2,
              "RA_OF_ASC_NODE":19.2,"ARG_OF_PERICENTER":100.1,"MEAN_ANOMALY":281.1,"BSTAR":0.0003,"MEAN_MOTION_DOT":0,"MEAN_MOTION_DDOT":0},
             {"OBJECT_NAME":"GOOD 2","OBJECT_ID":"1959-001A","EPOCH":"2025-02-14T14:36:48","MEAN_MOTION":11.8,"ECCENTRICITY":0.1,"INCLINATION":32.9,
              "RA_OF_ASC_NODE":9.2,"ARG_OF_PERICENTER":10.1,"MEAN_ANOMALY":28.1,"BSTAR":0.0003,"MEAN_MOTION_DOT":0,"MEAN_MOTION_DDOT":0}]
            """;
        var kvn = Fixtures.Goes9Omm("2.0", "GOOD KVN") + "\n" + Fixtures.Goes9Omm("2.0", "BAD KVN").Replace("ECCENTRICITY = 0.0005013", "ECCENTRICITY = -0.5", StringComparison.Ordinal);

        var jsonOk = OmmReader.TryReadAll(json, out var fromJson, out var jsonErrors);
        var kvnOk = OmmReader.TryReadAll(kvn, out var fromKvn, out var kvnErrors);

        Assert.Multiple(() =>
        {
            Assert.That(jsonOk, Is.False);
            Assert.That(jsonErrors.Select(e => e.Path), Is.EqualTo(new[] { "$[1].EPOCH" }));
            Assert.That(fromJson.Select(m => m.ObjectName), Is.EqualTo(new[] { "GOOD 1", "GOOD 2" }));
            Assert.That(kvnOk, Is.False);
            Assert.That(kvnErrors.Select(e => e.Keyword), Is.EqualTo(new[] { "ECCENTRICITY" }));
            Assert.That(fromKvn.Select(m => m.ObjectName), Is.EqualTo(new[] { "GOOD KVN" }));
        });
    }

    /// <summary>The text without the lines from the one starting with <paramref name="first"/> to the one starting with <paramref name="last"/>.</summary>
    private static string Remove(string text, string first, string last)
    {
        var lines = text.Split('\n').ToList();
        var from = lines.FindIndex(line => line.TrimStart().StartsWith(first, StringComparison.Ordinal));
        var to = lines.FindIndex(line => line.TrimStart().StartsWith(last, StringComparison.Ordinal));
        Assert.That(from, Is.GreaterThanOrEqualTo(0).And.LessThanOrEqualTo(to));
        lines.RemoveRange(from, to - from + 1);
        return string.Join('\n', lines);
    }
}

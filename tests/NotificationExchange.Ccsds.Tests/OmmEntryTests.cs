using NotificationExchange.Ccsds.Omm;
using NUnit.Framework;

namespace NotificationExchange.Ccsds.Tests;

/// <summary>
/// <see cref="OmmReader.ReadEntries"/>: a file of many OMMs (KVN one after another, &lt;ndm&gt; of &lt;omm&gt;, GP JSON and
/// CSV) gives one entry per message, each its message or its own errors, and a bad entry never stops the others.
/// </summary>
public class OmmEntryTests
{
    private static string Kvn(string version, string name, int norad, string meanMotion = "15.5", string epoch = "2022-07-14T12:00:00.000000") => $"""
        CCSDS_OMM_VERS = {version}
        CREATION_DATE = 2022-07-14T13:00:00
        ORIGINATOR = 18 SPCS
        OBJECT_NAME = {name}
        OBJECT_ID = 1998-067A
        CENTER_NAME = EARTH
        REF_FRAME = TEME
        TIME_SYSTEM = UTC
        MEAN_ELEMENT_THEORY = SGP4
        EPOCH = {epoch}
        MEAN_MOTION = {meanMotion}
        ECCENTRICITY = 0.0005
        INCLINATION = 51.6
        RA_OF_ASC_NODE = 10
        ARG_OF_PERICENTER = 20
        MEAN_ANOMALY = 30
        EPHEMERIS_TYPE = 0
        CLASSIFICATION_TYPE = U
        NORAD_CAT_ID = {norad}
        ELEMENT_SET_NO = 999
        REV_AT_EPOCH = 100
        BSTAR = 0.0001
        MEAN_MOTION_DOT = 0.00001
        MEAN_MOTION_DDOT = 0
        USER_DEFINED_OBJECT_TYPE = DEBRIS

        """;

    [Test]
    public void Several_kvn_messages_each_give_their_entry_even_after_an_unsupported_version()
    {
        var text = Kvn("9.0", "FIRST", 1) + Kvn("2.0", "SECOND", 2, meanMotion: "fast") + Kvn("2.0", "THIRD", 3) + Kvn("3.0", "FOURTH", 4);
        var file = OmmReader.ReadEntries(text);
        var lines = text.Split('\n');
        int LineOf(string name) => Array.FindIndex(lines, line => line.Contains($"OBJECT_NAME = {name}", StringComparison.Ordinal)) + 1;
        Assert.Multiple(() =>
        {
            Assert.That(file.Format, Is.EqualTo(OmmFormat.Kvn));
            Assert.That(file.Errors, Is.Empty);
            Assert.That(file.Entries.Select(entry => entry.Index), Is.EqualTo(new[] { 0, 1, 2, 3 }));
            // each entry starts at its version line, three lines above its OBJECT_NAME
            Assert.That(file.Entries.Select(entry => entry.Location.Line), Is.EqualTo(new int?[] { LineOf("FIRST") - 3, LineOf("SECOND") - 3, LineOf("THIRD") - 3, LineOf("FOURTH") - 3 }));
            Assert.That(file.Entries[0].Message, Is.Null);
            Assert.That(file.Entries[0].Errors.Single().Kind, Is.EqualTo(CcsdsErrorKind.UnsupportedVersion));
            Assert.That(file.Entries[1].Message, Is.Null);
            Assert.That(file.Entries[1].Errors.Select(error => (error.Kind, error.Keyword, error.Line)),
                Does.Contain((CcsdsErrorKind.UnparsableNumber, (string?)"MEAN_MOTION", (int?)LineOf("SECOND") + 7)));
            Assert.That(file.Entries[2].Message!.ObjectName, Is.EqualTo("THIRD"));
            Assert.That(file.Entries[2].Errors, Is.Empty);
            Assert.That(file.Entries[3].Message!.NoradCatId, Is.EqualTo(4));
            Assert.That(file.Entries[3].Message!.UserDefined!.Parameters, Does.Contain(new KeyValuePair<string, string>("OBJECT_TYPE", "DEBRIS")));
            Assert.That(file.Messages.Select(message => message.ObjectName), Is.EqualTo(new[] { "THIRD", "FOURTH" }));
        });
    }

    [Test]
    public void An_ndm_of_several_omm_gives_each_its_entry_at_its_element_path()
    {
        static string Omm(string name, int norad, string eccentricity, string version = "2.0") => $"""
              <omm id="CCSDS_OMM_VERS" version="{version}">
                <header><CREATION_DATE/><ORIGINATOR/></header>
                <body><segment>
                  <metadata><OBJECT_NAME>{name}</OBJECT_NAME><OBJECT_ID>1958-002B</OBJECT_ID><CENTER_NAME>EARTH</CENTER_NAME><REF_FRAME>TEME</REF_FRAME><TIME_SYSTEM>UTC</TIME_SYSTEM><MEAN_ELEMENT_THEORY>SGP4</MEAN_ELEMENT_THEORY></metadata>
                  <data>
                    <meanElements><EPOCH>2020-10-13T04:52:48.472320</EPOCH><MEAN_MOTION>10.84869164</MEAN_MOTION><ECCENTRICITY>{eccentricity}</ECCENTRICITY><INCLINATION>34.2443</INCLINATION><RA_OF_ASC_NODE>225.5254</RA_OF_ASC_NODE><ARG_OF_PERICENTER>162.2516</ARG_OF_PERICENTER><MEAN_ANOMALY>205.2356</MEAN_ANOMALY></meanElements>
                    <tleParameters><NORAD_CAT_ID>{norad}</NORAD_CAT_ID><BSTAR>-.22483E-4</BSTAR><MEAN_MOTION_DOT>-1.6E-7</MEAN_MOTION_DOT><MEAN_MOTION_DDOT>0</MEAN_MOTION_DDOT></tleParameters>
                  </data>
                </segment></body>
              </omm>
            """;
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ndm>\n" + Omm("A", 5, ".18") + "\n" + Omm("B", 6, "-.5") + "\n"
            + Omm("C", 7, ".18", version: "7.0") + "\n" + Omm("D", 8, ".19") + "\n</ndm>\n";
        var file = OmmReader.ReadEntries(text);
        Assert.Multiple(() =>
        {
            Assert.That(file.Format, Is.EqualTo(OmmFormat.Xml));
            Assert.That(file.Errors, Is.Empty);
            Assert.That(file.Entries.Select(entry => entry.Location.Path), Is.EqualTo(new[] { "/ndm/omm[1]", "/ndm/omm[2]", "/ndm/omm[3]", "/ndm/omm[4]" }));
            Assert.That(file.Entries.Select(entry => entry.Location.Line), Is.EqualTo(new int?[] { 3, 13, 23, 33 }));
            Assert.That(file.Entries[0].Message!.NoradCatId, Is.EqualTo(5));
            Assert.That(file.Entries[1].Errors.Select(error => (error.Kind, error.Keyword, error.Path)), Is.EqualTo(new[]
            {
                (CcsdsErrorKind.InvalidValue, (string?)"ECCENTRICITY", (string?)"/ndm/omm[2]/body/segment/data/meanElements/ECCENTRICITY"),
            }));
            Assert.That(file.Entries[2].Errors.Single().Kind, Is.EqualTo(CcsdsErrorKind.UnsupportedVersion));
            Assert.That(file.Entries[3].Message!.Eccentricity, Is.EqualTo(0.19));
        });
    }

    [Test]
    public void Json_records_are_entries_by_array_index_and_keep_their_gp_fields()
    {
        const string json = """
            [{"OBJECT_NAME":"VANGUARD 1","OBJECT_ID":"1958-002B","EPOCH":"2025-02-14T14:36:48.662784","MEAN_MOTION":10.85873516,
              "ECCENTRICITY":0.1841322,"INCLINATION":34.2493,"RA_OF_ASC_NODE":19.2327,"ARG_OF_PERICENTER":100.1057,"MEAN_ANOMALY":281.1229,
              "EPHEMERIS_TYPE":0,"CLASSIFICATION_TYPE":"U","NORAD_CAT_ID":5,"ELEMENT_SET_NO":999,"REV_AT_EPOCH":39027,"BSTAR":0.00035436,
              "MEAN_MOTION_DOT":2.64e-6,"MEAN_MOTION_DDOT":0,"OBJECT_TYPE":"PAYLOAD","RCS_SIZE":"SMALL"},
             {"OBJECT_NAME":"NO EPOCH","OBJECT_ID":"1958-002C","MEAN_MOTION":10.8,
              "ECCENTRICITY":0.18,"INCLINATION":34.2,"RA_OF_ASC_NODE":19.2,"ARG_OF_PERICENTER":100.1,"MEAN_ANOMALY":281.1,
              "NORAD_CAT_ID":6,"BSTAR":0,"MEAN_MOTION_DOT":0,"MEAN_MOTION_DDOT":0},
             42,
             {"OBJECT_NAME":"BAD NUMBER","OBJECT_ID":"1958-002D","EPOCH":"2025-02-14T14:36:48","MEAN_MOTION":10.8,
              "ECCENTRICITY":0.18,"INCLINATION":"34.2.1","RA_OF_ASC_NODE":19.2,"ARG_OF_PERICENTER":100.1,"MEAN_ANOMALY":281.1,
              "NORAD_CAT_ID":7,"BSTAR":0,"MEAN_MOTION_DOT":0,"MEAN_MOTION_DDOT":0}]
            """;
        var file = OmmReader.ReadEntries(json);
        Assert.Multiple(() =>
        {
            Assert.That(file.Format, Is.EqualTo(OmmFormat.Json));
            Assert.That(file.Entries.Select(entry => entry.Location.Path), Is.EqualTo(new[] { "$[0]", "$[1]", "$[2]", "$[3]" }));
            Assert.That(file.Entries[0].Message!.NoradCatId, Is.EqualTo(5));
            Assert.That(file.Entries[0].GpFields, Is.EquivalentTo(new Dictionary<string, string> { ["OBJECT_TYPE"] = "PAYLOAD", ["RCS_SIZE"] = "SMALL" }));
            Assert.That(file.Entries[1].Errors.Select(error => (error.Kind, error.Keyword)), Does.Contain((CcsdsErrorKind.MissingMandatoryKeyword, (string?)"EPOCH")));
            Assert.That(file.Entries[1].Errors.All(error => error.Path!.StartsWith("$[1]", StringComparison.Ordinal)), Is.True);
            Assert.That(file.Entries[2].Errors.Single().Kind, Is.EqualTo(CcsdsErrorKind.MalformedStructure));
            Assert.That(file.Entries[3].Errors.Select(error => (error.Kind, error.Keyword, error.Path)),
                Is.EqualTo(new[] { (CcsdsErrorKind.UnparsableNumber, (string?)"INCLINATION", (string?)"$[3].INCLINATION") }));
        });
    }

    [Test]
    public void Json_that_does_not_parse_is_the_file_s_error()
    {
        var file = OmmReader.ReadEntries("[{\"OBJECT_NAME\": \"X\",\n \"EPOCH\": }]");
        Assert.Multiple(() =>
        {
            Assert.That(file.Entries, Is.Empty);
            Assert.That(file.Errors.Single().Kind, Is.EqualTo(CcsdsErrorKind.UnknownFormat));
            Assert.That(file.Errors.Single().Line, Is.EqualTo(2));
        });
    }

    [Test]
    public void Csv_rows_are_entries_by_line_with_quoted_commas_quotes_and_line_breaks()
    {
        const string header = "OBJECT_NAME,OBJECT_ID,EPOCH,MEAN_MOTION,ECCENTRICITY,INCLINATION,RA_OF_ASC_NODE,ARG_OF_PERICENTER,MEAN_ANOMALY,EPHEMERIS_TYPE,CLASSIFICATION_TYPE,NORAD_CAT_ID,ELEMENT_SET_NO,REV_AT_EPOCH,BSTAR,MEAN_MOTION_DOT,MEAN_MOTION_DDOT,OBJECT_TYPE";
        var csv = "\n" + header + "\r\n"
            + "\"VANGUARD 1, \"\"THE\"\" FIRST\",1958-002B,2020-10-13T04:52:48.472320,10.84869164,.1845686,34.2443,225.5254,162.2516,205.2356,0,U,5,999,21814,-.22483E-4,-1.6E-7,0,PAYLOAD\r\n"
            + "\"TWO\nLINES\",1958-002C,2020-10-13T04:52:48.472320,10.84869164,.1845686,34.2443,225.5254,162.2516,205.2356,0,U,6,999,21814,-.22483E-4,-1.6E-7,0,DEBRIS\n"
            + "SHORT,1958-002D,2020-10-13T04:52:48.472320,10.84869164\n"
            + "\n"
            + "BAD,1958-002E,2020-10-13T04:52:48.472320,10.84869164,.1845686,34.2443,225.5254,162.2516,205.2356,0,U,8x,999,21814,-.22483E-4,-1.6E-7,0,DEBRIS\n"
            + "LAST,1958-002F,2020-10-13T04:52:48.472320,10.84869164,.1845686,34.2443,225.5254,162.2516,205.2356,0,U,9,999,21814,-.22483E-4,-1.6E-7,0,UNKNOWN";
        var file = OmmReader.ReadEntries(csv);
        Assert.Multiple(() =>
        {
            Assert.That(file.Format, Is.EqualTo(OmmFormat.Csv));
            Assert.That(file.Errors, Is.Empty);
            Assert.That(file.Entries.Select(entry => entry.Location.Line), Is.EqualTo(new int?[] { 3, 4, 6, 8, 9 }));
            Assert.That(file.Entries[0].Message!.ObjectName, Is.EqualTo("VANGUARD 1, \"THE\" FIRST"));
            Assert.That(file.Entries[0].GpFields["OBJECT_TYPE"], Is.EqualTo("PAYLOAD"));
            Assert.That(file.Entries[1].Message!.ObjectName, Is.EqualTo("TWO\nLINES"));
            Assert.That(file.Entries[2].Errors.Single().Kind, Is.EqualTo(CcsdsErrorKind.WrongColumnCount));
            Assert.That(file.Entries[3].Errors.Select(error => (error.Kind, error.Keyword, error.Line)),
                Is.EqualTo(new[] { (CcsdsErrorKind.UnparsableNumber, (string?)"NORAD_CAT_ID", (int?)8) }));
            Assert.That(file.Entries[4].Message!.NoradCatId, Is.EqualTo(9));
        });
    }

    [Test]
    public void A_csv_quote_left_open_is_the_file_s_error_at_its_line_and_the_rows_before_it_read()
    {
        const string csv = "OBJECT_NAME,OBJECT_ID,EPOCH,MEAN_MOTION,ECCENTRICITY,INCLINATION,RA_OF_ASC_NODE,ARG_OF_PERICENTER,MEAN_ANOMALY,NORAD_CAT_ID,BSTAR,MEAN_MOTION_DOT,MEAN_MOTION_DDOT\n"
            + "A,1958-002B,2020-10-13T04:52:48,10.8,.18,34.2,225.5,162.2,205.2,5,0,0,0\n"
            + "\"B,1958-002C,2020-10-13T04:52:48,10.8,.18,34.2,225.5,162.2,205.2,6,0,0,0\n";
        var file = OmmReader.ReadEntries(csv);
        Assert.Multiple(() =>
        {
            Assert.That(file.Messages.Single().NoradCatId, Is.EqualTo(5));
            Assert.That(file.Errors.Select(error => (error.Kind, error.Line)), Is.EqualTo(new[] { (CcsdsErrorKind.MalformedStructure, (int?)3) }));
        });
    }
}

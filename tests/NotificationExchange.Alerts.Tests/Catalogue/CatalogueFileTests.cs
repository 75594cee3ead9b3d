using NotificationExchange.Alerts.Catalogue;
using NotificationExchange.Orbits.Elements;
using NotificationExchange.Orbits.Propagation;
using NUnit.Framework;
using static NotificationExchange.Alerts.Tests.Catalogue.CatalogueFixtures;

namespace NotificationExchange.Alerts.Tests.Catalogue;

/// <summary><see cref="CatalogueFile"/> on files written here: every form, bad entries, duplicates, stored element sets.</summary>
public class CatalogueFileTests
{
    private static readonly Sgp4Elements _sampleFromTle = Sgp4Elements.FromTle(TleParser.Parse(SampleLine1, SampleLine2));

    [Test]
    public void A_three_line_file_gives_names_designators_types_and_the_two_lines_as_element_set()
    {
        var result = CatalogueFile.Read(ThreeLine);
        Assert.Multiple(() =>
        {
            Assert.That(result.Format, Is.EqualTo(CatalogueFormat.Tle));
            Assert.That(result.Rejections, Is.Empty);
            Assert.That(result.Objects.Select(o => (o.NoradCatId, o.Name, o.CosparId, o.ObjectType, o.Source)), Is.EqualTo(new (int, string?, string?, CatalogueObjectType?, CatalogueLocation?)[]
            {
                (5, "VANGUARD 1", "1958-002B", null, new CatalogueLocation(2, null)),
                (12, "VANGUARD R/B", "1959-001B", CatalogueObjectType.RocketBody, new CatalogueLocation(5, null)),
                (85, "SCOUT X-1 DEB", "1961-004C", CatalogueObjectType.Debris, new CatalogueLocation(8, null)),
                (25544, "ISS (ZARYA)", "1998-067A", null, new CatalogueLocation(11, null)),
            }));
            Assert.That(result.Objects[3].ElementSet, Is.EqualTo(IssLine1 + "\n" + IssLine2));
            Assert.That(result.Objects[3].Elements, Is.EqualTo(Sgp4Elements.FromTle(TleParser.Parse(IssLine1, IssLine2))));
        });
    }

    [Test]
    public void Every_form_of_one_element_set_gives_the_elements_of_its_tle()
    {
        var forms = new Dictionary<CatalogueFormat, string>
        {
            [CatalogueFormat.Tle] = SampleLine1 + "\r\n" + SampleLine2 + "\r\n",
            [CatalogueFormat.OmmCsv] = CsvHeader + "\n" + CsvRow() + "\n",
            [CatalogueFormat.OmmJson] = "[" + JsonRecord() + "]",
            [CatalogueFormat.OmmKvn] = Kvn(),
            [CatalogueFormat.OmmXml] = Ndm(XmlOmm()),
        };
        var read = forms.ToDictionary(form => form.Key, form => CatalogueFile.Read(form.Value));
        foreach (var (format, result) in read)
        {
            Assert.That(result.Format, Is.EqualTo(format));
            Assert.That(result.Rejections, Is.Empty, format.ToString());
            var single = result.Objects.Single();
            Assert.That((single.NoradCatId, single.CosparId), Is.EqualTo((5, "1958-002B")), format.ToString());
            CatalogueAssert.SameElements(single.Elements, _sampleFromTle, format.ToString());
        }
        Assert.Multiple(() =>
        {
            // the OMM forms carry the same decimals: the same elements exactly, and (with the same empty header) the same element set text
            Assert.That(read[CatalogueFormat.OmmJson].Objects[0].Elements, Is.EqualTo(read[CatalogueFormat.OmmCsv].Objects[0].Elements));
            Assert.That(read[CatalogueFormat.OmmKvn].Objects[0].Elements, Is.EqualTo(read[CatalogueFormat.OmmCsv].Objects[0].Elements));
            Assert.That(read[CatalogueFormat.OmmXml].Objects[0].Elements, Is.EqualTo(read[CatalogueFormat.OmmCsv].Objects[0].Elements));
            Assert.That(read[CatalogueFormat.OmmJson].Objects[0].ElementSet, Is.EqualTo(read[CatalogueFormat.OmmCsv].Objects[0].ElementSet));
            Assert.That(read[CatalogueFormat.OmmXml].Objects[0].ElementSet, Is.EqualTo(read[CatalogueFormat.OmmCsv].Objects[0].ElementSet));
            Assert.That(read[CatalogueFormat.OmmKvn].Objects[0].ElementSet, Does.StartWith("CCSDS_OMM_VERS"));
            Assert.That(read[CatalogueFormat.OmmKvn].Objects[0].ElementSet, Does.Not.Contain("USER_DEFINED"));
            Assert.That(read[CatalogueFormat.OmmKvn].Objects[0].ObjectType, Is.EqualTo(CatalogueObjectType.Payload), "USER_DEFINED_OBJECT_TYPE");
            Assert.That(read[CatalogueFormat.OmmCsv].Objects[0].ObjectType, Is.Null, "no OBJECT_TYPE and a name that says nothing");
        });
    }

    [Test]
    public void A_tle_file_reports_a_bad_checksum_a_missing_field_an_unparsable_number_and_a_duplicate_and_keeps_the_rest()
    {
        var text = string.Join("\n",
            Vanguard1Name, Vanguard1Line1, Vanguard1Line2,
            VanguardRbName, VanguardRbLine1, Edit(VanguardRbLine2, 9, "32.8x58"),
            ScoutDebName, ScoutDebLine1, ScoutDebLine2[..43],
            IssName, IssLine1[..68] + "3", IssLine2,
            Vanguard1Name, Edit(Vanguard1Line1, 19, "22190"), Vanguard1Line2,
            VanguardRbName, VanguardRbLine1, VanguardRbLine2);
        var result = CatalogueFile.Read(text);
        Assert.Multiple(() =>
        {
            Assert.That(result.Objects.Select(o => (o.NoradCatId, o.Source)), Is.EqualTo(new (int, CatalogueLocation?)[] { (5, new(2, null)), (12, new(17, null)) }));
            Assert.That(result.Rejections.Select(r => r.Location.Line), Is.EqualTo(new int?[] { 6, 9, 11, 14 }));
            Assert.That(result.Rejections[0].Reason, Does.Contain("line 2, columns 9-16").And.Contain("32.8x58"));
            Assert.That(result.Rejections[1].Reason, Does.Contain("line 2").And.Contain("43"));
            Assert.That(result.Rejections[2].Reason, Does.Contain("checksum"));
            Assert.That(result.Rejections[3].Reason, Does.Contain("catalogue number 5 is given more than once").And.Contain("older epoch").And.Contain("line 2"));
            Assert.That(result.Rejections[3].NoradCatId, Is.EqualTo(5));
        });
    }

    [Test]
    public void A_json_file_reports_each_bad_record_by_index_and_keeps_the_rest()
    {
        var text = "[" + string.Join(",\n",
            JsonRecord(),
            JsonRecord(norad: "6", epoch: ""),
            JsonRecord(norad: "7", meanMotion: "\"10.8x\""),
            JsonRecord(epoch: "\"2020-10-12T04:52:48.472320\""),
            JsonRecord(name: "VANGUARD R/B", norad: "12", extra: ",\"OBJECT_TYPE\":\"ROCKET BODY\"")) + "]";
        var result = CatalogueFile.Read(text);
        Assert.Multiple(() =>
        {
            Assert.That(result.Format, Is.EqualTo(CatalogueFormat.OmmJson));
            Assert.That(result.Objects.Select(o => (o.NoradCatId, o.Source, o.ObjectType)), Is.EqualTo(new (int, CatalogueLocation?, CatalogueObjectType?)[]
            {
                (5, new(null, 0), null), (12, new(null, 4), CatalogueObjectType.RocketBody),
            }));
            Assert.That(result.Rejections.Select(r => r.Location), Is.EqualTo(new CatalogueLocation[] { new(null, 1), new(null, 2), new(null, 3) }));
            Assert.That(result.Rejections[0].Reason, Does.Contain("$[1]: EPOCH:"));
            Assert.That(result.Rejections[1].Reason, Does.Contain("$[2].MEAN_MOTION: MEAN_MOTION:").And.Contain("10.8x"));
            Assert.That(result.Rejections[2].Reason, Does.Contain("catalogue number 5 is given more than once").And.Contain("entry 0"));
        });
    }

    [Test]
    public void A_csv_file_reports_each_bad_row_by_line_and_keeps_the_rest()
    {
        var text = string.Join("\n",
            CsvHeader,
            CsvRow(),
            CsvRow(norad: "6", epoch: ""),
            CsvRow(norad: "7", meanMotion: "10.8x"),
            CsvRow(epoch: "2020-10-12T04:52:48.472320"),
            CsvRow(name: "\"VANGUARD R/B\"", norad: "12"));
        var result = CatalogueFile.Read(text);
        Assert.Multiple(() =>
        {
            Assert.That(result.Format, Is.EqualTo(CatalogueFormat.OmmCsv));
            Assert.That(result.Objects.Select(o => (o.NoradCatId, o.Source, o.ObjectType)), Is.EqualTo(new (int, CatalogueLocation?, CatalogueObjectType?)[]
            {
                (5, new(2, 0), null), (12, new(6, 4), CatalogueObjectType.RocketBody),
            }));
            Assert.That(result.Rejections.Select(r => r.Location), Is.EqualTo(new CatalogueLocation[] { new(3, 1), new(4, 2), new(5, 3) }));
            Assert.That(result.Rejections[0].Reason, Does.Contain("line 3 (column EPOCH): EPOCH:"));
            Assert.That(result.Rejections[1].Reason, Does.Contain("MEAN_MOTION").And.Contain("10.8x"));
            Assert.That(result.Rejections[2].Reason, Does.Contain("catalogue number 5 is given more than once").And.Contain("line 2"));
        });
    }

    [Test]
    public void A_kvn_file_of_several_omms_reports_each_bad_message_by_line_and_keeps_the_rest()
    {
        var text = Kvn() + Kvn(norad: "6", epoch: "") + Kvn(norad: "7", meanMotion: "10.8x") + Kvn(epoch: "2020-10-12T04:52:48.472320")
            + Kvn(name: "SL-3 R/B", norad: "12", objectType: "");
        var result = CatalogueFile.Read(text);
        const int linesPerMessage = 25;
        Assert.Multiple(() =>
        {
            Assert.That(result.Format, Is.EqualTo(CatalogueFormat.OmmKvn));
            Assert.That(result.Objects.Select(o => (o.NoradCatId, o.Source, o.ObjectType)), Is.EqualTo(new (int, CatalogueLocation?, CatalogueObjectType?)[]
            {
                (5, new(1, 0), CatalogueObjectType.Payload), (12, new(1 + 4 * linesPerMessage, 4), CatalogueObjectType.RocketBody),
            }));
            Assert.That(result.Rejections.Select(r => r.Location), Is.EqualTo(new CatalogueLocation[]
            {
                new(1 + linesPerMessage, 1), new(1 + 2 * linesPerMessage, 2), new(1 + 3 * linesPerMessage, 3),
            }));
            Assert.That(result.Rejections[0].Reason, Does.Contain($"line {10 + linesPerMessage}: EPOCH:"));
            Assert.That(result.Rejections[1].Reason, Does.Contain($"line {11 + 2 * linesPerMessage}: MEAN_MOTION:"));
            Assert.That(result.Rejections[2].Reason, Does.Contain("catalogue number 5 is given more than once"));
        });
    }

    [Test]
    public void An_ndm_file_reports_each_bad_omm_by_element_and_keeps_the_rest()
    {
        var text = Ndm(XmlOmm(), XmlOmm(norad: "6", epoch: ""), XmlOmm(norad: "7", meanMotion: "10.8x"), XmlOmm(epoch: "2020-10-12T04:52:48.472320"),
            XmlOmm(name: "FENGYUN 1C DEB", norad: "12"));
        var result = CatalogueFile.Read(text);
        Assert.Multiple(() =>
        {
            Assert.That(result.Format, Is.EqualTo(CatalogueFormat.OmmXml));
            Assert.That(result.Objects.Select(o => (o.NoradCatId, o.Source, o.ObjectType)), Is.EqualTo(new (int, CatalogueLocation?, CatalogueObjectType?)[]
            {
                (5, new(3, 0), null), (12, new(15, 4), CatalogueObjectType.Debris),
            }));
            Assert.That(result.Rejections.Select(r => r.Location), Is.EqualTo(new CatalogueLocation[] { new(6, 1), new(9, 2), new(12, 3) }));
            Assert.That(result.Rejections[0].Reason, Does.Contain("/ndm/omm[2]").And.Contain("EPOCH"));
            Assert.That(result.Rejections[1].Reason, Does.Contain("/ndm/omm[3]/body/segment/data/meanElements/MEAN_MOTION").And.Contain("10.8x"));
            Assert.That(result.Rejections[2].Reason, Does.Contain("catalogue number 5 is given more than once"));
        });
    }

    [Test]
    public void Of_duplicates_the_newest_epoch_is_kept_wherever_it_is_and_of_equal_epochs_the_later()
    {
        var text = "[" + string.Join(",",
            JsonRecord(name: "OLD", epoch: "\"2020-10-11T00:00:00\""),
            JsonRecord(name: "NEWEST", epoch: "\"2020-10-13T00:00:00\""),
            JsonRecord(name: "MIDDLE", epoch: "\"2020-10-12T00:00:00\""),
            JsonRecord(name: "FIRST TWIN", norad: "6"),
            JsonRecord(name: "SECOND TWIN", norad: "6")) + "]";
        var result = CatalogueFile.Read(text);
        Assert.Multiple(() =>
        {
            Assert.That(result.Objects.Select(o => o.Name), Is.EqualTo(new[] { "NEWEST", "SECOND TWIN" }));
            Assert.That(result.Rejections.Select(r => (r.Location.Index, r.NoradCatId)), Is.EqualTo(new (int?, int?)[] { (0, 5), (2, 5), (3, 6) }));
            Assert.That(result.Rejections[2].Reason, Does.Contain("the same epoch"));
        });
    }

    [Test]
    public void Files_that_break_before_any_entry_are_one_rejection_saying_why()
    {
        var json = CatalogueFile.Read("[{\"OBJECT_NAME\": ");
        var xml = CatalogueFile.Read("<ndm><omm version=\"2.0\">");
        var kvn = CatalogueFile.Read("COMMENT x\nCCSDS_OPM_VERS = 2.0\n");
        Assert.Multiple(() =>
        {
            Assert.That(json.Objects, Is.Empty);
            Assert.That(json.Rejections.Single().Reason, Does.Contain("not valid JSON"));
            Assert.That(xml.Rejections.Single().Location.Line, Is.EqualTo(1));
            Assert.That(kvn.Format, Is.EqualTo(CatalogueFormat.Tle), "not an OMM: read as TLE, whose entries say what is wrong");
            Assert.That(kvn.Rejections, Is.Not.Empty);
        });
    }

    [TestCase(CatalogueFormat.Tle)]
    [TestCase(CatalogueFormat.OmmCsv)]
    [TestCase(CatalogueFormat.OmmJson)]
    [TestCase(CatalogueFormat.OmmKvn)]
    [TestCase(CatalogueFormat.OmmXml)]
    public void An_object_comes_back_whole_from_its_stored_element_set(CatalogueFormat format)
    {
        var text = format switch
        {
            CatalogueFormat.Tle => ThreeLine,
            CatalogueFormat.OmmCsv => CsvHeader + "\n" + CsvRow() + "\n" + CsvRow(name: "X R/B", norad: "12"),
            CatalogueFormat.OmmJson => "[" + JsonRecord() + "," + JsonRecord(norad: "12", extra: ",\"OBJECT_TYPE\":\"DEBRIS\"") + "]",
            CatalogueFormat.OmmKvn => Kvn() + Kvn(norad: "12", objectType: "DEBRIS"),
            _ => Ndm(XmlOmm(), XmlOmm(norad: "12")),
        };
        var read = CatalogueFile.Read(text);
        Assert.That(read.Objects, Has.Count.GreaterThanOrEqualTo(2));
        foreach (var catalogued in read.Objects)
        {
            var stored = CatalogueObject.FromStored(catalogued.NoradCatId, catalogued.Name, catalogued.CosparId, catalogued.ObjectType, catalogued.ElementSet);
            Assert.That(stored, Is.EqualTo(catalogued with { Source = null }), $"{format} {catalogued.NoradCatId}");
            Assert.That(CatalogueFile.ReadElementSet(catalogued.ElementSet).Elements, Is.EqualTo(catalogued.Elements));
        }
    }

    [Test]
    public void A_stored_element_set_that_is_wrong_is_refused_saying_why()
    {
        var iss = CatalogueFile.Read(ThreeLine).Objects.Single(o => o.NoradCatId == 25544);
        Assert.Multiple(() =>
        {
            Assert.That(() => CatalogueObject.FromStored(5, "X", null, null, iss.ElementSet),
                Throws.TypeOf<FormatException>().With.Message.EqualTo("the stored element set is of catalogue number 25544, not 5"));
            Assert.That(() => CatalogueFile.ReadElementSet(IssLine1[..68] + "3\n" + IssLine2),
                Throws.TypeOf<FormatException>().With.Message.Contain("checksum"));
            Assert.That(() => CatalogueFile.ReadElementSet("hello"),
                Throws.TypeOf<FormatException>().With.Message.Contain("neither a TLE"));
            Assert.That(() => CatalogueFile.ReadElementSet(Kvn(meanMotion: "x")),
                Throws.TypeOf<FormatException>().With.Message.Contain("MEAN_MOTION"));
        });
    }
}

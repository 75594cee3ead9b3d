using System.Diagnostics;
using NotificationExchange.Alerts.Catalogue;
using NotificationExchange.Orbits.Elements;
using NotificationExchange.Orbits.Propagation;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Alerts.Tests.Catalogue;

/// <summary>The catalogue on the shared data: CelesTrak's OMM samples, the full 2022-07-14 Space-Track 3LE snapshot.</summary>
public class SharedCatalogueTests
{
    private const string Snapshot = "catalog/spacetrack_3le_2022-07-14.txt";

    [TestCase("omm-formats/pysgp4_sample_omm.csv", CatalogueFormat.OmmCsv, CatalogueFixtures.SampleLine1, CatalogueFixtures.SampleLine2)]
    [TestCase("omm-formats/pysgp4_sample_omm.xml", CatalogueFormat.OmmXml, CatalogueFixtures.SampleLine1, CatalogueFixtures.SampleLine2)]
    // the JSON sample is a later element set of the same object (2025-02-14)
    [TestCase("omm-formats/pysgp4_sample_omm.json", CatalogueFormat.OmmJson,
        "1 00005U 58002B   25045.60889656  .00000264  00000-0  35436-3 0  9990",
        "2 00005  34.2493  19.2327 1841322 100.1057 281.1229 10.85873516390271")]
    public void Each_omm_form_gives_the_elements_and_state_of_its_tle(string file, CatalogueFormat format, string line1, string line2)
    {
        var result = CatalogueFile.ReadFile(SharedData.Require(file));
        Assert.That(result.Format, Is.EqualTo(format));
        Assert.That(result.Rejections, Is.Empty);
        var vanguard = result.Objects.Single();
        Assert.That((vanguard.NoradCatId, vanguard.Name, vanguard.CosparId), Is.EqualTo((5, "VANGUARD 1", "1958-002B")));
        CatalogueAssert.SameElements(vanguard.Elements, Sgp4Elements.FromTle(TleParser.Parse(line1, line2)), file);
    }

    [Test]
    public void The_csv_and_xml_samples_give_the_same_object_and_element_set()
    {
        var csv = CatalogueFile.ReadFile(SharedData.Require("omm-formats/pysgp4_sample_omm.csv")).Objects.Single();
        var xml = CatalogueFile.ReadFile(SharedData.Require("omm-formats/pysgp4_sample_omm.xml")).Objects.Single();
        Assert.That(xml with { Source = null }, Is.EqualTo(csv with { Source = null }));
    }

    [Test]
    public void The_full_snapshot_loads_every_object_without_rejection_in_seconds()
    {
        var path = SharedData.Require(Snapshot);
        var text = File.ReadAllText(path);
        var clock = Stopwatch.StartNew();
        var result = CatalogueFile.Read(text);
        clock.Stop();
        TestContext.Out.WriteLine($"{result.Objects.Count} objects in {clock.ElapsedMilliseconds} ms");
        Assert.Multiple(() =>
        {
            Assert.That(result.Format, Is.EqualTo(CatalogueFormat.Tle));
            Assert.That(result.Rejections, Is.Empty);
            Assert.That(result.Objects, Has.Count.EqualTo(24_132));
            Assert.That(result.Objects.Select(o => o.NoradCatId).Distinct().Count(), Is.EqualTo(24_132));
            Assert.That(result.Objects.Count(o => o.ObjectType == CatalogueObjectType.Debris), Is.GreaterThan(5_000));
            Assert.That(result.Objects.Count(o => o.ObjectType == CatalogueObjectType.RocketBody), Is.GreaterThan(1_000));
            // on two shared cores; it takes well under a second alone
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        });
        var iss = result.Objects.Single(o => o.NoradCatId == 25544);
        Assert.That((iss.Name, iss.CosparId), Is.EqualTo(("ISS (ZARYA)", "1998-067A")));
        foreach (var catalogued in result.Objects.Where((_, index) => index % 97 == 0))
        {
            Assert.That(CatalogueObject.FromStored(catalogued.NoradCatId, catalogued.Name, catalogued.CosparId, catalogued.ObjectType, catalogued.ElementSet),
                Is.EqualTo(catalogued with { Source = null }));
        }
    }

    [Test]
    public void A_refresh_from_an_edited_slice_reports_exactly_what_was_added_changed_dropped_and_rejected()
    {
        var lines = File.ReadAllLines(SharedData.Require(Snapshot));
        // the snapshot is three-line sets: object i is lines 3i .. 3i+2
        const int held = 300;
        var currentText = string.Join("\n", lines.Take(3 * held));
        var current = CatalogueFile.Read(currentText).Objects;
        Assert.That(current, Has.Count.EqualTo(held));

        var next = new List<string>();
        var expectedDropped = new List<int>();
        var expectedChanged = new List<int>();
        for (var i = 0; i < held; i++)
        {
            var (name, line1, line2) = (lines[3 * i], lines[3 * i + 1], lines[3 * i + 2]);
            var number = current[i].NoradCatId;
            if (i % 50 == 7)
            {
                expectedDropped.Add(number);
                continue;
            }
            if (i % 40 == 3)
            {
                // a new mean anomaly (columns 44-51 of line 2)
                line2 = CatalogueFixtures.Edit(line2, 44, line2.Substring(43, 8) == "123.4567" ? "123.4568" : "123.4567");
                expectedChanged.Add(number);
            }
            else if (i % 40 == 23)
            {
                // a new epoch (columns 19-32 of line 1), a day later
                var epoch = double.Parse(line1.AsSpan(18, 14), System.Globalization.CultureInfo.InvariantCulture) + 1.0;
                line1 = CatalogueFixtures.Edit(line1, 19, epoch.ToString("00000.00000000", System.Globalization.CultureInfo.InvariantCulture));
                expectedChanged.Add(number);
            }
            else if (i % 40 == 31)
            {
                // a new name only: not a change of the element set
                name += " RENAMED";
            }
            next.AddRange([name, line1, line2]);
        }
        var expectedAdded = new List<int>();
        for (var i = held; i < held + 12; i++)
        {
            next.AddRange(lines.Skip(3 * i).Take(3));
        }
        expectedAdded.AddRange(CatalogueFile.Read(string.Join("\n", lines.Skip(3 * held).Take(3 * 12))).Objects.Select(o => o.NoradCatId));
        // a broken entry: a new object with its line 2 checksum wrong
        var broken = lines[3 * (held + 12) + 2];
        next.AddRange([lines[3 * (held + 12)], lines[3 * (held + 12) + 1], broken[..68] + (broken[68] == '0' ? '1' : '0')]);
        var brokenLine = next.Count;

        var path = Path.Combine(Path.GetTempPath(), $"catalogue-refresh-{Guid.NewGuid():N}.txt");
        try
        {
            File.WriteAllLines(path, next);
            var report = CatalogueRefresh.Compare(current, CatalogueFile.ReadFile(path));
            Assert.Multiple(() =>
            {
                Assert.That(report.Added, Is.EqualTo(expectedAdded.Order()));
                Assert.That(report.Changed, Is.EqualTo(expectedChanged.Order()));
                Assert.That(report.Dropped, Is.EqualTo(expectedDropped.Order()));
                Assert.That(report.UnchangedCount, Is.EqualTo(held - expectedDropped.Count - expectedChanged.Count));
                Assert.That(report.Rejected.Select(r => r.Location.Line), Is.EqualTo(new int?[] { brokenLine }));
                Assert.That(report.Rejected.Single().Reason, Does.Contain("checksum"));
                Assert.That((report.AddedCount, report.ChangedCount, report.DroppedCount, report.RejectedCount),
                    Is.EqualTo((12, expectedChanged.Count, expectedDropped.Count, 1)));
            });
        }
        finally
        {
            File.Delete(path);
        }
    }
}

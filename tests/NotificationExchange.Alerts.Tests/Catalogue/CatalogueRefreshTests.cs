using NotificationExchange.Alerts.Catalogue;
using NUnit.Framework;
using static NotificationExchange.Alerts.Tests.Catalogue.CatalogueFixtures;

namespace NotificationExchange.Alerts.Tests.Catalogue;

/// <summary><see cref="CatalogueRefresh.Compare"/> on files written here.</summary>
public class CatalogueRefreshTests
{
    [Test]
    public void A_refresh_reports_added_changed_unchanged_dropped_and_rejected()
    {
        var current = CatalogueFile.Read(ThreeLine).Objects;
        var added = (Edit(Vanguard1Line1, 3, "99999"), Edit(Vanguard1Line2, 3, "99999"));
        var next = CatalogueFile.Read(string.Join("\n",
            Vanguard1Name, Vanguard1Line1, Vanguard1Line2,
            // a new mean anomaly
            VanguardRbName, VanguardRbLine1, Edit(VanguardRbLine2, 44, "280.6859"),
            // ISS renamed: the element set is the same
            "0 ISS", IssLine1, IssLine2,
            "0 NEW", added.Item1, added.Item2,
            "0 BROKEN", ScoutDebLine1[..68] + "0", ScoutDebLine2));
        var report = CatalogueRefresh.Compare(current, next);
        Assert.Multiple(() =>
        {
            Assert.That(report.Added, Is.EqualTo(new[] { 99999 }));
            Assert.That(report.Changed, Is.EqualTo(new[] { 12 }));
            Assert.That(report.UnchangedCount, Is.EqualTo(2));
            Assert.That(report.Dropped, Is.EqualTo(new[] { 85 }), "the broken SCOUT entry is no element set of 85");
            Assert.That(report.Rejected.Select(r => (r.Location.Line, r.Reason.Contains("checksum", StringComparison.Ordinal))), Is.EqualTo(new (int?, bool)[] { (14, true) }));
        });
    }

    [Test]
    public void A_current_catalogue_holding_a_number_twice_is_refused()
    {
        var current = CatalogueFile.Read(ThreeLine).Objects;
        Assert.That(() => CatalogueRefresh.Compare([.. current, current[0]], CatalogueFile.Read(ThreeLine)),
            Throws.ArgumentException.With.Message.Contain("catalogue number 5 more than once"));
    }
}

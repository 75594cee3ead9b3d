using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Validation;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Listings;

public class NotificationListingTests
{
    private static readonly DateTime _t0 = new(2026, 12, 2, 0, 0, 0, DateTimeKind.Utc);

    [Test]
    public void A_listing_names_each_of_its_faults_by_wire_path()
    {
        var listing = new NotificationListing(
            [NotificationKind.Launch, (NotificationKind)9], 400_000, null, [(NotificationStatus)0], new TimeWindow(_t0, _t0.AddDays(-1)), 501);
        var errors = new ValidationErrors();

        listing.Validate(errors);

        Assert.That(errors.Violations.Select(v => (v.Field, v.Description)), Is.EqualTo(new[]
        {
            ("kinds[1]", "unknown value 9"),
            ("statuses[0]", "is required"),
            ("norad_cat_id", "catalogue number 400000 is outside 1 to 339999 (Alpha-5 Z9999)"),
            ("page_size", "501 is more than the 500 allowed"),
            ("active_during", "needs a start and an end no earlier than the start"),
        }));
    }

    [Test]
    public void An_activity_window_needs_both_ends()
    {
        var errors = new ValidationErrors();

        new NotificationListing([], null, null, [], new TimeWindow(_t0, null), null).Validate(errors);

        Assert.That(errors.Violations.Select(v => v.Field), Is.EqualTo(new[] { "active_during" }));
    }

    [Test]
    public void A_checked_listing_asks_the_store_for_a_page_of_the_default_size_unless_it_says()
    {
        var listing = new NotificationListing([NotificationKind.Maneuver], 25544, "esa", [], new TimeWindow(_t0, _t0.AddDays(1)), null);

        var query = listing.ToQuery(beforeFirstSequence: 42, readerId: "cnes");

        Assert.That((query.NoradCatId, query.FilingOperator, query.ActiveFrom, query.ActiveTo, query.PageSize, query.BeforeFirstSequence, query.ReaderId),
            Is.EqualTo(((int?)25544, "esa", (DateTime?)_t0, (DateTime?)_t0.AddDays(1), NotificationListing.DefaultPageSize, (long?)42, "cnes")));
        Assert.That(query.ForTheExchange, Is.False, "a caller's listing is checked against its audience");
        Assert.That((listing with { PageSize = 7 }).ToQuery(null, null).PageSize, Is.EqualTo(7));
    }
}

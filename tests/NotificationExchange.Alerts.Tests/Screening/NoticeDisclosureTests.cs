using NotificationExchange.Alerts.Tests.Coordination;
using NotificationExchange.Domain.Alerts;
using NotificationExchange.Domain.Audiences;
using NUnit.Framework;

namespace NotificationExchange.Alerts.Tests.Screening;

/// <summary>
/// The one rule for what an alert may take from a notice: it withholds the notice, and drops only the states derived
/// from it, exactly when the notice's audience in force leaves out one of the alert's parties.
/// </summary>
public class NoticeDisclosureTests
{
    // ISS's side (ops-a, the filer) planned by the notice; CSS's side registered by ops-b.
    private static readonly Alert Planned = FromNotice(SampleAlerts.Between("ops-a", "ops-b"));

    private static Alert FromNotice(Alert alert) => alert with { Primary = alert.Primary with { Source = OrbitSource.Notification } };

    [Test]
    public void An_audience_that_admits_every_party_keeps_the_notice_and_its_states()
    {
        foreach (var audience in new[] { EventAudience.Public, EventAudience.Registered, EventAudience.Of(["ops-a", "ops-b", "ops-c"]) })
        {
            Assert.That(NoticeDisclosure.Applied(Planned, audience), Is.EqualTo(Planned), audience.ToString());
        }
        Assert.That(NoticeDisclosure.Applied(Planned, null), Is.EqualTo(Planned), "a standing screen has no notice");
    }

    [Test]
    public void An_audience_that_leaves_out_a_party_withholds_the_notice_and_drops_only_the_states_derived_from_it()
    {
        var applied = NoticeDisclosure.Applied(Planned, EventAudience.Of(["ops-a", "ops-c"]));
        Assert.Multiple(() =>
        {
            Assert.That(applied.NoticeWithheld, Is.True);
            Assert.That(applied.Primary.StateAtTca, Is.Null, "derived from the notice");
            Assert.That(applied.Secondary, Is.EqualTo(Planned.Secondary), "the registration's state keeps its owner's policy");
            Assert.That((applied.NotificationId, applied.Parties), Is.EqualTo((Planned.NotificationId, Planned.Parties)),
                "the parties do not change, and the exchange keeps the id to match the encounter");
            Assert.That(NoticeDisclosure.Applied(applied, EventAudience.Public).NoticeWithheld, Is.False, "a wider audience lifts it");
        });
    }

    [Test]
    public void A_proximity_notice_declares_its_approach_only_to_a_target_operator_it_admits()
    {
        var bilateral = EventAudience.Of(["chaser-ops", "partner-ops"]);
        Assert.Multiple(() =>
        {
            Assert.That(NoticeDisclosure.Declares(bilateral, "partner-ops"), Is.True);
            Assert.That(NoticeDisclosure.Declares(bilateral, "target-ops"), Is.False);
            Assert.That(NoticeDisclosure.Declares(EventAudience.Registered, "target-ops"), Is.True);
            Assert.That(NoticeDisclosure.Declares(bilateral, null), Is.True, "nobody operates the target: nobody is left out");
        });
    }
}

using NotificationExchange.Alerts.Coordination;
using NotificationExchange.Domain.Alerts;
using NUnit.Framework;

namespace NotificationExchange.Alerts.Tests.Coordination;

public class IntentConflictTests
{
    [TestCase(ManeuverIntent.WillManeuver, ManeuverIntent.WillManeuver, IntentConflict.BothWillManeuver)]
    [TestCase(ManeuverIntent.WillNotManeuver, ManeuverIntent.WillNotManeuver, IntentConflict.NeitherWillManeuver)]
    [TestCase(ManeuverIntent.WillManeuver, ManeuverIntent.WillNotManeuver, IntentConflict.None)]
    [TestCase(ManeuverIntent.WillNotManeuver, ManeuverIntent.WillManeuver, IntentConflict.None)]
    [TestCase(ManeuverIntent.Undecided, ManeuverIntent.WillManeuver, IntentConflict.None)]
    [TestCase(ManeuverIntent.Undecided, ManeuverIntent.Undecided, IntentConflict.None)]
    [TestCase(null, ManeuverIntent.WillManeuver, IntentConflict.None)]
    [TestCase(ManeuverIntent.WillNotManeuver, null, IntentConflict.None)]
    public void Intents_of_two_operators_conflict_only_when_both_maneuver_or_neither_does(ManeuverIntent? primary, ManeuverIntent? secondary, IntentConflict expected) =>
        Assert.That(IntentConflicts.Of(SampleAlerts.Between("ops-a", "ops-b").WithIntents(primary, secondary)), Is.EqualTo(expected));

    [Test]
    public void Neither_maneuvering_is_no_conflict_once_the_alert_no_longer_stands()
    {
        var neither = SampleAlerts.Between("ops-a", "ops-b").WithIntents(ManeuverIntent.WillNotManeuver, ManeuverIntent.WillNotManeuver);
        Assert.Multiple(() =>
        {
            Assert.That(IntentConflicts.Of(neither with { State = AlertState.Withdrawn }), Is.EqualTo(IntentConflict.None));
            Assert.That(IntentConflicts.Of(neither with { State = AlertState.Closed }), Is.EqualTo(IntentConflict.None));
            var both = SampleAlerts.Between("ops-a", "ops-b").WithIntents(ManeuverIntent.WillManeuver, ManeuverIntent.WillManeuver);
            Assert.That(IntentConflicts.Of(both with { State = AlertState.Closed }), Is.EqualTo(IntentConflict.BothWillManeuver),
                "two maneuvers remain a conflict to look at whatever the state");
        });
    }

    [Test]
    public void An_object_nobody_operates_conflicts_with_nobody()
    {
        var alert = SampleAlerts.Between("ops-a", "ops-b").WithIntents(ManeuverIntent.WillNotManeuver, ManeuverIntent.WillNotManeuver);
        var unregistered = alert with { Secondary = alert.Secondary with { OperatorId = null } };
        Assert.That(IntentConflicts.Of(unregistered), Is.EqualTo(IntentConflict.None));
    }
}

using FsCheck;
using FsCheck.Fluent;
using NotificationExchange.Domain.Alerts;
using NUnit.Framework;

namespace NotificationExchange.Alerts.Tests.Coordination;

public class AcknowledgementDeadlineTests
{
    private static readonly DateTime Raised = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    // a fixed seed keeps the suite deterministic
    private static readonly Config _config = Config.QuickThrowOnFailure.WithMaxTest(500).WithQuietOnSuccess(true)
        .WithReplay(new Replay(new Rnd(20260301UL, 7UL), null));

    [TestCase(0.25, 0.25)] // TCA 15 min away: the whole window (the floor equals the time left)
    [TestCase(0.1, 0.1)] // TCA 6 min away: never after TCA
    [TestCase(2, 0.5)] // 2 h: a quarter
    [TestCase(1, 0.25)] // 1 h: a quarter is exactly the floor
    [TestCase(0.5, 0.25)] // 30 min: the floor
    [TestCase(96, 24)] // 4 days: a quarter is exactly the ceiling
    [TestCase(168, 24)] // 7 days: the ceiling
    [TestCase(-1, -1)] // TCA already past when raised: the TCA itself
    public void The_deadline_is_a_quarter_of_the_time_to_TCA_between_15_minutes_and_24_hours_and_never_after_TCA(double hoursToTca, double expectedHours) =>
        Assert.That(AcknowledgementDeadline.For(Raised, Raised.AddHours(hoursToTca)), Is.EqualTo(Raised.AddHours(expectedHours)));

    [Test]
    public void Every_deadline_lies_within_its_bounds() =>
        Prop.ForAll(Gen.Choose(-3600, 30 * 24 * 3600).ToArbitrary(), (int seconds) =>
        {
            var tca = Raised.AddSeconds(seconds);
            var deadline = AcknowledgementDeadline.For(Raised, tca);
            var window = deadline - Raised;
            var quarter = TimeSpan.FromSeconds(seconds / 4.0);
            return deadline <= tca
                && (deadline == tca || window >= AcknowledgementDeadline.Shortest)
                && window <= AcknowledgementDeadline.Longest
                && (window == AcknowledgementDeadline.Shortest || window == AcknowledgementDeadline.Longest || deadline == tca
                    || (window - quarter).Duration() < TimeSpan.FromMilliseconds(1));
        }).Check(_config);
}

using NotificationExchange.Ccsds.Ocm;
using NotificationExchange.Ccsds.Opm;
using NUnit.Framework;

namespace NotificationExchange.Ccsds.Tests;

/// <summary>23:59:60 exists only at the end of a day UTC ended with a leap second.</summary>
public class LeapSecondTests
{
    [TestCase("1972-06-30T23:59:60", TestName = "the first leap second, end of June 1972")]
    [TestCase("1972-182T23:59:60.5", TestName = "the same day in day-of-year form")]
    [TestCase("1998-12-31T23:59:60.25Z", TestName = "end of 1998")]
    [TestCase("2015-06-30T23:59:60.9999999", TestName = "end of June 2015")]
    [TestCase("2016-12-31T23:59:60", TestName = "the last one in the table, end of 2016")]
    [TestCase("2016-366T23:59:60", TestName = "the same day as day 366")]
    public void A_leap_second_on_a_day_that_had_one_is_read(string text)
    {
        Assert.That(CcsdsTime.TryParse(text, false, out var time, out _, out var message), Is.True, message);
        Assert.That(time.IsLeapSecond, Is.True);
        Assert.That(CcsdsTime.Parse(time.ToString()), Is.EqualTo(time), "and written back as 23:59:60");
    }

    [TestCase("2024-02-15T23:59:60", "2024-02-15", TestName = "an ordinary day")]
    [TestCase("2017-12-31T23:59:60", "2017-12-31", TestName = "the end of a year without one")]
    [TestCase("2016-06-30T23:59:60", "2016-06-30", TestName = "the end of a June without one")]
    [TestCase("1971-12-31T23:59:60", "1971-12-31", TestName = "the start of the table, which is no leap second")]
    [TestCase("2016-365T23:59:60", "2016-12-30", TestName = "the day before a leap-second day")]
    [TestCase("2040-12-31T23:59:60", "2040-12-31", TestName = "a future year end the table does not have")]
    [TestCase("0000-001T23:59:60", "0000", TestName = "year 0000, an elapsed time")]
    public void A_leap_second_on_a_day_without_one_is_an_impossible_date(string text, string day)
    {
        var parsed = CcsdsTime.TryParse(text, false, out _, out var kind, out var message);

        Assert.Multiple(() =>
        {
            Assert.That(parsed, Is.False);
            Assert.That(kind, Is.EqualTo(CcsdsErrorKind.ImpossibleDate));
            Assert.That(message, Does.Contain(day));
        });
    }

    [Test]
    public void A_reader_refuses_a_leap_second_on_a_day_without_one_and_names_the_keyword_and_line()
    {
        var onLeapDay = Fixtures.OpmWithManeuvers.Replace("MAN_EPOCH_IGNITION = 2024-02-15T03:10:00", "MAN_EPOCH_IGNITION = 2016-12-31T23:59:60.5", StringComparison.Ordinal);
        var onOrdinaryDay = Fixtures.OpmWithManeuvers.Replace("MAN_EPOCH_IGNITION = 2024-02-15T03:10:00", "MAN_EPOCH_IGNITION = 2024-02-15T23:59:60.5", StringComparison.Ordinal);

        var maneuver = OpmReader.Read(onLeapDay).Maneuvers[0];
        var error = Expect.Errors(() => OpmReader.Read(onOrdinaryDay)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(maneuver.EpochIgnition.IsLeapSecond, Is.True);
            Assert.That(maneuver.EpochIgnition.ToString(), Is.EqualTo("2016-12-31T23:59:60.5"));
            Assert.That((error.Kind, error.Keyword, error.Line),
                Is.EqualTo((CcsdsErrorKind.ImpossibleDate, "MAN_EPOCH_IGNITION", Messages.LineOf(onOrdinaryDay, "MAN_EPOCH_IGNITION = 2024-02-15T23"))));
        });
    }

    [TestCase("2035-06-30T23:59:60", true, TestName = "NEXT_LEAP_EPOCH may name a leap second announced after the table")]
    [TestCase("2035-12-31T23:59:60", true, TestName = "NEXT_LEAP_EPOCH at a later year end")]
    [TestCase("2016-12-31T23:59:60", true, TestName = "NEXT_LEAP_EPOCH at a tabulated leap second")]
    [TestCase("2035-06-15T23:59:60", false, TestName = "NEXT_LEAP_EPOCH in the middle of a month is refused")]
    [TestCase("2016-06-30T23:59:60", false, TestName = "NEXT_LEAP_EPOCH at a past month end without one is refused")]
    public void Ocm_next_leap_epoch_accepts_an_announced_leap_second_at_a_month_end(string epoch, bool accepted)
    {
        var ocm = $"""
            CCSDS_OCM_VERS = 3.0
            CREATION_DATE = 2024-02-14T08:00:00
            ORIGINATOR = EXAMPLE OPS
            META_START
            TIME_SYSTEM = UTC
            EPOCH_TZERO = 2024-02-14T00:00:00
            NEXT_LEAP_EPOCH = {epoch}
            NEXT_LEAP_TAIMUTC = 38 [s]
            META_STOP
            """;

        if (accepted)
        {
            Assert.That(OcmReader.Read(ocm).Metadata.NextLeapEpoch?.IsLeapSecond, Is.True);
        }
        else
        {
            var error = Expect.Errors(() => OcmReader.Read(ocm)).Single();
            Assert.That((error.Kind, error.Keyword, error.Line), Is.EqualTo((CcsdsErrorKind.ImpossibleDate, "NEXT_LEAP_EPOCH", 7)));
        }
    }
}

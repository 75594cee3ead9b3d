using NotificationExchange.Ccsds.Ocm;
using NUnit.Framework;

namespace NotificationExchange.Ccsds.Tests;

/// <summary>
/// Times at the edges of what CCSDS dates and DateTime can name: the readers refuse what cannot exist with a
/// CcsdsFormatException naming keyword and line, never another exception, and conversion to UTC says why it cannot
/// convert instead of throwing.
/// </summary>
public class TimeLimitTests
{
    [TestCase("9999-12-31T23:59:60", TestName = "NEXT_LEAP_EPOCH at the end of 9999")]
    [TestCase("9999-365T23:59:60", TestName = "NEXT_LEAP_EPOCH at the end of 9999, day-of-year form")]
    [TestCase("9999-12-31T23:59:60.9999999", TestName = "NEXT_LEAP_EPOCH in the last 100 ns of 9999")]
    public void An_announced_leap_second_at_the_end_of_9999_is_read_without_stepping_past_it(string epoch)
    {
        var ocm = OcmReader.Read(Ocm($"NEXT_LEAP_EPOCH = {epoch}"));
        var next = ocm.Metadata.NextLeapEpoch!.Value;

        Assert.Multiple(() =>
        {
            Assert.That(next.IsLeapSecond, Is.True);
            Assert.That(next.ToString(), Is.EqualTo(epoch));
            Assert.That(OcmReader.Read(OcmWriter.Write(ocm, CcsdsSyntax.Xml)).Metadata.NextLeapEpoch, Is.EqualTo(next), "and written back");
        });
    }

    [TestCase("9999-12-31T23:59:59.99999999")]
    [TestCase("9999-365T23:59:59.99999995")]
    [TestCase("9999-12-31T23:59:60.99999999")]
    public void A_time_that_rounds_past_the_end_of_9999_is_an_impossible_date(string text)
    {
        var error = Expect.Errors(() => OcmReader.Read(Ocm($"NEXT_LEAP_EPOCH = {text}"))).Single();

        Assert.That((error.Kind, error.Keyword, error.Line), Is.EqualTo((CcsdsErrorKind.ImpossibleDate, "NEXT_LEAP_EPOCH", 7)));
        Assert.That(error.Message, Does.Contain("9999-12-31T23:59:59.9999999"));
    }

    [TestCase("9999-12-31T23:59:59.9999999", "9999-12-31T23:59:59.9999999")]
    [TestCase("9999-12-31T23:59:59.99999994", "9999-12-31T23:59:59.9999999")]
    [TestCase("2016-12-31T23:59:60.99999999", "2017-01-01T00:00:00")]
    public void The_last_times_round_to_what_they_name(string text, string written)
    {
        var time = CcsdsTime.Parse(text);

        Assert.Multiple(() =>
        {
            Assert.That(time.ToString(), Is.EqualTo(written));
            Assert.That(CcsdsTime.Parse(written), Is.EqualTo(time));
        });
    }

    [Test]
    public void Digits_of_other_scripts_are_not_a_date()
    {
        // \d would take them; int.Parse would then throw a FormatException of its own
        Assert.That(CcsdsTime.TryParse("\u0662\u0660\u0662\u0664-01-01T00:00:00", false, out _, out var kind, out _), Is.False);
        Assert.That(kind, Is.EqualTo(CcsdsErrorKind.UnparsableDate));
    }

    [TestCase("TAI", "1960-01-01T00:00:00", "before 1972")]
    [TestCase("TT", "1965-06-01T00:00:00", "before 1972")]
    [TestCase("GPS", "1971-12-31T23:59:59", "before 1972")]
    [TestCase("TDB", "1960-001T00:00:00", "before 1972")]
    [TestCase("TAI", "0001-01-01T00:00:00", "before 1972")]
    [TestCase("TAI", "1972-01-01T00:00:05", "before 1972")]
    [TestCase("UTC", "0000-001T00:00:00", "year 0000")]
    [TestCase("TAI", "0000-12-31T23:59:59", "year 0000")]
    [TestCase("MET", "2024-01-01T00:00:00", "without external data")]
    [TestCase("UT1", "2024-01-01T00:00:00", "without external data")]
    public void A_time_without_a_utc_here_says_why_and_throws_nothing(string timeSystem, string text, string reason)
    {
        var converted = CcsdsTimeSystems.TryToUtc(CcsdsTime.Parse(text), timeSystem, out _, out var problem);

        Assert.Multiple(() =>
        {
            Assert.That(converted, Is.False);
            Assert.That(problem, Does.Contain(reason));
        });
    }

    [TestCase("TAI", "1972-01-01T00:00:10", "1972-01-01T00:00:00")]
    [TestCase("TAI", "2017-01-01T00:00:36.5", "2016-12-31T23:59:59.5")]
    [TestCase("TAI", "2017-01-01T00:00:37", "2017-01-01T00:00:00")]
    [TestCase("GPS", "9999-12-31T23:59:59.9999999", "9999-12-31T23:59:41.9999999")]
    [TestCase("TT", "9999-12-31T23:59:59", "9999-12-31T23:58:49.816")]
    [TestCase("UTC", "9999-12-31T23:59:59.9999999", "9999-12-31T23:59:59.9999999")]
    public void Times_at_the_edges_of_the_table_and_of_9999_convert(string timeSystem, string text, string utc)
    {
        Assert.That(CcsdsTimeSystems.TryToUtc(CcsdsTime.Parse(text), timeSystem, out var converted, out var problem), Is.True, problem);
        Assert.That(CcsdsTime.FromDateTime(converted).ToString(), Is.EqualTo(utc));
    }

    [Test]
    public void ToUtc_throws_only_what_it_documents()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CcsdsTimeSystems.ToUtc(CcsdsTime.Parse("1960-01-01T00:00:00"), "TAI"));
        Assert.Throws<NotSupportedException>(() => CcsdsTimeSystems.ToUtc(CcsdsTime.Parse("2024-01-01T00:00:00"), "MET"));
    }

    [TestCase("1e300")]
    [TestCase("-1e300")]
    [TestCase("3e11")]
    [TestCase("-63900000000")]
    public void A_relative_time_outside_the_years_0000_to_9999_is_an_impossible_date_at_its_line(string seconds)
    {
        var text = Ocm(
            "",
            "TRAJ_START",
            "TRAJ_TYPE = CARTPV",
            $"USEABLE_START_TIME = {seconds}",
            $"{seconds} 7000 0 0 0 7.5 0",
            "TRAJ_STOP",
            "MAN_START",
            "MAN_ID = B-1",
            "MAN_DEVICE_ID = ALL",
            "MAN_REF_FRAME = RTN",
            "MAN_COMPOSITION = TIME_RELATIVE, MAN_DURA, DV_X, DV_Y, DV_Z",
            $"{seconds} 10 0 0.001 0",
            "MAN_STOP");

        var errors = Expect.Errors(() => OcmReader.Read(text));

        Assert.That(errors.Select(e => (e.Kind, e.Keyword, e.Line)), Is.EquivalentTo(new[]
        {
            (CcsdsErrorKind.ImpossibleDate, "USEABLE_START_TIME", 11),
            (CcsdsErrorKind.ImpossibleDate, "TIME", 12),
            (CcsdsErrorKind.ImpossibleDate, "TIME_RELATIVE", 19),
        }));
    }

    [TestCase("9999-12-31T23:59:59", "1")]
    [TestCase("0000-001T00:00:00", "-0.5")]
    public void A_relative_time_past_either_end_from_an_epoch_at_that_end_is_an_impossible_date(string epochTzero, string seconds)
    {
        var text = Ocm("", "MAN_START", "MAN_ID = B-1", "MAN_DEVICE_ID = ALL", "MAN_REF_FRAME = RTN", "MAN_COMPOSITION = TIME_RELATIVE, DV_X, DV_Y, DV_Z",
            $"{seconds} 0 0.001 0", "MAN_STOP").Replace("EPOCH_TZERO = 2024-02-14T00:00:00", $"EPOCH_TZERO = {epochTzero}", StringComparison.Ordinal);

        var error = Expect.Errors(() => OcmReader.Read(text)).Single();

        Assert.That((error.Kind, error.Keyword), Is.EqualTo((CcsdsErrorKind.ImpossibleDate, "TIME_RELATIVE")));
    }

    [Test]
    public void A_negative_man_dura_is_refused_at_its_line()
    {
        var text = Ocm("", "MAN_START", "MAN_ID = B-1", "MAN_DEVICE_ID = ALL", "MAN_REF_FRAME = RTN", "MAN_COMPOSITION = TIME_RELATIVE, MAN_DURA, DV_X, DV_Y, DV_Z",
            "60 -10 0 0.001 0", "MAN_STOP");

        var error = Expect.Errors(() => OcmReader.Read(text)).Single();

        Assert.That((error.Kind, error.Keyword, error.Line), Is.EqualTo((CcsdsErrorKind.InvalidValue, "MAN_DURA", 14)));
    }

    [Test]
    public void Resolving_outside_the_years_0000_to_9999_fails_plainly()
    {
        var epoch = CcsdsTime.Parse("9999-12-31T23:59:59");

        Assert.Multiple(() =>
        {
            Assert.That(CcsdsTime.Relative(1e300).TryResolve(epoch, out _), Is.False);
            Assert.That(CcsdsTime.Relative(1).TryResolve(epoch, out _), Is.False);
            Assert.That(CcsdsTime.Relative(0.5).TryResolve(epoch, out var inRange) && inRange.ToString() == "9999-12-31T23:59:59.5", Is.True);
            Assert.Throws<ArgumentOutOfRangeException>(() => CcsdsTime.Relative(-1e300).Resolve(epoch));
        });
    }

    [Test]
    public void What_a_reader_reads_remembers_its_line()
    {
        var text = Ocm("", "MAN_START", "MAN_ID = B-1", "MAN_DEVICE_ID = ALL", "MAN_REF_FRAME = RTN", "MAN_COMPOSITION = TIME_RELATIVE, MAN_DURA, DV_X, DV_Y, DV_Z",
            "60 10 0 0.001 0", "MAN_STOP");

        var ocm = OcmReader.Read(text);

        Assert.Multiple(() =>
        {
            Assert.That(ocm.Metadata.LocationOf("EPOCH_TZERO")?.Line, Is.EqualTo(6));
            Assert.That(ocm.Maneuvers[0].LocationOf("MAN_COMPOSITION")?.Line, Is.EqualTo(13));
            Assert.That(ocm.Maneuvers[0].Lines[0].Location?.Line, Is.EqualTo(14));
            Assert.That(new OcmManeuverLine().Location, Is.Null, "a line built in code has none");
        });
    }

    /// <summary>An OCM whose metadata ends with <paramref name="metadataLine"/> (line 7), followed by <paramref name="sections"/> (from line 9).</summary>
    private static string Ocm(string metadataLine, params string[] sections) => string.Join("\n",
        new[]
        {
            "CCSDS_OCM_VERS = 3.0",
            "CREATION_DATE = 2024-02-14T08:00:00",
            "ORIGINATOR = EXAMPLE OPS",
            "META_START",
            "TIME_SYSTEM = UTC",
            "EPOCH_TZERO = 2024-02-14T00:00:00",
            metadataLine.Length == 0 ? "COMMENT no further metadata" : metadataLine,
            "META_STOP",
        }.Concat(sections));
}

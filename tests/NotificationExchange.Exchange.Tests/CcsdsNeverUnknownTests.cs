using NotificationExchange.Ccsds;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests;

/// <summary>
/// CCSDS messages with values at the edges of what dates, time systems and numbers can hold, filed through a real
/// exchange: each is refused with INVALID_ARGUMENT naming the request field, the keyword and the line (never UNKNOWN),
/// or, where the value is legal, filed.
/// </summary>
public class CcsdsNeverUnknownTests
{
    private TestDatabase _database = null!;
    private ExchangeHost _host = null!;
    private ExchangeClient _client = null!;
    private DateTime _ignition;

    [SetUp]
    public async Task StartExchange()
    {
        _database = new TestDatabase();
        _host = await ExchangeHost.StartAsync(_database.Path);
        _client = await _host.NewOperatorAsync("edge-ops");
        _ignition = DateTime.UtcNow.Date.AddDays(2).AddHours(10);
    }

    [TearDown]
    public async Task StopExchange()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    [TestCase("9999-12-31T23:59:60")]
    [TestCase("9999-365T23:59:60")]
    public async Task An_ocm_announcing_a_leap_second_at_the_end_of_9999_is_filed(string nextLeapEpoch)
    {
        var ocm = CcsdsSamples.Ocm(_ignition);
        var kvn = OcmWriterWithNextLeap(ocm, nextLeapEpoch);

        var filed = await _client.Notifications.FileNotificationAsync(CcsdsSamples.File(kvn));

        Assert.That(filed.Notification.Maneuver.ExecutionWindow.Start.ToDateTime(), Is.EqualTo(_ignition));
    }

    [TestCase("TAI", "1960-03-01T00:00:00", "before 1972")]
    [TestCase("TT", "1965-001T00:00:00", "before 1972")]
    [TestCase("GPS", "1971-12-31T23:59:00", "before 1972")]
    [TestCase("TDB", "1960-03-01T00:00:00", "before 1972")]
    [TestCase("TAI", "0001-01-01T00:00:00", "before 1972")]
    [TestCase("UTC", "0000-001T00:00:00", "year 0000")]
    [TestCase("TAI", "0000-001T00:00:00", "year 0000")]
    public async Task An_opm_ignition_that_has_no_utc_here_is_refused_at_its_keyword_and_line(string timeSystem, string ignition, string reason)
    {
        var opm = CcsdsSamples.OpmKvn(_ignition)
            .Replace("TIME_SYSTEM = UTC", $"TIME_SYSTEM = {timeSystem}", StringComparison.Ordinal)
            .Replace($"MAN_EPOCH_IGNITION = {CcsdsSamples.Time(_ignition)}", $"MAN_EPOCH_IGNITION = {ignition}", StringComparison.Ordinal);

        var message = await MessageViolationsAsync(opm);

        Assert.That(message, Has.Some.Match($"^line {CcsdsSamples.LineOf(opm, "MAN_EPOCH_IGNITION")}, MAN_EPOCH_IGNITION: cannot be converted to UTC: .*{reason}"));
    }

    [Test]
    public async Task An_opm_state_epoch_in_1960_tai_is_refused_at_its_line()
    {
        var opm = CcsdsSamples.OpmKvn(_ignition)
            .Replace("TIME_SYSTEM = UTC", "TIME_SYSTEM = TAI", StringComparison.Ordinal)
            .Replace($"EPOCH = {CcsdsSamples.Time(_ignition.AddHours(-2))}", "EPOCH = 1960-01-01T00:00:00", StringComparison.Ordinal);

        var message = await MessageViolationsAsync(opm);

        Assert.That(message, Is.EqualTo(new[] { $"line {CcsdsSamples.LineOf(opm, "EPOCH =")}, EPOCH: cannot be converted to UTC: 1960-01-01T00:00:00 TAI is before 1972, where this library has no TAI - UTC" }));
    }

    [TestCase("9999-12-31T23:59:59.99999999")]
    [TestCase("9999-365T23:59:59.999999999999")]
    public async Task A_time_that_rounds_past_9999_is_an_impossible_date(string ignition)
    {
        var opm = CcsdsSamples.OpmXml(_ignition)
            .Replace($"<MAN_EPOCH_IGNITION>{CcsdsSamples.Time(_ignition)}<", $"<MAN_EPOCH_IGNITION>{ignition}<", StringComparison.Ordinal);

        var message = await MessageViolationsAsync(opm);

        Assert.That(message.Single(), Does.Match(@"^line \d+ \(/opm/body/segment/data/maneuverParameters/MAN_EPOCH_IGNITION\), MAN_EPOCH_IGNITION: .*ImpossibleDate"));
    }

    [TestCase("3e11")]
    [TestCase("1e300")]
    [TestCase("31708800.5")]
    public async Task An_ocm_man_dura_longer_than_a_maneuver_window_may_span_is_refused_at_its_line(string duration)
    {
        var kvn = CcsdsSamples.OcmText(_ignition, CcsdsSyntax.Kvn);
        var manLine = kvn.Split('\n').Single(line => line.StartsWith("3600 ", StringComparison.Ordinal));
        kvn = kvn.Replace(manLine, $"3600 {duration} 0 -0.12 0.05", StringComparison.Ordinal);

        var message = await MessageViolationsAsync(kvn);

        Assert.That(message.Single(), Does.Match($@"^line {CcsdsSamples.LineOf(kvn, "3600 ")}, MAN_DURA: .* s is longer than the 366 days a maneuver window may span"));
    }

    [TestCase("1e300")]
    [TestCase("3e11")]
    public async Task An_opm_man_duration_too_long_for_any_window_is_refused_at_its_line(string duration)
    {
        var opm = CcsdsSamples.OpmKvn(_ignition).Replace("MAN_DURATION = 120.0 [s]", $"MAN_DURATION = {duration} [s]", StringComparison.Ordinal);

        var message = await MessageViolationsAsync(opm);

        Assert.That(message.Single(), Does.StartWith($"line {CcsdsSamples.LineOf(opm, "MAN_DURATION")}, MAN_DURATION: "));
    }

    [TestCase("1e300")]
    [TestCase("-3e11")]
    public async Task An_ocm_relative_time_outside_the_years_0000_to_9999_is_an_impossible_date(string seconds)
    {
        var kvn = CcsdsSamples.OcmText(_ignition, CcsdsSyntax.Kvn);
        var manLine = kvn.Split('\n').Single(line => line.StartsWith("3600 ", StringComparison.Ordinal));
        kvn = kvn.Replace(manLine, $"{seconds} 30 0 -0.12 0.05", StringComparison.Ordinal);

        var message = await MessageViolationsAsync(kvn);

        Assert.That(message.Single(), Does.Match($@"^line {CcsdsSamples.LineOf(kvn, seconds + " ")}, TIME_RELATIVE: .*outside the years 0000 to 9999 \(ImpossibleDate\)"));
    }

    [Test]
    public async Task An_ocm_whose_epochs_cannot_be_put_in_utc_names_time_system_and_its_line()
    {
        var ocm = CcsdsSamples.Ocm(_ignition);
        ocm.Metadata.TimeSystem = "MET";
        var kvn = Ccsds.Ocm.OcmWriter.Write(ocm, CcsdsSyntax.Kvn);

        var message = await MessageViolationsAsync(kvn);

        Assert.That(message, Is.EqualTo(new[] { $"line {CcsdsSamples.LineOf(kvn, "TIME_SYSTEM")}, TIME_SYSTEM: MET cannot be converted to UTC here; use UTC, TAI, TT, GPS or TDB" }));
    }

    [Test]
    public async Task A_planned_ephemeris_whose_times_have_no_utc_is_refused_at_the_keyword_and_line()
    {
        var opm = CcsdsSamples.OpmKvn(_ignition);
        var oem = CcsdsSamples.OemKvn(_ignition.AddMinutes(-10), _ignition.AddMinutes(10));
        var inTai1960 = oem.Replace("TIME_SYSTEM = UTC", "TIME_SYSTEM = TAI", StringComparison.Ordinal)
            .Replace($"START_TIME = {CcsdsSamples.Time(_ignition.AddMinutes(-10))}", "START_TIME = 1960-01-01T00:00:00", StringComparison.Ordinal);
        var covarianceInYear0 = oem.Replace($"EPOCH = {CcsdsSamples.Time(_ignition.AddMinutes(-10))}", "EPOCH = 0000-001T00:00:00", StringComparison.Ordinal);
        var ephemerisInYear0 = oem.Replace($"{CcsdsSamples.Time(_ignition)} 7000.0", "0000-100T00:00:00 7000.0", StringComparison.Ordinal);

        var start = await EphemerisViolationsAsync(opm, inTai1960);
        var covariance = await EphemerisViolationsAsync(opm, covarianceInYear0);
        var ephemeris = await EphemerisViolationsAsync(opm, ephemerisInYear0);

        Assert.Multiple(() =>
        {
            Assert.That(start, Is.EqualTo(new[] { $"line {CcsdsSamples.LineOf(inTai1960, "START_TIME")}, START_TIME: cannot be converted to UTC: 1960-01-01T00:00:00 TAI is before 1972, where this library has no TAI - UTC" }));
            Assert.That(covariance.Single(), Does.StartWith($"line {CcsdsSamples.LineOf(covarianceInYear0, "EPOCH =")}, EPOCH: cannot be converted to UTC: 0000-001T00:00:00 is in year 0000"));
            Assert.That(ephemeris.Single(), Does.StartWith($"line {CcsdsSamples.LineOf(ephemerisInYear0, "0000-100")}, EPOCH: cannot be converted to UTC"));
        });
    }

    [Test]
    public async Task A_message_with_thousands_of_errors_is_answered_with_the_first_ones_and_a_count()
    {
        var oem = CcsdsSamples.OemKvn(_ignition.AddMinutes(-10), _ignition.AddMinutes(10));
        var broken = oem.Replace("COVARIANCE_START", string.Concat(Enumerable.Repeat($"{CcsdsSamples.Time(_ignition)} 7000.0 x 0.0 0.0 5.336 5.336\n", 5000)) + "COVARIANCE_START", StringComparison.Ordinal);

        var violations = await GrpcAssert.ViolationsAsync(async () => await _client.Notifications.FileNotificationAsync(CcsdsSamples.File(CcsdsSamples.OpmKvn(_ignition), broken)));

        Assert.That(violations.Count, Is.EqualTo(31));
        Assert.That(violations[^1].Description, Is.EqualTo("... and 4970 more errors; fix these and file again to see the rest"));
    }

    [Test]
    public async Task Thousands_of_burns_and_ephemeris_segments_the_exchange_cannot_use_are_answered_with_the_first_ones()
    {
        // every maneuver section in a DV unit the exchange does not take (the reader checks units by count only), and
        // every ephemeris segment of another object: the message files as far as the ephemeris, and both are refused
        var ocm = CcsdsSamples.Ocm(_ignition);
        var section = ocm.Maneuvers[0];
        section.ManUnits = ["s", "kg", "kg", "kg"];
        ocm.Maneuvers = [.. Enumerable.Range(0, 2000).Select(i => section)];
        var oem = CcsdsSamples.OemKvn(_ignition.AddMinutes(-10), _ignition.AddMinutes(10));
        var segment = oem[oem.IndexOf("META_START", StringComparison.Ordinal)..].Replace(CcsdsSamples.CosparId, "1998-067A", StringComparison.Ordinal);
        var manySegments = oem + string.Concat(Enumerable.Repeat(segment, 2000));

        var violations = await GrpcAssert.ViolationsAsync(async () =>
            await _client.Notifications.FileNotificationAsync(CcsdsSamples.File(Ccsds.Ocm.OcmWriter.Write(ocm, CcsdsSyntax.Kvn), manySegments)));

        var byField = violations.GroupBy(v => v.Field).ToDictionary(g => g.Key, g => g.Select(v => v.Description).ToList());
        Assert.Multiple(() =>
        {
            Assert.That(byField["ccsds_maneuver.message"], Has.Count.EqualTo(31));
            Assert.That(byField["ccsds_maneuver.message"][0], Does.Contain("DV_X is in [kg]"));
            Assert.That(byField["ccsds_maneuver.message"][^1], Is.EqualTo("... and 1970 more errors; fix these and file again to see the rest"));
            Assert.That(byField["planned_ephemeris_oem"], Has.Count.EqualTo(31));
            Assert.That(byField["planned_ephemeris_oem"][0], Does.Contain("OBJECT_ID 1998-067A is not the maneuvering object"));
        });
    }

    [Test]
    public async Task An_error_quoting_a_value_as_long_as_the_message_is_cut_short()
    {
        var opm = CcsdsSamples.OpmKvn(_ignition).Replace("MAN_DV_2 = 0.00035 [km/s]", $"MAN_DV_2 = 0.{new string('x', 1_000_000)} [km/s]", StringComparison.Ordinal);

        var message = await MessageViolationsAsync(opm);

        Assert.That(message.Single(), Does.StartWith($"line {CcsdsSamples.LineOf(opm, "MAN_DV_2")}, MAN_DV_2: '0.xxx").And.Match(@"xxx\.\.\. \(10000\d\d characters\)$"));
        Assert.That(message.Single(), Has.Length.LessThan(600));
    }

    [Test]
    public async Task A_third_party_section_of_time_duration_and_mass_change_moves_nothing_and_is_refused()
    {
        var ocm = CcsdsSamples.Ocm(_ignition);
        ocm.Maneuvers[0].ManComposition = ["TIME_RELATIVE", "MAN_DURA", "DELTA_MASS"];
        ocm.Maneuvers[0].ManUnits = ["s", "kg"];
        ocm.Maneuvers[0].Lines.Clear();
        ocm.Maneuvers[0].AddLine(3600.0, 30.0, -0.2);

        var message = await MessageViolationsAsync(Ccsds.Ocm.OcmWriter.Write(ocm, CcsdsSyntax.Kvn));

        Assert.That(message.Single(), Does.Contain("no maneuver section that moves the object"));
    }

    private async Task<string[]> MessageViolationsAsync(string message)
    {
        var violations = await GrpcAssert.ViolationsAsync(async () => await _client.Notifications.FileNotificationAsync(CcsdsSamples.File(message)));
        Assert.That(violations.Select(v => v.Field).Distinct(), Is.EqualTo(new[] { "ccsds_maneuver.message" }), string.Join("; ", violations));
        return [.. violations.Select(v => v.Description)];
    }

    private async Task<string[]> EphemerisViolationsAsync(string message, string oem)
    {
        var violations = await GrpcAssert.ViolationsAsync(async () => await _client.Notifications.FileNotificationAsync(CcsdsSamples.File(message, oem)));
        Assert.That(violations.Select(v => v.Field).Distinct(), Is.EqualTo(new[] { "planned_ephemeris_oem" }), string.Join("; ", violations));
        return [.. violations.Select(v => v.Description)];
    }

    /// <summary>The OCM in KVN with NEXT_LEAP_EPOCH as written (the model keeps the form it reads; this writes the text).</summary>
    private static string OcmWriterWithNextLeap(Ccsds.Ocm.OcmMessage ocm, string nextLeapEpoch) =>
        Ccsds.Ocm.OcmWriter.Write(ocm, CcsdsSyntax.Kvn).Replace("EPOCH_TZERO", $"NEXT_LEAP_EPOCH = {nextLeapEpoch}\nEPOCH_TZERO", StringComparison.Ordinal);
}

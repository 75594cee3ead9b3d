using System.Globalization;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Cli.Commands.Filing;
using NotificationExchange.Protocol.V1;
using NUnit.Framework;

namespace NotificationExchange.Clients.Tests.Cli;

/// <summary>How nxc reads the values of its options: times, catalogue numbers, enum words and KEY=VALUE lists.</summary>
public sealed class ValueParsingTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 10, 0, 0, TimeSpan.Zero);

    [TestCase("2026-06-01T12:30:00Z", "2026-06-01T12:30:00Z")]
    [TestCase("2026-06-01 12:30:00Z", "2026-06-01T12:30:00Z")]
    [TestCase("2026-06-01T14:30:00+02:00", "2026-06-01T12:30:00Z")]
    [TestCase("2026-06-01T12:30:00.25Z", "2026-06-01T12:30:00.25Z")]
    [TestCase("now", "2026-06-01T10:00:00Z")]
    [TestCase("now+6h", "2026-06-01T16:00:00Z")]
    [TestCase("now-30m", "2026-06-01T09:30:00Z")]
    [TestCase("now+1d2h30m15s", "2026-06-02T12:30:15Z")]
    [TestCase("NOW+1.5H", "2026-06-01T11:30:00Z")]
    public void Times_are_utc_with_a_zone_or_relative_to_now(string text, string expected) =>
        Assert.That(Values.TimeAt(text, Now), Is.EqualTo(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture)));

    [TestCase("2026-06-01T12:30:00")]
    [TestCase("tomorrow")]
    [TestCase("now+6")]
    [TestCase("2026-13-01T00:00:00Z")]
    [TestCase("now+999999999d")]
    public void A_time_without_a_zone_or_not_a_time_is_refused(string text) =>
        Assert.That(() => Values.TimeAt(text, Now), Throws.InstanceOf<FormatException>());

    [TestCase("25544", 25544u)]
    [TestCase("A0000", 100000u)]
    [TestCase("a0001", 100001u)]
    [TestCase("H9999", 179999u)]
    [TestCase("J0000", 180000u)]
    [TestCase("N0000", 220000u)]
    [TestCase("P0000", 230000u)]
    [TestCase("Z9999", 339999u)]
    [TestCase("99999999", 99999999u)]
    public void Catalogue_numbers_are_digits_or_alpha_5(string text, uint expected) =>
        Assert.That(Values.Norad(text), Is.EqualTo(expected));

    [TestCase("I0000")]
    [TestCase("O1234")]
    [TestCase("A123")]
    [TestCase("-5")]
    [TestCase("25544.0")]
    [TestCase("99999999999")]
    [TestCase("")]
    public void Alpha_5_has_no_I_or_O_and_four_digits(string text) =>
        Assert.That(() => Values.Norad(text), Throws.InstanceOf<FormatException>());

    [Test]
    public void A_window_is_two_times_either_of_which_may_be_relative()
    {
        var window = Values.Window("now+1h/2030-01-02T11:00:00Z");

        Assert.That(window.Start.ToDateTimeOffset() - DateTimeOffset.UtcNow, Is.EqualTo(TimeSpan.FromHours(1)).Within(TimeSpan.FromMinutes(1)));
        Assert.That(window.End.ToDateTimeOffset(), Is.EqualTo(new DateTimeOffset(2030, 1, 2, 11, 0, 0, TimeSpan.Zero)));
        Assert.That(() => Values.Window("now+1h"), Throws.InstanceOf<FormatException>().With.Message.Contains("START/END"));
    }

    [TestCase("90s", 90)]
    [TestCase("1h30m", 5400)]
    [TestCase("2d", 172800)]
    [TestCase("PT15M", 900)]
    public void Durations_are_short_or_iso_8601(string text, long seconds) =>
        Assert.That(Values.Duration(text).Seconds, Is.EqualTo(seconds));

    [TestCase("soon")]
    [TestCase("")]
    [TestCase("P99999999999999D")]
    [TestCase("PTXM")]
    public void A_duration_that_is_not_one_is_refused_in_words_of_durations(string text) =>
        Assert.That(() => Values.Duration(text), Throws.InstanceOf<FormatException>().With.Message.Contains("is not a duration"));

    [TestCase("collision-avoidance", ManeuverPurpose.CollisionAvoidance)]
    [TestCase("COLLISION_AVOIDANCE", ManeuverPurpose.CollisionAvoidance)]
    [TestCase("StationKeeping", ManeuverPurpose.StationKeeping)]
    public void Enum_words_are_read_whatever_their_case_and_separators(string text, ManeuverPurpose expected) =>
        Assert.That(EnumWords<ManeuverPurpose>.Parse(text), Is.EqualTo(expected));

    [Test]
    public void The_unspecified_value_is_no_choice_and_rpo_is_a_kind()
    {
        Assert.That(EnumWords<ManeuverPurpose>.Words, Does.Not.Contain("unspecified"));
        Assert.That(() => EnumWords<ManeuverPurpose>.Parse("unspecified"), Throws.InstanceOf<FormatException>());
        Assert.That(EnumWords<NotificationKind>.Parse("rpo"), Is.EqualTo(NotificationKind.ProximityOperation));
    }

    [Test]
    public void The_verbs_short_words_are_read_as_the_proto_values_they_stand_for()
    {
        Assert.That(EnumWords<ManeuverIntent>.Parse("wont"), Is.EqualTo(ManeuverIntent.WillNotManeuver));
        Assert.That(EnumWords<ContactRole>.Parse("ops"), Is.EqualTo(ContactRole.Operations247));
        Assert.That(EnumWords<SharingPolicy>.Parse("full"), Is.EqualTo(SharingPolicy.FullState));
        Assert.That(EnumWords<ManeuverIntent>.Choices, Is.EqualTo("undecided, will-maneuver, will-not-maneuver (will for will-maneuver, wont for will-not-maneuver)"));
        Assert.That(EnumWords<NotificationFormat>.Words, Is.EqualTo(new[] { "ocm", "json" }), "a zero that is not UNSPECIFIED is a choice");
    }

    [Test]
    public void A_compound_value_keeps_quoted_commas_and_names_what_it_does_not_know()
    {
        var phase = Compound.Phase("type=hold, range=1000, description=\"hold, then go = fine\"");

        Assert.That(phase.Type, Is.EqualTo(ApproachPhaseType.Hold));
        Assert.That(phase.RangeM, Is.EqualTo(1000));
        Assert.That(phase.Description, Is.EqualTo("hold, then go = fine"));
        Assert.That(() => Compound.Phase("type=hold,colour=red"), Throws.InstanceOf<FormatException>().With.Message.Contains("unknown key 'colour'"));
        Assert.That(() => Compound.Phase("type=hold,range=1,range=2"), Throws.InstanceOf<FormatException>().With.Message.Contains("given twice"));
        Assert.That(() => Compound.Phase("range=1"), Throws.InstanceOf<FormatException>().With.Message.Contains("type= is required"));
        Assert.That(() => Compound.Elements("epoch=now,inc=north"), Throws.InstanceOf<FormatException>().With.Message.EqualTo("inc=: 'north' is not a number"));
    }

    [Test]
    public void A_payload_with_an_epoch_has_an_insertion_orbit_at_its_apsides()
    {
        var payload = Compound.Payload("name=SAT,perigee=500,apogee=520,inc=97.4,epoch=2026-06-01T00:00:00Z,raan=10,argp=20,ma=30");

        Assert.That(payload.InsertionOrbit.PerigeeAltitudeKm, Is.EqualTo(500));
        Assert.That(payload.InsertionOrbit.ApogeeAltitudeKm, Is.EqualTo(520));
        Assert.That(payload.InsertionOrbit.InclinationDeg, Is.EqualTo(97.4));
        Assert.That(payload.InsertionOrbit.HasSemiMajorAxisKm, Is.False);
        Assert.That(() => Compound.Payload("name=SAT,raan=10"), Throws.InstanceOf<FormatException>().With.Message.Contains("needs epoch"));
    }
}

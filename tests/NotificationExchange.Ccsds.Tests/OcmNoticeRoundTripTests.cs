using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using NotificationExchange.Ccsds.Ocm;
using NotificationExchange.Ccsds.Odm;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Validation;
using NotificationExchange.Filing.Ccsds;
using NotificationExchange.Orbits.Elements;
using NUnit.Framework;

namespace NotificationExchange.Ccsds.Tests;

/// <summary>
/// Every maneuver notice the exchange accepts exports to an OCM (KVN and XML) that files back to the same maneuver:
/// OcmNoticeExport then CcsdsManeuverImport, and the result passes the exchange's validation.
/// <para>
/// What comes back differs from what went in only where an OCM value cannot carry it: text is one trimmed line per
/// value (KVN lines and XML values hold no line breaks or other control characters, and readers drop blanks at the
/// ends), so names, contact fields and each line of the remarks are compared with their white space normalized and
/// blank text as absent; delta-v components travel in km/s, the unit 502.0-B-3 fixes for DV_X/Y/Z, and come back
/// from the conversion to within a unit in the last place. Everything else is equal: the window to the tick, the
/// purpose, the delta-v magnitude (magnitude only or with components; never a made-up direction), the object, and
/// the orbits in the form the operator gave them (TLE, mean elements with a and e or with apogee and perigee altitudes).
/// </para>
/// </summary>
public class OcmNoticeRoundTripTests
{
    private static readonly DateTime _now = new(2030, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    private static readonly Config _config = Config.QuickThrowOnFailure.WithMaxTest(150).WithQuietOnSuccess(true)
        .WithReplay(new Replay(new Rnd(20260301UL, 11UL), null));

    [Test]
    public void Every_accepted_maneuver_exports_to_an_ocm_that_files_back_to_the_same_maneuver() =>
        Prop.ForAll(Maneuvers().ToArbitrary(), notice =>
        {
            var accepted = new ValidationErrors();
            new NotificationValidator(new FixedClock(_now)).ValidateContent(notice, accepted);
            if (accepted.Any)
            {
                throw new AssertionException("the generator made a notice the exchange refuses: " + string.Join("; ", accepted.Violations));
            }
            foreach (var syntax in new[] { CcsdsSyntax.Kvn, CcsdsSyntax.Xml })
            {
                var (_, _, content) = OcmNoticeExport.Write(Notification(notice), syntax);
                var back = Refile(content);
                var differences = Differences(notice, back);
                if (differences.Count > 0)
                {
                    throw new AssertionException($"{syntax}: {string.Join("; ", differences)}{Environment.NewLine}{content}");
                }
            }
        }).Check(_config);

    [Test]
    public void A_delta_v_known_only_by_its_magnitude_is_kept_in_the_exchange_s_own_parameter_and_given_no_direction()
    {
        var notice = new ManeuverNotice
        {
            Object = new SpaceObjectRef(25544, "1998-067A", "ISS (ZARYA)"),
            ExecutionWindow = new TimeWindow(_now.AddDays(2), _now.AddDays(2).AddMinutes(7)),
            Purpose = ManeuverPurpose.CollisionAvoidance,
            PlannedDeltaV = new DeltaV(0.42),
            Contact = new PointOfContact("Flight dynamics", Email: "fd@example.org"),
        };

        var (_, _, content) = OcmNoticeExport.Write(Notification(notice), CcsdsSyntax.Kvn);
        var ocm = OcmReader.Read(content);
        var back = Refile(content);

        Assert.Multiple(() =>
        {
            Assert.That(ocm.Maneuvers.Single().ManComposition, Is.EqualTo(new[] { "TIME_ABSOLUTE", "MAN_DURA" }), "no DV_* columns: no direction is made up");
            Assert.That(ocm.UserDefined!.Parameters, Does.Contain(new KeyValuePair<string, string>(CcsdsManeuverImport.DeltaVMagnitudeParameter, "0.42")));
            Assert.That(back.PlannedDeltaV, Is.EqualTo(new DeltaV(0.42)));
            Assert.That(back.ExecutionWindow, Is.EqualTo(notice.ExecutionWindow));
        });
    }

    [Test]
    public void A_section_without_delta_v_thrust_or_acceleration_is_a_burn_only_in_the_exchange_s_own_ocms()
    {
        var header = new OdmHeader { CreationDate = CcsdsTime.FromDateTime(_now), Originator = "OTHER OPS" };
        var metadata = new OcmMetadata { ObjectName = "SAT", EpochTzero = CcsdsTime.FromDateTime(_now.AddDays(1)) };
        OcmManeuver Section(string id, List<string> composition, params object[] values)
        {
            var section = new OcmManeuver { ManId = id, ManBasis = "PLANNED", ManComposition = composition };
            section.AddLine(values);
            return section;
        }
        var timed = Section("B-1", ["TIME_RELATIVE", "MAN_DURA"], 60.0, 90.0);
        var massChange = Section("M-1", ["TIME_RELATIVE", "MAN_DURA", "DELTA_MASS"], 60.0, 90.0, -0.5);
        var deployment = Section("D-1", ["TIME_RELATIVE", "MAN_DURA", "DEPLOY_ID", "DEPLOY_DV_X"], 0.0, 1.0, "CUBE_1", 0.0001);
        string Message(OcmManeuver section, UserDefinedParameters? user = null) =>
            OcmWriter.Write(new OcmMessage { Header = header, Metadata = metadata, Maneuvers = [section], UserDefined = user }, CcsdsSyntax.Kvn);
        var exchanges = new UserDefinedParameters { Parameters = [new(CcsdsManeuverImport.DeltaVMagnitudeParameter, "0.3")] };

        var refusals = new[] { timed, massChange, deployment }.Select(section =>
        {
            var errors = new ValidationErrors();
            return (Imported: CcsdsManeuverImport.Read(Message(section), null, "ccsds_maneuver", errors), errors.Violations);
        }).ToList();
        var ownErrors = new ValidationErrors();
        var own = CcsdsManeuverImport.Read(Message(timed, exchanges), null, "ccsds_maneuver", ownErrors);

        Assert.Multiple(() =>
        {
            foreach (var (imported, violations) in refusals)
            {
                Assert.That(imported, Is.Null, "a third party's section that gives no delta-v, thrust or acceleration moves nothing it says");
                Assert.That(violations.Single().Description, Does.Contain("no maneuver section that moves the object"));
            }
            Assert.That(ownErrors.Violations, Is.Empty);
            Assert.That(own!.Value.Notice.ExecutionWindow, Is.EqualTo(new TimeWindow(_now.AddDays(1).AddSeconds(60), _now.AddDays(1).AddSeconds(150))),
                "the exchange's magnitude-only form: ignition and MAN_DURA with NX_DELTA_V_MAGNITUDE_MPS");
            Assert.That(own.Value.Notice.PlannedDeltaV, Is.EqualTo(new DeltaV(0.3)));
        });
    }

    private static ManeuverNotice Refile(string content)
    {
        var errors = new ValidationErrors();
        var imported = CcsdsManeuverImport.Read(content, null, "ccsds_maneuver", errors);
        if (imported is not var (back, _))
        {
            throw new AssertionException("the exported OCM does not file: " + string.Join("; ", errors.Violations) + Environment.NewLine + content);
        }
        new NotificationValidator(new FixedClock(_now)).ValidateContent(back, errors);
        if (errors.Any)
        {
            throw new AssertionException("the filed-back notice is refused: " + string.Join("; ", errors.Violations) + Environment.NewLine + content);
        }
        return back;
    }

    private static Notification Notification(ManeuverNotice notice) => new()
    {
        Id = "MNV-17",
        Sequence = 17,
        FilingOperator = "esa-ops",
        FiledAt = _now,
        UpdatedAt = _now,
        Version = 1,
        Status = NotificationStatus.Filed,
        Content = notice,
    };

    private static List<string> Differences(ManeuverNotice expected, ManeuverNotice actual)
    {
        var differences = new List<string>();
        void Same<T>(string field, T left, T right)
        {
            if (!EqualityComparer<T>.Default.Equals(left, right))
            {
                differences.Add($"{field}: {left} became {right}");
            }
        }
        Same("object.norad_cat_id", expected.Object!.NoradCatId, actual.Object?.NoradCatId ?? 0);
        Same("object.cospar_id", Text(expected.Object.CosparId), actual.Object?.CosparId);
        Same("object.name", Text(expected.Object.Name), actual.Object?.Name);
        Same("execution_window", expected.ExecutionWindow, actual.ExecutionWindow);
        Same("purpose", expected.Purpose, actual.Purpose);
        Same("planned_delta_v.magnitude_mps", expected.PlannedDeltaV!.MagnitudeMps, actual.PlannedDeltaV?.MagnitudeMps ?? double.NaN);
        if (expected.PlannedDeltaV.ComponentsMps is { } components)
        {
            if (actual.PlannedDeltaV?.ComponentsMps is not { } back
                || !Close(components.Radial, back.Radial) || !Close(components.InTrack, back.InTrack) || !Close(components.CrossTrack, back.CrossTrack))
            {
                differences.Add($"planned_delta_v.components_mps: {components} became {actual.PlannedDeltaV?.ComponentsMps}");
            }
        }
        else
        {
            Same<RtnVector?>("planned_delta_v.components_mps", null, actual.PlannedDeltaV?.ComponentsMps);
        }
        Same("current_orbit", expected.CurrentOrbit, actual.CurrentOrbit);
        Same("expected_orbit", expected.ExpectedOrbit, actual.ExpectedOrbit);
        Same("remarks", Lines(expected.Remarks), actual.Remarks);
        Same("contact.name", Text(expected.Contact!.Name), actual.Contact?.Name);
        Same("contact.organization", Text(expected.Contact.Organization), actual.Contact?.Organization);
        Same("contact.email", Text(expected.Contact.Email), actual.Contact?.Email);
        Same("contact.phone", Text(expected.Contact.Phone), actual.Contact?.Phone);
        return differences;
    }

    /// <summary>A km/s round trip (a division and a multiplication by 1000, each rounded) moves a component by at most two units in the last place.</summary>
    private static bool Close(double expected, double actual) =>
        Math.Abs(expected - actual) <= 2 * (Math.BitIncrement(Math.Abs(expected)) - Math.Abs(expected));

    /// <summary>A text as one OCM value gives it back: control characters as blanks, trimmed, blank as absent.</summary>
    private static string? Text(string? text) => CcsdsText.AsValue(text);

    /// <summary>Remarks as COMMENT lines give them back: each line as <see cref="Text"/>, blank lines left out.</summary>
    private static string? Lines(string? remarks)
    {
        var lines = (remarks ?? "").Split('\n').Select(Text).OfType<string>().ToList();
        return lines.Count == 0 ? null : string.Join('\n', lines);
    }

    private sealed class FixedClock(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now);
    }

    // ---- generators of maneuver notices the exchange accepts ----

    private const string TextCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefxyz0123456789 -./()@,:&<>'\"+_#[]éß";

    private static Gen<string> Word(int maxLength, bool withControls) =>
        from length in Gen.Choose(1, maxLength)
        from characters in Gen.ArrayOf(Gen.Elements(withControls ? (TextCharacters + "\t  ").ToCharArray() : TextCharacters.ToCharArray()), length)
        select new string(characters);

    private static Gen<string?> Maybe(Gen<string> generator) => Gen.OneOf(Gen.Constant<string?>(null), generator.Select(value => (string?)value));

    /// <summary>A number in [low, high], rounded to 3 to 9 decimals.</summary>
    private static Gen<double> Between(double low, double high) =>
        from fraction in Gen.Choose(0, 999_999_999)
        from digits in Gen.Choose(0, 6)
        select Math.Min(high, low + Math.Round(fraction / 1e9 * (high - low), digits + 3));

    /// <summary>An instant up to <paramref name="maxDays"/> after <paramref name="earliest"/>, to the tick.</summary>
    private static Gen<DateTime> After(DateTime earliest, int maxDays) =>
        from days in Gen.Choose(0, maxDays)
        from seconds in Gen.Choose(0, 86_399)
        from ticks in Gen.Choose(0, 9_999_999)
        select earliest.AddDays(days).AddSeconds(seconds).AddTicks(ticks);

    private static Gen<SpaceObjectRef> SpaceObject() =>
        from norad in Gen.OneOf(Gen.Choose(1, 99_999), Gen.Choose(100_000, 339_999))
        from year in Gen.Choose(1957, 2030)
        from launch in Gen.Choose(1, 999)
        from piece in Gen.Elements("A", "B", "AB", "ZZZ")
        from withCospar in Gen.Elements(true, false)
        from name in Maybe(Word(40, withControls: false))
        select new SpaceObjectRef(norad, withCospar ? $"{year}-{launch:000}{piece}" : null, name);

    private static Gen<DeltaV> DeltaV() => Gen.OneOf(
        Between(0, 20_000).Select(magnitude => new DeltaV(magnitude)),
        from radial in Between(-100, 100)
        from inTrack in Between(-100, 100)
        from crossTrack in Between(-5, 5)
        from offset in Gen.Choose(-50, 50)
        let components = new RtnVector(radial, inTrack, crossTrack)
        select new DeltaV(components.Norm * (1 + offset / 10_000.0), components));

    private static Gen<OrbitSpec?> Orbit(DateTime epoch) => Gen.OneOf(
        Gen.Constant<OrbitSpec?>(null),
        Tle().Select(tle => (OrbitSpec?)tle),
        from a in Between(6_700, 45_000)
        from shape in Between(0, 1)
        from angles in Gen.ArrayOf(Between(0, 359.999), 4)
        select (OrbitSpec?)new MeanElementsOrbit(epoch, a, shape * (1 - 6_600 / a), null, null, angles[0] / 2, angles[1], angles[2], angles[3]),
        from perigee in Between(200, 2_000)
        from above in Between(0, 40_000)
        from angles in Gen.ArrayOf(Between(0, 359.999), 4)
        select (OrbitSpec?)new MeanElementsOrbit(epoch, null, null, perigee + above, perigee, angles[0] / 2, angles[1], angles[2], angles[3]));

    /// <summary>A TLE with valid fields and checksums: an epoch in 2024-2035 and elements anywhere in their ranges.</summary>
    private static Gen<OrbitSpec> Tle() =>
        from year in Gen.Choose(24, 35)
        from day in Gen.Choose(1, 365)
        from dayFraction in Gen.Choose(0, 99_999_999)
        from inclination in Gen.Choose(0, 1_800_000)
        from raan in Gen.Choose(0, 3_599_999)
        from eccentricity in Gen.Choose(0, 2_000_000)
        from argp in Gen.Choose(0, 3_599_999)
        from meanAnomaly in Gen.Choose(0, 3_599_999)
        from meanMotion in Gen.Choose(100_000_000, 1_650_000_000)
        from revolutions in Gen.Choose(0, 99_999)
        select (OrbitSpec)new TleOrbit(
            WithChecksum(string.Create(CultureInfo.InvariantCulture, $"1 25544U 98067A   {year:00}{day:000}.{dayFraction:00000000}  .00006684  00000-0  12517-3 0  999")),
            WithChecksum(string.Create(CultureInfo.InvariantCulture,
                $"2 25544 {inclination / 1e4,8:0.0000} {raan / 1e4,8:0.0000} {eccentricity:0000000} {argp / 1e4,8:0.0000} {meanAnomaly / 1e4,8:0.0000} {meanMotion / 1e8,11:0.00000000}{revolutions,5}")));

    private static string WithChecksum(string line) => line + TleParser.Checksum(line).ToString(CultureInfo.InvariantCulture);

    private static Gen<PointOfContact> Contact() =>
        from name in Word(40, withControls: true)
        from organization in Maybe(Word(30, withControls: false))
        from number in Gen.Choose(1, 9999)
        from reach in Gen.Choose(0, 2)
        select new PointOfContact(
            "Duty " + name,
            organization,
            reach != 1 ? $"ops{number}@example.org" : null,
            reach != 0 ? $"+49 6151 90 {number}" : null);

    private static Gen<string?> Remarks(bool required) =>
        from count in Gen.Choose(required ? 1 : 0, 3)
        from lines in Gen.ArrayOf(Word(60, withControls: true), count)
        from separator in Gen.Elements("\n", "\r\n", "\n\n")
        select count == 0 ? null : "Remark " + string.Join(separator, lines);

    private static Gen<ManeuverNotice> Maneuvers() =>
        from start in After(_now.AddMinutes(1), 300)
        from length in Gen.OneOf(Gen.Constant(TimeSpan.Zero), Gen.Choose(1, 864_000).Select(seconds => TimeSpan.FromSeconds(seconds / 7.0)))
        from obj in SpaceObject()
        from purpose in Gen.Elements(Enum.GetValues<ManeuverPurpose>())
        from deltaV in DeltaV()
        from current in Orbit(start.AddHours(-3))
        from expected in Orbit(start.Add(length).AddHours(1))
        from remarks in Remarks(required: purpose == ManeuverPurpose.Other)
        from contact in Contact()
        select new ManeuverNotice
        {
            Object = obj,
            ExecutionWindow = new TimeWindow(start, start.Add(length)),
            Purpose = purpose,
            PlannedDeltaV = deltaV,
            CurrentOrbit = current,
            ExpectedOrbit = expected,
            Remarks = remarks,
            Contact = contact,
        };
}

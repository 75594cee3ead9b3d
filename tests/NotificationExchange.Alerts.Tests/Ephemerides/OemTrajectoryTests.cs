using System.Globalization;
using System.Text;
using NotificationExchange.Alerts.Ephemerides;
using NotificationExchange.Ccsds.Oem;
using NotificationExchange.Orbits.Catalog;
using NotificationExchange.Orbits.Frames;
using NotificationExchange.Orbits.Geometry;
using NotificationExchange.Orbits.Maneuvers;
using NotificationExchange.Orbits.Propagation;
using NotificationExchange.Orbits.Screening;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Alerts.Tests.Ephemerides;

public class OemTrajectoryTests
{
    private static readonly DateTime _start = new(2022, 7, 15, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime _ignition = _start.AddHours(3);

    private static Trajectory Iss() =>
        Trajectory.FromTle(TleCatalog.Load(SharedData.Require("catalog/wellknown_2022-07-14.txt")).Entries
            .Single(e => e.Tle.CatalogNumber == 25544).Tle);

    /// <summary>One OEM segment of a trajectory's states every <paramref name="stepSeconds"/> over [from, to], written
    /// in <paramref name="frame"/> with epochs in <paramref name="timeSystem"/>.</summary>
    private static string Segment(
        Trajectory source, DateTime from, DateTime to, double stepSeconds, string frame, string timeSystem, string interpolation = "LAGRANGE", int degree = 8)
    {
        var text = new StringBuilder();
        var offset = timeSystem switch { "UTC" => 0.0, "TAI" => 37.0, "TT" => 69.184, "GPS" => 18.0, _ => throw new ArgumentOutOfRangeException(nameof(timeSystem)) };
        string Epoch(DateTime utc) => utc.AddSeconds(offset).ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture);
        text.AppendLine("META_START").AppendLine("OBJECT_NAME = ISS (ZARYA)").AppendLine("OBJECT_ID = 1998-067A").AppendLine("CENTER_NAME = EARTH")
            .AppendLine($"REF_FRAME = {frame}").AppendLine($"TIME_SYSTEM = {timeSystem}")
            .AppendLine($"START_TIME = {Epoch(from)}").AppendLine($"STOP_TIME = {Epoch(to)}")
            .AppendLine($"INTERPOLATION = {interpolation}").AppendLine($"INTERPOLATION_DEGREE = {degree}").AppendLine("META_STOP");
        for (var time = from; time <= to; time = time.AddSeconds(stepSeconds))
        {
            Assert.That(source.StateAt(time, out var state), Is.EqualTo(Sgp4Error.None));
            if (frame != "TEME")
            {
                state = TemeFrame.ToEme2000(state, TemeFrame.TerrestrialTime(time, 37));
            }
            var (p, v) = (state.PositionKm, state.VelocityKmPerS);
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{Epoch(time)} {p.X:R} {p.Y:R} {p.Z:R} {v.X:R} {v.Y:R} {v.Z:R}"));
        }
        return text.ToString();
    }

    private static OemMessage Oem(params string[] segments) =>
        OemReader.Read("CCSDS_OEM_VERS = 2.0\nCREATION_DATE = 2022-07-14T00:00:00\nORIGINATOR = TEST\n\n" + string.Join("\n", segments));

    /// <summary>
    /// ISS with a 1 m/s burn at 3 h, written as a two-segment OEM (before and after the burn, states every minute) in
    /// each supported frame and time system: the mapped trajectory follows the SGP4 path it was written from within a
    /// metre, on both sides of the burn, and takes the second segment from the ignition on.
    /// </summary>
    [TestCase("EME2000", "UTC")]
    [TestCase("GCRF", "TAI")]
    [TestCase("ICRF", "GPS")]
    [TestCase("TEME", "TT")]
    [TestCase("J2000", "UTC")]
    public void A_two_segment_plan_maps_to_the_path_it_was_written_from(string frame, string timeSystem)
    {
        var original = Iss();
        var planned = new ImpulsiveManeuver(_ignition, 0.0, 1.0, 0.0).ApplyTo(original);
        var message = Oem(
            Segment(original, _start, _ignition, 60.0, frame, timeSystem),
            Segment(planned, _ignition, _start.AddHours(6), 60.0, frame, timeSystem));

        Assert.That(OemTrajectory.TryMap(message, 25544, out var trajectory, out var problems), Is.True, string.Join("; ", problems));
        Assert.That(trajectory!.Ephemeris!.Segments, Has.Count.EqualTo(2));
        // TT to UTC goes through 32.184 s, which rounds to the 100 ns tick
        var tick = TimeSpan.FromTicks(1);
        Assert.That(trajectory.Ephemeris.Start, Is.EqualTo(_start).Within(tick));
        Assert.That(trajectory.Ephemeris.Stop, Is.EqualTo(_start.AddHours(6)).Within(tick));
        Assert.That(trajectory.Ephemeris.Segments[1].UsableStart, Is.EqualTo(_ignition).Within(tick));
        var worst = 0.0;
        for (var seconds = 0.1; seconds < 6 * 3600.0; seconds += 17.1)
        {
            var time = _start.AddSeconds(seconds);
            planned.StateAt(time, out var expected);
            Assert.That(trajectory.StateAt(time, out var actual), Is.EqualTo(Sgp4Error.None));
            worst = Math.Max(worst, (actual.PositionKm - expected.PositionKm).Length);
        }
        TestContext.Out.WriteLine($"{frame}/{timeSystem}: worst {worst * 1e3:F4} m");
        Assert.That(worst, Is.LessThan(1e-3));
        Assert.That(trajectory.StateAt(_start.AddSeconds(-1), out _), Is.EqualTo(Sgp4Error.OutsideEphemeris));

        // the mapped plan screens as the primary: the burn is a switch of the path (the second segment from the ignition)
        planned.StateAt(_ignition.AddSeconds(-0.001), out var before);
        trajectory.StateAt(_ignition, out var after);
        Assert.That((after.VelocityKmPerS - before.VelocityKmPerS).Length, Is.EqualTo(0.001).Within(1e-6));
    }

    [Test]
    public void The_published_teme_example_maps_with_its_states_unchanged()
    {
        var message = OemReader.Read(File.ReadAllText(SharedData.Require("ccsds/oem/beyond_oem.kvn")));
        Assert.That(OemTrajectory.TryMap(message, 25544, out var trajectory, out var problems), Is.True, string.Join("; ", problems));
        var segment = trajectory!.Ephemeris!.Segments.Single();
        Assert.That(segment.Count, Is.EqualTo(41));
        Assert.That(segment.Interpolation, Is.EqualTo(Orbits.Ephemerides.EphemerisInterpolation.Lagrange));
        Assert.That(segment.Degree, Is.EqualTo(8));
        var first = message.Segments[0].States[0];
        Assert.That(trajectory.StateAt(segment.UsableStart, out var state), Is.EqualTo(Sgp4Error.None));
        Assert.That(state.PositionKm, Is.EqualTo(new Vector3d(first.X, first.Y, first.Z)));
        Assert.That(trajectory.Name, Is.EqualTo("ISS (ZARYA)"));
    }

    [Test]
    public void A_mars_centred_ephemeris_is_refused_segment_by_segment_with_its_line()
    {
        var message = OemReader.Read(File.ReadAllText(SharedData.Require("ccsds/oem/orekit_OEMExample1.txt")));
        Assert.That(OemTrajectory.TryMap(message, 1, out var trajectory, out var problems), Is.False);
        Assert.That(trajectory, Is.Null);
        var centres = problems.Where(p => p.Field == "CENTER_NAME").ToList();
        Assert.That(centres.Select(p => p.Segment), Is.EqualTo(Enumerable.Range(1, message.Segments.Count)));
        Assert.That(centres[0].ToString(), Is.EqualTo("segment 1, line 10, CENTER_NAME: 'MARS BARYCENTER': only EARTH-centred ephemerides can be screened"));
    }

    [Test]
    public void Unusable_segments_are_refused_with_segment_line_and_reason()
    {
        var iss = Iss();
        string Problems(params string[] segments)
        {
            Assert.That(OemTrajectory.TryMap(Oem(segments), 25544, out _, out var problems), Is.False);
            return string.Join("; ", problems);
        }

        Assert.That(Problems(Segment(iss, _start, _start.AddHours(1), 60.0, "ITRF2000", "UTC")),
            Does.Contain("segment 1, line 9, REF_FRAME: 'ITRF2000' is not supported (TEME, EME2000, GCRF or ICRF)"));
        Assert.That(Problems(Segment(iss, _start, _start.AddMinutes(4), 60.0, "EME2000", "UTC")),
            Does.Contain("EPHEMERIS: too few states: 5, where LAGRANGE of degree 8 needs 9"));
        Assert.That(Problems(Segment(iss, _start, _start.AddHours(1), 60.0, "EME2000", "UTC", "SPLINE", 3)),
            Does.Contain("INTERPOLATION: 'SPLINE' is not supported"));
        // ISS sweeps 1.14 rad in 20 minutes: states that far apart cannot be interpolated
        var sparse = Problems(Segment(iss, _start, _start.AddHours(4), 1200.0, "TEME", "UTC", "HERMITE", 7));
        Assert.That(sparse, Does.Contain("segment 1, line 17, EPOCH: a gap: 1200 s after the state before it"));
        // a second segment starting ten minutes after the first stops
        var gap = Problems(Segment(iss, _start, _start.AddHours(1), 60.0, "TEME", "UTC"), Segment(iss, _start.AddMinutes(70), _start.AddHours(2), 60.0, "TEME", "UTC"));
        Assert.That(gap, Does.Contain("segment 2, line").And.Contain("USEABLE_START_TIME: starts 600 s after segment 1 stops").And.Contain("the ephemeris has a gap"));
        var overlap = Problems(Segment(iss, _start, _start.AddHours(1), 60.0, "TEME", "UTC"), Segment(iss, _start.AddMinutes(50), _start.AddHours(2), 60.0, "TEME", "UTC"));
        Assert.That(overlap, Does.Contain("starts 600 s before segment 1 stops").And.Contain("segments overlap"));
    }
}

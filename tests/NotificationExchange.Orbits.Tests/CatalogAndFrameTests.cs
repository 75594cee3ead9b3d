using NotificationExchange.Orbits.Catalog;
using NotificationExchange.Orbits.Elements;
using NotificationExchange.Orbits.Frames;
using NotificationExchange.Orbits.Geometry;
using NotificationExchange.Orbits.Propagation;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Orbits.Tests;

public class CatalogAndFrameTests
{
    private const string IssLine1 = "1 25544U 98067A   22196.51021208  .00006684  00000-0  12517-3 0  9992";
    private const string IssLine2 = "2 25544  51.6398 196.3106 0004941  13.7716  97.3744 15.49958191349577";

    [Test]
    public void A_catalogue_load_reports_every_rejected_entry_with_its_file_line_and_goes_on()
    {
        var text = string.Join('\n',
            "0 ISS (ZARYA)",
            IssLine1,
            IssLine2,
            "0 BAD CHECKSUM",
            IssLine1[..68] + "3",
            IssLine2,
            "0 ORPHAN NAME",
            "0 TWO-LINE FORM FOLLOWS",
            IssLine1,
            IssLine2,
            "2 25544  51.6398 196.3106 0004941  13.7716  97.3744 15.49958191349577",
            "1 25544U 98067A   22196.51021208  .00006684  00000-0  12517-3 0  999",
            IssLine2,
            "");

        var result = TleCatalog.Parse(text);

        Assert.That(result.Entries.Select(e => (e.Tle.Name, e.FileLine)), Is.EqualTo(new[] { ("ISS (ZARYA)", 2), ((string?)"TWO-LINE FORM FOLLOWS", 9) }));
        Assert.That(result.Rejections.Select(r => r.ToString()), Is.EqualTo(new[]
        {
            "line 5: TLE line 1, column 69: checksum is 3 but the line sums to 2",
            "line 7: name line 'ORPHAN NAME' is not followed by element lines",
            "line 11: line 2 without a line 1 before it",
            "line 12: TLE line 1, column 69: line is 68 characters long; a TLE line has 69",
        }));
    }

    [Test]
    public void The_whole_catalogue_snapshot_loads_with_no_rejection()
    {
        var result = TleCatalog.Load(SharedData.Require("catalog/spacetrack_3le_2022-07-14.txt"));

        Assert.That(result.Rejections, Is.Empty, string.Join(Environment.NewLine, result.Rejections.Take(10)));
        Assert.That(result.Entries, Has.Count.EqualTo(24132));
        // the snapshot's quirks: Alpha-5 analyst objects with blank designators, unpadded numbers, '+' signs
        Assert.That(result.Entries.Count(e => e.Tle.CatalogNumber >= 100000 && e.Tle.InternationalDesignator is null), Is.GreaterThan(0));
        Assert.That(result.Entries.Count(e => e.Tle.Line1[2] == ' '), Is.GreaterThan(0));
        Assert.That(result.Entries.Count(e => e.Tle.Line1.Contains('+')), Is.GreaterThan(0));
    }

    [Test]
    public void Greenwich_sidereal_time_matches_the_textbook_example()
    {
        // Vallado, Fundamentals of Astrodynamics, example 3-5: 1992 August 20 12:14 UT1 gives 152.578788 degrees
        var gmst = EarthRotation.GreenwichMeanSiderealTime(new DateTime(1992, 8, 20, 12, 14, 0, DateTimeKind.Utc));
        Assert.That(gmst * 180.0 / Math.PI, Is.EqualTo(152.578788).Within(1e-5));
    }

    [Test]
    public void Earth_fixed_and_geodetic_conversions_invert_each_other_and_place_the_iss_at_its_altitude()
    {
        var propagator = new Sgp4Propagator(Sgp4Elements.FromTle(TleParser.Parse(IssLine1, IssLine2)));
        Assert.That(propagator.Propagate(0.0, out var teme), Is.EqualTo(Sgp4Error.None));
        var epoch = propagator.Elements.Epoch;

        var earthFixed = EarthRotation.TemeToEarthFixed(teme, epoch);
        var back = EarthRotation.EarthFixedToTeme(earthFixed, epoch);
        var geodetic = Geodetic.FromEarthFixed(earthFixed.PositionKm);
        var roundTrip = Geodetic.ToEarthFixed(geodetic);

        Assert.That((back.PositionKm - teme.PositionKm).Length, Is.LessThan(1e-9));
        Assert.That((back.VelocityKmPerS - teme.VelocityKmPerS).Length, Is.LessThan(1e-12));
        Assert.That((roundTrip - earthFixed.PositionKm).Length, Is.LessThan(1e-8));
        Assert.That(earthFixed.PositionKm.Length, Is.EqualTo(teme.PositionKm.Length).Within(1e-9));
        Assert.That(geodetic.AltitudeKm, Is.InRange(400.0, 430.0));
        Assert.That(Math.Abs(geodetic.LatitudeDeg), Is.LessThanOrEqualTo(51.7));
        // velocity relative to the ground is lower than inertial for a prograde orbit
        Assert.That(earthFixed.VelocityKmPerS.Length, Is.LessThan(teme.VelocityKmPerS.Length));
    }

    [TestCase(0.0, 0.0, 0.0)]
    [TestCase(45.0, 10.0, 100.0)]
    [TestCase(-89.99999, -170.0, 35786.0)]
    [TestCase(90.0, 0.0, -10.0)]
    public void Geodetic_coordinates_round_trip(double latitude, double longitude, double altitude)
    {
        var position = Geodetic.FromEarthFixed(Geodetic.ToEarthFixed(new GeodeticPosition(latitude, longitude, altitude)));
        Assert.That(position.LatitudeDeg, Is.EqualTo(latitude).Within(1e-9));
        Assert.That(position.AltitudeKm, Is.EqualTo(altitude).Within(1e-6));
        if (Math.Abs(latitude) < 90.0)
        {
            Assert.That(position.LongitudeDeg, Is.EqualTo(longitude).Within(1e-9));
        }
    }

    [Test]
    public void Propagation_allocates_nothing()
    {
        var nearEarth = new Sgp4Propagator(Sgp4Elements.FromTle(TleParser.Parse(IssLine1, IssLine2)));
        var deepSpace = new Sgp4Propagator(Sgp4Elements.FromTle(TleParser.Parse(
            "1 09880U 77021A   06176.56157475  .00000421  00000-0  10000-3 0  9814",
            "2 09880  64.5968 349.3786 7069051 270.0229  16.3320  2.00813614112380")));
        var batch = new Sgp4Batch([nearEarth, deepSpace], nearEarth.Elements.Epoch);
        var states = new double[12];
        var errors = new Sgp4Error[2];
        var sink = Vector3d.Zero;
        nearEarth.Propagate(1.0, out var warm);
        deepSpace.Propagate(1.0, out warm);
        batch.PropagateRange(0, 2, 1.0, states, errors);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var minutes = 0.0; minutes < 3000.0; minutes += 7.0)
        {
            nearEarth.Propagate(minutes, out var state);
            deepSpace.Propagate(minutes, out var deepState);
            sink += state.PositionKm + deepState.PositionKm;
            batch.PropagateRange(0, 2, minutes, states, errors);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(allocated, Is.Zero);
        Assert.That(sink.Length, Is.GreaterThan(0.0));
    }
}

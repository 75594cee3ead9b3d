using NotificationExchange.Alerts.Catalogue;
using NotificationExchange.Ccsds.Omm;
using NotificationExchange.Orbits.Elements;
using NotificationExchange.Orbits.Propagation;
using NotificationExchange.Orbits.Time;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Alerts.Tests.Catalogue;

public class OmmSgp4ElementsTests
{
    // TLEs written here for the same elements as the CelesTrak samples (VANGUARD 1): CSV and XML carry the 2020 set,
    // JSON the 2025 one
    private static readonly (string Line1, string Line2) _vanguard2020 = (
        "1 00005U 58002B   20287.20333880 -.00000016  00000-0 -22483-4 0  9998",
        "2 00005  34.2443 225.5254 1845686 162.2516 205.2356 10.84869164218149");

    private static readonly (string Line1, string Line2) _vanguard2025 = (
        "1 00005U 58002B   25045.60889656  .00000264  00000-0  35436-3 0  9990",
        "2 00005  34.2493  19.2327 1841322 100.1057 281.1229 10.85873516390271");

    [TestCase("omm-formats/pysgp4_sample_omm.csv", 2020)]
    [TestCase("omm-formats/pysgp4_sample_omm.xml", 2020)]
    [TestCase("omm-formats/pysgp4_sample_omm.json", 2025)]
    public void An_omm_and_the_tle_of_the_same_elements_propagate_to_the_same_state(string file, int year)
    {
        var omm = OmmReader.ReadAll(File.ReadAllText(SharedData.Require(file))).Single();
        var (line1, line2) = year == 2020 ? _vanguard2020 : _vanguard2025;
        var fromOmm = new Sgp4Propagator(OmmSgp4Elements.ToSgp4Elements(omm));
        var fromTle = new Sgp4Propagator(Sgp4Elements.FromTle(TleParser.Parse(line1, line2)));

        foreach (var hours in new[] { 0.0, 6.0, 24.0, 72.0 })
        {
            var instant = fromTle.Elements.Epoch.AddHours(hours);
            var ommMinutes = JulianDate.MinutesBetween(fromOmm.Elements.EpochJulianDateWhole, fromOmm.Elements.EpochJulianDateFraction, instant);
            var tleMinutes = JulianDate.MinutesBetween(fromTle.Elements.EpochJulianDateWhole, fromTle.Elements.EpochJulianDateFraction, instant);
            Assert.That(fromOmm.Propagate(ommMinutes, out var a), Is.EqualTo(Sgp4Error.None));
            Assert.That(fromTle.Propagate(tleMinutes, out var b), Is.EqualTo(Sgp4Error.None));
            // the OMM epoch is the TLE's day fraction rounded to a microsecond: millimetres at most
            Assert.That((a.PositionKm - b.PositionKm).Length, Is.LessThan(1e-4), $"{file} at +{hours} h");
            Assert.That((a.VelocityKmPerS - b.VelocityKmPerS).Length, Is.LessThan(1e-7), $"{file} at +{hours} h");
        }
    }
}

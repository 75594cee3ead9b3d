using NotificationExchange.Orbits.Elements;
using NUnit.Framework;

namespace NotificationExchange.Orbits.Tests;

public class TleParserTests
{
    private const string IssLine1 = "1 25544U 98067A   22196.51021208  .00006684  00000-0  12517-3 0  9992";
    private const string IssLine2 = "2 25544  51.6398 196.3106 0004941  13.7716  97.3744 15.49958191349577";

    [Test]
    public void Decodes_every_field_of_a_published_tle()
    {
        var tle = TleParser.Parse(IssLine1, IssLine2, "ISS (ZARYA)");

        Assert.Multiple(() =>
        {
            Assert.That(tle.Name, Is.EqualTo("ISS (ZARYA)"));
            Assert.That(tle.CatalogNumber, Is.EqualTo(25544));
            Assert.That(tle.Classification, Is.EqualTo('U'));
            Assert.That(tle.InternationalDesignator, Is.EqualTo("1998-067A"));
            Assert.That(tle.EpochYear, Is.EqualTo(2022));
            Assert.That(tle.EpochDayOfYear, Is.EqualTo(196.51021208));
            Assert.That(tle.MeanMotionDot, Is.EqualTo(0.00006684));
            Assert.That(tle.MeanMotionDdot, Is.EqualTo(0.0));
            Assert.That(tle.BStar, Is.EqualTo(0.12517e-3).Within(1e-15));
            Assert.That(tle.ElementSetNumber, Is.EqualTo(999));
            Assert.That(tle.InclinationDeg, Is.EqualTo(51.6398));
            Assert.That(tle.RaanDeg, Is.EqualTo(196.3106));
            Assert.That(tle.Eccentricity, Is.EqualTo(0.0004941));
            Assert.That(tle.ArgOfPerigeeDeg, Is.EqualTo(13.7716));
            Assert.That(tle.MeanAnomalyDeg, Is.EqualTo(97.3744));
            Assert.That(tle.MeanMotionRevPerDay, Is.EqualTo(15.49958191));
            Assert.That(tle.RevolutionNumber, Is.EqualTo(34957));
            Assert.That(tle.Epoch, Is.EqualTo(new DateTime(2022, 7, 15, 12, 14, 42, 324, DateTimeKind.Utc)).Within(TimeSpan.FromMilliseconds(1)));
        });
    }

    [Test]
    public void Rejects_a_bad_checksum_naming_line_and_column()
    {
        var corrupted = IssLine1[..68] + "3";

        var error = Assert.Throws<TleFormatException>(() => TleParser.Parse(corrupted, IssLine2))!.Error;

        Assert.That(error, Is.EqualTo(new TleError(1, 69, 69, "checksum is 3 but the line sums to 2")));
    }

    [TestCase("A0000", 100000)]
    [TestCase("H9999", 179999)]
    [TestCase("J0000", 180000)]
    [TestCase("N9999", 229999)]
    [TestCase("P0000", 230000)]
    [TestCase("Z9999", 339999)]
    [TestCase("   42", 42)]
    [TestCase("00042", 42)]
    public void Decodes_and_encodes_alpha5_and_plain_catalogue_numbers(string field, int number)
    {
        Assert.That(TleParser.TryDecodeCatalogNumber(field, out var decoded), Is.True);
        Assert.That(decoded, Is.EqualTo(number));
        Assert.That(TleParser.EncodeCatalogNumber(number), Is.EqualTo(field.Trim().PadLeft(5, '0')));
    }
}

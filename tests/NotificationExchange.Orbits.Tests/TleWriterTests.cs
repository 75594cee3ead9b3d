using NotificationExchange.Orbits.Elements;
using NotificationExchange.Orbits.Propagation;
using NUnit.Framework;

namespace NotificationExchange.Orbits.Tests;

public sealed class TleWriterTests
{
    private const string IssLine1 = "1 25544U 98067A   22196.51021208  .00006684  00000-0  12517-3 0  9992";
    private const string IssLine2 = "2 25544  51.6398 196.3106 0004941  13.7716  97.3744 15.49958191349577";

    [Test]
    public void A_published_set_is_written_back_column_for_column()
    {
        var iss = TleParser.Parse(IssLine1, IssLine2);

        var (line1, line2) = TleWriter.Write(Sgp4Elements.FromTle(iss), "1998-067A", elementSetNumber: 999, revolutionNumber: 34957);

        Assert.That(line1, Is.EqualTo(IssLine1));
        Assert.That(line2, Is.EqualTo(IssLine2));
    }

    [TestCase(123_456, 0.0, -2.1e-5)]
    [TestCase(7, -0.000012, 0.99e-9)]
    [TestCase(339_999, 0.1234, 0.0)]
    public void Written_elements_read_back_within_the_fields_precision(int catalogNumber, double meanMotionDot, double bStar)
    {
        var elements = Sgp4Elements.FromMeanElements(catalogNumber, new DateTime(2026, 12, 2, 3, 41, 7, 250, DateTimeKind.Utc),
            14.21734409, 0.0012345, 97.4567, 359.99996, 90.1, 271.05, bStar, meanMotionDot);

        var (line1, line2) = TleWriter.Write(elements);
        var read = TleParser.Parse(line1, line2);

        Assert.That(read.CatalogNumber, Is.EqualTo(catalogNumber));
        Assert.That((read.Epoch - elements.Epoch).Duration(), Is.LessThan(TimeSpan.FromMilliseconds(1)));
        Assert.That(read.MeanMotionRevPerDay, Is.EqualTo(14.21734409).Within(1e-8));
        Assert.That(read.Eccentricity, Is.EqualTo(0.0012345).Within(1e-7));
        Assert.That(read.InclinationDeg, Is.EqualTo(97.4567).Within(1e-4));
        // 359.99996 rounds to 360.0000, which is written as 0 on the circle.
        Assert.That(read.RaanDeg, Is.Zero);
        Assert.That(line2[17..25], Is.EqualTo("  0.0000"));
        Assert.That(read.MeanMotionDot, Is.EqualTo(meanMotionDot).Within(1e-8));
        Assert.That(read.BStar, Is.EqualTo(bStar).Within(Math.Max(Math.Abs(bStar) * 1e-4, 1e-10)));
    }
}

using System.Globalization;
using NotificationExchange.Orbits.Elements;

namespace NotificationExchange.Clients.Tests.Support;

/// <summary>ISS's element set of 2022-07-15 12:14 UTC (a fixture of the exchange's tests too), under any catalogue
/// number with the checksums made right, so that each test can register objects of its own.</summary>
internal static class Tles
{
    public const string IssLine1 = "1 25544U 98067A   22196.51021208  .00006684  00000-0  12517-3 0  9992";
    public const string IssLine2 = "2 25544  51.6398 196.3106 0004941  13.7716  97.3744 15.49958191349577";

    public static (string Line1, string Line2) Iss(int noradCatId)
    {
        var number = TleParser.EncodeCatalogNumber(noradCatId);
        return (WithChecksum("1 " + number + IssLine1[7..68]), WithChecksum("2 " + number + IssLine2[7..68]));
    }

    /// <summary>A line with its last column replaced by the right checksum.</summary>
    public static string WithChecksum(string line) => line[..68] + TleParser.Checksum(line.AsSpan(0, 68)).ToString(CultureInfo.InvariantCulture);
}

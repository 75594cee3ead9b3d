using NotificationExchange.Orbits.Elements;
using NotificationExchange.Orbits.Propagation;

namespace NotificationExchange.Clients.Tests.Support;

/// <summary>ISS's element set of 2022-07-15 12:14 UTC (a fixture of the exchange's tests too), and the same elements
/// under any catalogue number, written by the orbit engine's <see cref="TleWriter"/> (which writes ISS's set back byte
/// for byte), so that each test can register objects of its own.</summary>
internal static class Tles
{
    public const string IssLine1 = "1 25544U 98067A   22196.51021208  .00006684  00000-0  12517-3 0  9992";
    public const string IssLine2 = "2 25544  51.6398 196.3106 0004941  13.7716  97.3744 15.49958191349577";

    private static readonly TwoLineElementSet Parsed = TleParser.Parse(IssLine1, IssLine2);

    public static (string Line1, string Line2) Iss(int noradCatId) =>
        TleWriter.Write(Sgp4Elements.FromTle(Parsed) with { CatalogNumber = noradCatId }, Parsed.InternationalDesignator, Parsed.Classification,
            Parsed.ElementSetNumber, Parsed.RevolutionNumber);
}

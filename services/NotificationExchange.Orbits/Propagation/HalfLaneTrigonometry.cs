using System.Runtime.Intrinsics;

namespace NotificationExchange.Orbits.Propagation;

/// <summary>
/// Lanes 0-1 and lanes 2-3 in calls of their own: each half's results are those it gets with its two lanes repeated
/// across all four (the library's method is chosen by the same pair of arguments, and its arithmetic is the same lane
/// by lane at either width), so two pairs of objects share a call and each gets what it would alone.
/// </summary>
internal readonly struct HalfLaneTrigonometry : ILaneTrigonometry
{
    public static Vector256<double> Sin(Vector256<double> x) =>
        Vector256.Create(Vector128.Sin(x.GetLower()), Vector128.Sin(x.GetUpper()));

    public static Vector256<double> Cos(Vector256<double> x) =>
        Vector256.Create(Vector128.Cos(x.GetLower()), Vector128.Cos(x.GetUpper()));

    public static (Vector256<double> Sin, Vector256<double> Cos) SinCos(Vector256<double> x)
    {
        var (lowSin, lowCos) = Vector128.SinCos(x.GetLower());
        var (highSin, highCos) = Vector128.SinCos(x.GetUpper());
        return (Vector256.Create(lowSin, highSin), Vector256.Create(lowCos, highCos));
    }
}

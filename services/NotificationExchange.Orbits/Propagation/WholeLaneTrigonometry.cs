using System.Runtime.Intrinsics;

namespace NotificationExchange.Orbits.Propagation;

/// <summary>All four lanes in one call of the vector library: the kernel's ordinary form.</summary>
internal readonly struct WholeLaneTrigonometry : ILaneTrigonometry
{
    public static Vector256<double> Sin(Vector256<double> x) => Vector256.Sin(x);

    public static Vector256<double> Cos(Vector256<double> x) => Vector256.Cos(x);

    public static (Vector256<double> Sin, Vector256<double> Cos) SinCos(Vector256<double> x) => Vector256.SinCos(x);
}

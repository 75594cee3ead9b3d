using System.Runtime.Intrinsics;

namespace NotificationExchange.Orbits.Propagation;

/// <summary>
/// The sine and cosine the four-lane SGP4 kernel takes. The vector library chooses its method by what all the lanes
/// of one call hold (every argument within π/4, or any beyond 5e6), so a lane's result depends on its neighbours';
/// an implementation fixes which lanes decide together.
/// </summary>
internal interface ILaneTrigonometry
{
    static abstract Vector256<double> Sin(Vector256<double> x);

    static abstract Vector256<double> Cos(Vector256<double> x);

    static abstract (Vector256<double> Sin, Vector256<double> Cos) SinCos(Vector256<double> x);
}

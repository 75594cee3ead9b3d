using NotificationExchange.Orbits.Elements;
using NotificationExchange.Orbits.Geometry;
using NUnit.Framework;

namespace NotificationExchange.Orbits.Tests;

public class OsculatingElementsTests
{
    [Test]
    public void A_state_at_perigee_of_an_inclined_ellipse_gives_back_its_elements()
    {
        // perigee radius 7000 km, e = 0.1, i = 30 deg, node on the x axis, perigee at the node
        const double mu = EarthConstants.MuKm3PerS2;
        const double a = 7000.0 / 0.9;
        var speed = Math.Sqrt(mu * (2 / 7000.0 - 1 / a));
        var i = 30.0 * Math.PI / 180.0;
        var state = new StateVector(new Vector3d(7000, 0, 0), new Vector3d(0, speed * Math.Cos(i), speed * Math.Sin(i)));

        var elements = OsculatingElements.FromState(state)!;

        Assert.Multiple(() =>
        {
            Assert.That(elements.SemiMajorAxisKm, Is.EqualTo(a).Within(1e-6));
            Assert.That(elements.Eccentricity, Is.EqualTo(0.1).Within(1e-12));
            Assert.That(elements.InclinationDeg, Is.EqualTo(30.0).Within(1e-9));
            Assert.That(elements.RaanDeg, Is.EqualTo(0.0).Within(1e-9));
            Assert.That(elements.ArgOfPerigeeDeg, Is.EqualTo(0.0).Within(1e-6).Or.EqualTo(360.0).Within(1e-6));
            Assert.That(elements.MeanAnomalyDeg, Is.EqualTo(0.0).Within(1e-6).Or.EqualTo(360.0).Within(1e-6));
        });
    }

    [Test]
    public void An_escape_trajectory_has_no_elements()
    {
        var escape = new StateVector(new Vector3d(7000, 0, 0), new Vector3d(0, 12, 0));

        Assert.That(OsculatingElements.FromState(escape), Is.Null);
    }
}

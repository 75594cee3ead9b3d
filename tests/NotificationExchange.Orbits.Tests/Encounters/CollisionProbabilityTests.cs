using FsCheck;
using FsCheck.Fluent;
using NotificationExchange.Ccsds.Cdm;
using NotificationExchange.Orbits.Encounters;
using NotificationExchange.Orbits.Geometry;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Orbits.Tests.Encounters;

public class CollisionProbabilityTests
{
    // a fixed seed keeps the suite deterministic; change it to explore other inputs
    private static readonly Config _config = Config.QuickThrowOnFailure.WithMaxTest(300).WithQuietOnSuccess(true)
        .WithReplay(new Replay(new Rnd(20261127UL, 11UL), null));

    private static void Check<T>(Gen<T> generator, Action<T> property) => Prop.ForAll(generator.ToArbitrary(), property).Check(_config);

    private static (StateVector State, PositionCovariance Covariance) ObjectOf(CdmObject cdmObject)
    {
        var v = cdmObject.StateVector;
        var state = new StateVector(new Vector3d(v.X, v.Y, v.Z), new Vector3d(v.XDot, v.YDot, v.ZDot));
        var c = cdmObject.Covariance ?? throw new InvalidOperationException("the test case has a covariance for each object");
        double Term(int row, int column) => c[row, column] ?? throw new InvalidOperationException($"covariance term ({row},{column}) missing");
        return (state, PositionCovariance.FromRtn(state, Term(0, 0), Term(1, 0), Term(1, 1), Term(2, 0), Term(2, 1), Term(2, 2)));
    }

    /// <summary>
    /// Alfano's test case 1 (Alfano 2009, "Satellite Conjunction Monte Carlo Analysis", AAS 09-233; the CDM as NASA CARA
    /// and Orekit distribute it): 2D Pc 0.146749549 for a combined hard-body radius of 15 m, the value NASA CARA's Pc2D
    /// unit tests and Orekit's Patera2005/Alfano2005 tests expect (Orekit within 1e-6).
    /// </summary>
    [Test]
    public void Alfano_test_case_1_gives_the_published_2d_probability()
    {
        var cdm = CdmReader.Read(File.ReadAllText(SharedData.Require("ccsds/cdm/orekit_AlfanoTestCase01.cdm")));
        var (primary, primaryCovariance) = ObjectOf(cdm.Object1);
        var (secondary, secondaryCovariance) = ObjectOf(cdm.Object2);

        var result = CollisionProbabilityCalculator.Foster1992(primary, primaryCovariance, secondary, secondaryCovariance, 15.0);

        TestContext.Out.WriteLine($"Pc = {result.Value:R}, miss in the encounter plane {result.MissDistanceM:F6} m");
        Assert.That(result.Value, Is.EqualTo(0.146749549).Within(1e-6));
        Assert.That(result.Kind, Is.EqualTo(CollisionProbabilityKind.Computed));
        Assert.That(result.Method, Is.EqualTo("FOSTER-1992"));
        // the CDM's MISS_DISTANCE: at TCA the relative position is across the relative velocity, all in the plane
        Assert.That(result.MissDistanceM, Is.EqualTo(cdm.RelativeMetadata.MissDistance).Within(1e-3));

        var maximum = CollisionProbabilityCalculator.MaximumForHardBodyRadius(primary, secondary, 15.0);
        Assert.That(maximum.Kind, Is.EqualTo(CollisionProbabilityKind.MaximumForHardBodyRadius));
        Assert.That(maximum.Method, Is.EqualTo("ALFANO-MAX-PROBABILITY"));
        // the miss (5 m) is inside the 15 m disc: some covariance puts all the probability inside it
        Assert.That(maximum.Value, Is.EqualTo(1.0));
    }

    [Test]
    public void Error_function_matches_tabulated_values_in_both_tails()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ErrorFunction.Erf(0.5), Is.EqualTo(0.5204998778130465).Within(1e-15));
            Assert.That(ErrorFunction.Erf(1.0), Is.EqualTo(0.8427007929497149).Within(1e-15));
            Assert.That(ErrorFunction.Erf(-1.0), Is.EqualTo(-0.8427007929497149).Within(1e-15));
            Assert.That(ErrorFunction.Erfc(2.0), Is.EqualTo(0.004677734981047266).Within(1e-17));
            Assert.That(ErrorFunction.Erfc(3.0) / 2.209049699858544e-05, Is.EqualTo(1.0).Within(1e-13));
            Assert.That(ErrorFunction.Erfc(5.0) / 1.5374597944280349e-12, Is.EqualTo(1.0).Within(1e-13));
            Assert.That(ErrorFunction.Erfc(10.0) / 2.0884875837625447e-45, Is.EqualTo(1.0).Within(1e-13));
            Assert.That(ErrorFunction.Erfc(-2.0), Is.EqualTo(2.0 - 0.004677734981047266).Within(1e-15));
            // continuity where the series hands over to the continued fraction
            Assert.That(ErrorFunction.Erfc(Math.BitDecrement(2.0)), Is.EqualTo(ErrorFunction.Erfc(2.0)).Within(1e-15));
        });
    }

    /// <summary>
    /// An isotropic covariance centred on the disc has the closed form 1 − exp(−R²/2σ²) (a Rayleigh distribution), which
    /// checks the integration from σ a million times the radius (Pc ~ 1e-12) to a millionth of it (Pc = 1).
    /// </summary>
    [TestCase(1e-6)]
    [TestCase(1e-2)]
    [TestCase(0.3)]
    [TestCase(1.0)]
    [TestCase(7.0)]
    [TestCase(1e3)]
    [TestCase(1e6)]
    public void A_centred_isotropic_covariance_gives_the_rayleigh_closed_form(double sigmaOverRadius)
    {
        const double radius = 10.0;
        var sigma = sigmaOverRadius * radius;
        var q = radius * radius / (2.0 * sigma * sigma);
        // 1 − e^(−q) by its series when q is small: double.ExpM1 is e^x − 1 in .NET and loses the small values
        var expected = q < 1e-4 ? q * (1.0 - q / 2.0 * (1.0 - q / 3.0)) : -(Math.Exp(-q) - 1.0);
        var actual = DiscIntegral.Probability(0.0, 0.0, sigma, sigma, radius);
        Assert.That(actual / expected, Is.EqualTo(1.0).Within(1e-9), $"σ/R = {sigmaOverRadius}: {actual:R} vs {expected:R}");
    }

    /// <summary>
    /// A disc far out on the axis of a very thin covariance: the probability tends to the 1D strip
    /// ½[erf((r+R)/√2σ) − erf((r−R)/√2σ)] (what the maximum is built on), approached from below.
    /// </summary>
    [Test]
    public void A_thin_covariance_along_the_miss_approaches_the_one_dimensional_strip()
    {
        const double miss = 200.0;
        const double radius = 20.0;
        const double sigma = 150.0;
        var strip = 0.5 * ErrorFunction.Difference((miss + radius) / (Math.Sqrt(2) * sigma), (miss - radius) / (Math.Sqrt(2) * sigma));
        var thin = DiscIntegral.Probability(miss, 0.0, sigma, 1e-4, radius);
        Assert.That(thin / strip, Is.EqualTo(1.0).Within(1e-6));
        var wider = DiscIntegral.Probability(miss, 0.0, sigma, 5.0, radius);
        Assert.That(wider, Is.LessThan(thin));
    }

    [Test]
    public void The_maximum_is_the_peak_over_covariance_size_of_the_strip_probability()
    {
        const double miss = 1000.0;
        const double radius = 20.0;
        var maximum = CollisionProbabilityCalculator.MaximumProbability(miss, radius);
        var sigmaStar = CollisionProbabilityCalculator.WorstCaseSigma(miss, radius);
        double Strip(double sigma) => 0.5 * ErrorFunction.Difference((miss + radius) / (Math.Sqrt(2) * sigma), (miss - radius) / (Math.Sqrt(2) * sigma));
        Assert.That(Strip(sigmaStar), Is.EqualTo(maximum).Within(1e-15));
        Assert.That(Strip(sigmaStar * 0.99), Is.LessThan(maximum));
        Assert.That(Strip(sigmaStar * 1.01), Is.LessThan(maximum));
        // small-radius limit 2R/(r√(2πe)) (Alfano 2005)
        Assert.That(maximum / (2.0 * radius / (miss * Math.Sqrt(2.0 * Math.PI * Math.E))), Is.EqualTo(1.0).Within(1e-3));
        Assert.That(CollisionProbabilityCalculator.MaximumProbability(radius, radius), Is.EqualTo(0.5));
        Assert.That(CollisionProbabilityCalculator.MaximumProbability(radius * (1 + 1e-12), radius), Is.EqualTo(0.5).Within(1e-3));
    }

    [Test]
    public void User_errors_name_what_was_wrong()
    {
        var state = new StateVector(new Vector3d(7000, 0, 0), new Vector3d(0, 7.5, 0));
        var other = new StateVector(new Vector3d(7000, 0.1, 0), new Vector3d(0, 0, 7.5));
        var covariance = PositionCovariance.FromRtn(state, 100, 0, 100, 0, 0, 100);
        Assert.That(() => PositionCovariance.FromRtn(state, -1, 0, 100, 0, 0, 100),
            Throws.ArgumentException.With.Message.Contains("CR_R"));
        Assert.That(() => PositionCovariance.FromRtn(state, 1, double.NaN, 100, 0, 0, 100),
            Throws.ArgumentException.With.Message.Contains("CT_R"));
        Assert.That(() => CollisionProbabilityCalculator.Foster1992(state, covariance, other, covariance, 0.0),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("hard-body radius"));
        Assert.That(() => CollisionProbabilityCalculator.Foster1992(state, covariance, state with { PositionKm = other.PositionKm }, covariance, 10.0),
            Throws.ArgumentException.With.Message.Contains("same velocity"));
        var zero = new PositionCovariance(0, 0, 0, 0, 0, 0);
        Assert.That(() => CollisionProbabilityCalculator.Foster1992(state, zero, other, zero, 10.0),
            Throws.ArgumentException.With.Message.Contains("not positive definite"));
    }

    /// <summary>A random encounter: LEO-like states, random RTN covariances (σ from 1 m to 10 km, correlated), HBR 1-50 m.</summary>
    private static Gen<(StateVector Primary, PositionCovariance C1, StateVector Secondary, PositionCovariance C2, double Radius)> Encounters() =>
        from position in Vector(6600, 7400)
        from velocity in Vector(-7.5, 7.5)
        from missM in Vector(-2000, 2000)
        from relativeVelocity in Vector(-14, 14)
        from c1 in Covariance()
        from c2 in Covariance()
        from radius in Gen.Choose(1, 500).Select(tenths => tenths / 10.0)
        let primary = new StateVector(position, velocity)
        let secondary = new StateVector(position + missM / 1000.0, velocity + relativeVelocity + new Vector3d(0.01, 0, 0))
        select (primary, PositionCovariance.FromRtn(primary, c1[0], c1[1], c1[2], c1[3], c1[4], c1[5]),
            secondary, PositionCovariance.FromRtn(secondary, c2[0], c2[1], c2[2], c2[3], c2[4], c2[5]), radius);

    private static Gen<Vector3d> Vector(double low, double high) =>
        from x in Gen.Choose(0, 1_000_000)
        from y in Gen.Choose(0, 1_000_000)
        from z in Gen.Choose(0, 1_000_000)
        select new Vector3d(low + (high - low) * x / 1e6, low + (high - low) * y / 1e6, low + (high - low) * z / 1e6);

    /// <summary>RTN terms CR_R, CT_R, CT_T, CN_R, CN_T, CN_N of a positive-definite matrix: σ log-uniform in [1 m, 10 km],
    /// correlations in (−0.9, 0.9) built as L Lᵀ so the matrix is always valid.</summary>
    private static Gen<double[]> Covariance() =>
        from logSigmas in Gen.ArrayOf(Gen.Choose(0, 4000), 3)
        from shears in Gen.ArrayOf(Gen.Choose(-900, 900), 3)
        select Lower(logSigmas.Select(s => Math.Pow(10, s / 1000.0)).ToArray(), shears.Select(s => s / 1000.0).ToArray());

    private static double[] Lower(double[] sigma, double[] shear)
    {
        // L = [[s0,0,0],[a s1, s1, 0],[b s2, c s2, s2]], C = L Lᵀ
        var l = new double[3, 3] { { sigma[0], 0, 0 }, { shear[0] * sigma[1], sigma[1], 0 }, { shear[1] * sigma[2], shear[2] * sigma[2], sigma[2] } };
        double C(int i, int j) => l[i, 0] * l[j, 0] + l[i, 1] * l[j, 1] + l[i, 2] * l[j, 2];
        return [C(0, 0), C(1, 0), C(1, 1), C(2, 0), C(2, 1), C(2, 2)];
    }

    [Test]
    public void Probability_is_in_the_unit_interval_and_symmetric_under_swapping_the_objects() =>
        Check(Encounters(), e =>
        {
            var forward = CollisionProbabilityCalculator.Foster1992(e.Primary, e.C1, e.Secondary, e.C2, e.Radius).Value;
            var swapped = CollisionProbabilityCalculator.Foster1992(e.Secondary, e.C2, e.Primary, e.C1, e.Radius).Value;
            Assert.That(forward, Is.InRange(0.0, 1.0));
            Assert.That(swapped, Is.EqualTo(forward).Within(1e-9 * forward + 1e-300));
        });

    [Test]
    public void Probability_grows_with_the_hard_body_radius() =>
        Check(Encounters(), e =>
        {
            var smaller = CollisionProbabilityCalculator.Foster1992(e.Primary, e.C1, e.Secondary, e.C2, e.Radius).Value;
            var larger = CollisionProbabilityCalculator.Foster1992(e.Primary, e.C1, e.Secondary, e.C2, e.Radius * 1.5).Value;
            Assert.That(larger, Is.GreaterThanOrEqualTo(smaller));
            if (smaller > 1e-280 && smaller < 0.999)
            {
                Assert.That(larger, Is.GreaterThan(smaller));
            }
        });

    [Test]
    public void The_maximum_bounds_the_probability_of_every_covariance_with_the_same_geometry() =>
        Check(Encounters(), e =>
        {
            var computed = CollisionProbabilityCalculator.Foster1992(e.Primary, e.C1, e.Secondary, e.C2, e.Radius);
            var maximum = CollisionProbabilityCalculator.MaximumForHardBodyRadius(e.Primary, e.Secondary, e.Radius);
            Assert.That(maximum.MissDistanceM, Is.EqualTo(computed.MissDistanceM));
            Assert.That(maximum.Value, Is.InRange(0.0, 1.0));
            Assert.That(computed.Value, Is.LessThanOrEqualTo(maximum.Value * (1 + 1e-9)));
        });
}

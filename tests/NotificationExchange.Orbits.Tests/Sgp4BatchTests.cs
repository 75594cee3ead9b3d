using NotificationExchange.Orbits.Catalog;
using NotificationExchange.Orbits.Propagation;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Orbits.Tests;

public class Sgp4BatchTests
{
    /// <summary>
    /// The batch path (near-Earth objects four to a vector, deep-space ones through the scalar code) against the scalar
    /// propagator for every object of the catalogue at times from a day before to a week after the snapshot, over
    /// ranges cut in awkward places: the same error codes and states within a micrometre (a few ulps for absurd orbits).
    /// </summary>
    [Test]
    public void The_batch_path_matches_the_scalar_propagator_over_the_whole_catalogue()
    {
        var entries = TleCatalog.Load(SharedData.Require("catalog/spacetrack_3le_2022-07-14.txt")).Entries;
        var propagators = entries.Select(e => new Sgp4Propagator(Sgp4Elements.FromTle(e.Tle))).ToList();
        var reference = new DateTime(2022, 7, 15, 0, 0, 0, DateTimeKind.Utc);
        var batch = new Sgp4Batch(propagators, reference);
        var states = new double[6 * batch.Count];
        var errors = new Sgp4Error[batch.Count];
        var failures = new List<string>();
        var compared = 0;
        var failed = 0;
        foreach (var minutes in new[] { -1440.0, 0.0, 37.25, 1000.0, 4321.5, 10080.0 })
        {
            Array.Fill(states, double.NegativeInfinity);
            var cuts = new[] { 0, 3, 5, 6, 1001, 1002, 12000, 24129, batch.Count };
            for (var c = 0; c + 1 < cuts.Length; c++)
            {
                batch.PropagateRange(cuts[c], cuts[c + 1], minutes, states, errors);
            }
            for (var i = 0; i < batch.Count; i++)
            {
                var minutesSinceEpoch = Time.JulianDate.MinutesBetween(
                    propagators[i].Elements.EpochJulianDateWhole, propagators[i].Elements.EpochJulianDateFraction, reference) + minutes;
                var error = propagators[i].Propagate(minutesSinceEpoch, out var state);
                if (error != errors[i])
                {
                    failures.Add($"{propagators[i].Elements.CatalogNumber} at {minutes} min: error {errors[i]}, scalar {error}");
                    continue;
                }
                if (error != Sgp4Error.None)
                {
                    failed++;
                    continue;
                }
                double[] expected = [state.PositionKm.X, state.PositionKm.Y, state.PositionKm.Z, state.VelocityKmPerS.X, state.VelocityKmPerS.Y, state.VelocityKmPerS.Z];
                for (var component = 0; component < 6; component++)
                {
                    // relative for the few absurd element sets that reach 1e8 km
                    var tolerance = Math.Max(component < 3 ? 1e-9 : 1e-12, 1e-14 * Math.Abs(expected[component]));
                    if (!(Math.Abs(states[6 * i + component] - expected[component]) <= tolerance))
                    {
                        failures.Add($"{propagators[i].Elements.CatalogNumber} at {minutes} min: component {component} {states[6 * i + component]:R}, scalar {expected[component]:R}");
                    }
                }
                compared++;
            }
        }

        Assert.That(failures, Is.Empty, string.Join(Environment.NewLine, failures.Take(20)));
        Assert.That(compared, Is.GreaterThan(6 * 23000));
        // decayed objects must fail in the lanes as they do in the scalar code
        Assert.That(failed, Is.GreaterThan(0));
    }
}

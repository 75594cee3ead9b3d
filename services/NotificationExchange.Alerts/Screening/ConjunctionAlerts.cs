using NotificationExchange.Domain.Alerts;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Registry;
using NotificationExchange.Orbits;
using NotificationExchange.Orbits.Elements;
using NotificationExchange.Orbits.Encounters;
using NotificationExchange.Orbits.Geometry;
using NotificationExchange.Orbits.Propagation;
using NotificationExchange.Orbits.Regimes;
using NotificationExchange.Orbits.Screening;

namespace NotificationExchange.Alerts.Screening;

/// <summary>
/// Screens one trajectory against the universe and describes each close approach as an alert candidate: the objects
/// with what their owners share, the geometry, the probability (an upper bound for the combined hard-body radius:
/// element sets carry no covariance), and whether the approach looks deliberate.
/// </summary>
public static class ConjunctionAlerts
{
    /// <summary>
    /// The candidates of <paramref name="subject"/> over its span, against <paramref name="catalog"/> (prepared for that
    /// span). Approaches inside the Space-Track volume of the primary are alerts; approaches outside it but within the
    /// proximity criteria's distance of a registered object are alerts only when they look deliberate.
    /// <paramref name="declared"/> says whether a proximity-operation notice declares an approach of a pair at a time:
    /// such an approach is no alert at all (third parties near it still are).
    /// </summary>
    /// Secondaries whose element sets are older than <paramref name="maxAge"/> at the end of the subject's span are
    /// left out (the catalog may be a shared window that holds them).
    public static IReadOnlyList<AlertCandidate> Find(
        ScreenSubject subject, ScreeningCatalog catalog, IReadOnlyDictionary<int, ScreenedObject> objects, Func<int, int, DateTime, bool> declared,
        TimeSpan maxAge)
    {
        var primary = subject.Object;
        var (perigeeKm, regime) = Shape(primary.Trajectory, subject.SpanStart);
        var volume = ScreeningVolume.SpaceTrackDefault(perigeeKm, primary.Trajectory.IsDeepSpace);
        var criteria = ProximityCriteria.For(primary.Trajectory);
        // One screen with the larger of the two reaches: the volume for alerts, the proximity distance for deliberate approaches.
        var reach = Math.Max(volume.BoundingRadiusKm, criteria.DistanceKm);
        var conjunctions = ConjunctionScreener.Screen(primary.Trajectory, catalog, ScreeningVolume.Sphere(reach));
        var candidates = new List<AlertCandidate>();
        // A deliberate approach is one alert however long it lasts: the closest of the conjunctions inside its interval
        // (an object kept within 5 km for a week passes a range minimum every revolution). Kept per secondary.
        var staying = new Dictionary<int, (int Index, Conjunction Closest)>();
        foreach (var conjunction in conjunctions)
        {
            if (subject.Excluded.Contains(conjunction.SecondaryCatalogNumber)
                || !objects.TryGetValue(conjunction.SecondaryCatalogNumber, out var secondary)
                || subject.SpanEnd - secondary.DataEpoch > maxAge
                || conjunction.TimeOfClosestApproach < subject.SpanStart || conjunction.TimeOfClosestApproach > subject.SpanEnd)
            {
                continue;
            }
            if (declared(primary.NoradCatId, secondary.NoradCatId, conjunction.TimeOfClosestApproach))
            {
                continue; // a proximity-operation notice declares this approach: it is announced, not an alert
            }
            if (staying.TryGetValue(secondary.NoradCatId, out var stay)
                && candidates[stay.Index].Unannounced is { } within
                && conjunction.TimeOfClosestApproach <= within.WithinDistanceTo)
            {
                if (conjunction.MissDistanceKm < stay.Closest.MissDistanceKm)
                {
                    candidates[stay.Index] = Describe(primary, secondary, conjunction, volume, within, regime);
                    staying[secondary.NoradCatId] = (stay.Index, conjunction);
                }
                continue;
            }
            var inVolume = volume.NormalisedDistanceSquared(conjunction.RadialKm, conjunction.InTrackKm, conjunction.CrossTrackKm) <= 1.0;
            UnannouncedApproach? unannounced = null;
            // Deliberate approaches matter where someone operates one of the objects.
            var operated = primary.OperatorId is not null || secondary.OperatorId is not null;
            if (operated && conjunction.MissDistanceKm <= criteria.DistanceKm)
            {
                unannounced = Deliberate(primary, secondary, conjunction, subject, criteria);
            }
            if (!inVolume && unannounced is null)
            {
                continue;
            }
            if (unannounced is not null)
            {
                staying[secondary.NoradCatId] = (candidates.Count, conjunction);
            }
            candidates.Add(Describe(primary, secondary, conjunction, volume, unannounced, regime));
        }
        return candidates;
    }

    private static UnannouncedApproach? Deliberate(
        ScreenedObject primary, ScreenedObject secondary, Conjunction conjunction, ScreenSubject subject, ProximityCriteria criteria)
    {
        var interval = ProximityDetector.Around(primary.Trajectory, secondary.Trajectory, conjunction, subject.SpanStart, subject.SpanEnd, criteria);
        if (interval is not { IsFlagged: true })
        {
            return null;
        }
        var why = interval.Flags.HasFlag(ProximityFlags.Dwell)
            ? $"stays within {criteria.DistanceKm:0.#} km for {Hours(interval.Duration)} (deliberate beyond {Hours(criteria.MinimumDwell)})"
            : $"comes within {interval.MinimumRangeKm:0.###} km at {interval.MinimumRelativeSpeedKmPerS * 1000:0.#} m/s (deliberate below {criteria.LowRelativeSpeedKmPerS * 1000:0.#} m/s)";
        return new UnannouncedApproach(
            interval.Start, interval.End, criteria.DistanceKm, interval.MinimumRangeKm, interval.MinimumRelativeSpeedKmPerS * 1000,
            $"{secondary.Name ?? secondary.NoradCatId.ToString(System.Globalization.CultureInfo.InvariantCulture)} {why}, and no proximity-operation notice covers it");
    }

    private static string Hours(TimeSpan span) => span.TotalHours >= 1 ? $"{span.TotalHours:0.#} h" : $"{span.TotalMinutes:0} min";

    /// <summary>
    /// The perigee altitude and regime of a trajectory from its osculating elements at a time (whatever gives it: element
    /// sets after their burns, or an ephemeris); the perigee picks the Space-Track volume. Osculating and mean perigees
    /// differ by some 10 km in LEO, which moves the volume only for orbits at a band's edge.
    /// </summary>
    private static (double PerigeeKm, OrbitalRegime Regime) Shape(Trajectory trajectory, DateTime at)
    {
        if (trajectory.StateAt(at, out var state) != Sgp4Error.None || OsculatingElements.FromState(state) is not { } elements)
        {
            return (0, OrbitalRegime.Leo);
        }
        return (elements.SemiMajorAxisKm * (1 - elements.Eccentricity) - EarthConstants.EquatorialRadiusKm,
            OrbitalRegimeClassifier.Classify(elements.SemiMajorAxisKm, elements.Eccentricity, elements.InclinationDeg));
    }

    private static AlertCandidate Describe(
        ScreenedObject primary, ScreenedObject secondary, Conjunction conjunction, ScreeningVolume volume, UnannouncedApproach? unannounced, OrbitalRegime regime)
    {
        var tca = conjunction.TimeOfClosestApproach;
        primary.Trajectory.StateAt(tca, out var p);
        secondary.Trajectory.StateAt(tca, out var s);
        var combinedRadius = primary.HardBodyRadiusM + secondary.HardBodyRadiusM;
        var probability = CollisionProbabilityCalculator.MaximumForHardBodyRadius(p, s, combinedRadius);
        return new AlertCandidate(
            Side(primary, p), Side(secondary, s), tca, conjunction.MissDistanceKm * 1000,
            new RtnVector(conjunction.RadialKm * 1000, conjunction.InTrackKm * 1000, conjunction.CrossTrackKm * 1000),
            conjunction.RelativeSpeedKmPerS * 1000,
            new VolumeInfo("ELLIPSOID", volume.RadialKm, volume.InTrackKm, volume.CrossTrackKm),
            new CollisionEstimate(ProbabilityKind.MaximumForHardBodyRadius, probability.Value, probability.Method, combinedRadius),
            unannounced, regime);
    }

    /// <summary>One side of the alert; its state at TCA only where its owner shares it.</summary>
    private static AlertObject Side(ScreenedObject screened, StateVector state) => new(
        new SpaceObjectRef(screened.NoradCatId >= NoticeSubjects.UncataloguedBase ? 0 : screened.NoradCatId, screened.CosparId, screened.Name),
        screened.OperatorId, screened.Maneuverable, screened.HardBodyRadiusM, screened.Source, screened.DataEpoch,
        screened.Sharing == SharingPolicy.FullState
            ? new StateAtTca(state.PositionKm.X, state.PositionKm.Y, state.PositionKm.Z, state.VelocityKmPerS.X, state.VelocityKmPerS.Y, state.VelocityKmPerS.Z)
            : null,
        null);
}

using NotificationExchange.Alerts.Ephemerides;
using NotificationExchange.Ccsds.Oem;
using NotificationExchange.Domain.Alerts;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Registry;
using NotificationExchange.Orbits;
using NotificationExchange.Orbits.Maneuvers;
using NotificationExchange.Orbits.Propagation;
using NotificationExchange.Orbits.Screening;

namespace NotificationExchange.Alerts.Screening;

/// <summary>
/// What a notice asks to screen: the trajectories it says its objects will follow, each with its span, or the reasons
/// it says too little (the notice is accepted all the same, and its filer is told). A maneuver needs its object's orbit
/// (in the notice, or the operator's registration) and a delta-v with a direction; a proximity operation the chaser's
/// orbit and its planned maneuvers; a launch each payload's insertion orbit with epoch and every angle.
/// </summary>
public static class NoticeSubjects
{
    /// <summary>
    /// Catalogue numbers a launch's payloads and stages are screened under until they are catalogued: above the range
    /// a catalogue number can take (339,999), so that they never meet a real object's number.
    /// </summary>
    public const int UncataloguedBase = 900_000;

    /// <summary>
    /// The subjects of a notification's notice; <paramref name="known"/> gives an object as the exchange knows it
    /// (registration, else catalogue), <paramref name="plannedEphemeris"/> the notice's planned ephemeris (an OEM kept
    /// with it) when it has one, screened in place of the orbit and burns.
    /// </summary>
    public static (IReadOnlyList<ScreenSubject> Subjects, IReadOnlyList<string> Reasons) For(
        Notification notification, Func<int, ScreenedObject?> known, ScreeningOptions options, string? plannedEphemeris = null)
    {
        var reasons = new List<string>();
        var subjects = new List<ScreenSubject>();
        var after = TimeSpan.FromDays(Math.Max(7, options.DaysAfterActivity));
        switch (notification.Content)
        {
            case ManeuverNotice { Object: { } planned, ExecutionWindow: { Start: { } burnFrom, End: { } burnTo } } when plannedEphemeris is not null:
                if (Planned(planned, plannedEphemeris, "planned_ephemeris_oem", notification.FilingOperator, known, options.DefaultHardBodyRadiusM, reasons) is { } ephemeris)
                {
                    subjects.Add(new ScreenSubject(ephemeris, burnFrom, burnTo + after, new HashSet<int>()));
                }
                break;
            case ProximityOperationNotice { Chaser: { } chasing, OperationsWindow: { Start: { } opsFrom, End: { } opsTo } } rpo when plannedEphemeris is not null:
                if (Planned(chasing, plannedEphemeris, "planned_ephemeris_oem", notification.FilingOperator, known, options.DefaultHardBodyRadiusM, reasons) is { } path)
                {
                    subjects.Add(new ScreenSubject(path, opsFrom, opsTo + after, Declared(notification, rpo, known)));
                }
                break;
            case ManeuverNotice maneuver:
                if (Maneuvered(maneuver, notification.FilingOperator, known, options.DefaultHardBodyRadiusM, reasons) is { } screened
                    && maneuver.ExecutionWindow is { Start: { } start, End: { } end })
                {
                    subjects.Add(new ScreenSubject(screened, start, end + after, new HashSet<int>()));
                }
                break;
            case ProximityOperationNotice rpo:
                if (Chaser(rpo, notification.FilingOperator, known, options.DefaultHardBodyRadiusM, reasons) is { } chaser
                    && rpo.OperationsWindow is { Start: { } from, End: { } to })
                {
                    subjects.Add(new ScreenSubject(chaser, from, to + after, Declared(notification, rpo, known)));
                }
                break;
            case LaunchNotice launch:
                subjects.AddRange(Launched(launch, notification.FilingOperator, options, reasons));
                break;
        }
        return (subjects, reasons);
    }

    /// <summary>
    /// The target whose approach the notice declares, left out of its own screen: only when the notice's audience in
    /// force admits the target's operator (<see cref="NoticeDisclosure.Declares"/>); otherwise it is screened.
    /// </summary>
    private static HashSet<int> Declared(Notification notification, ProximityOperationNotice rpo, Func<int, ScreenedObject?> known) =>
        rpo.Target is { } target && NoticeDisclosure.Declares(notification.InForce, known(target.NoradCatId)?.OperatorId)
            ? [target.NoradCatId]
            : [];

    private static ScreenedObject? Maneuvered(ManeuverNotice notice, string filer, Func<int, ScreenedObject?> known, double defaultRadiusM, List<string> reasons)
    {
        if (notice.Object is not { } subject || notice.ExecutionWindow?.Start is not { } ignition)
        {
            return null;
        }
        var before = Orbit(subject, notice.CurrentOrbit, "maneuver.current_orbit", filer, known, defaultRadiusM, reasons);
        if (notice.PlannedDeltaV?.ComponentsMps is not { } dv)
        {
            reasons.Add("maneuver.planned_delta_v.components_mps: the delta-v has no direction (radial, in-track, cross-track components), so the orbit after the burn is unknown");
            return null;
        }
        if (before is null)
        {
            return null;
        }
        return before with
        {
            Trajectory = new ImpulsiveManeuver(ignition, dv.Radial, dv.InTrack, dv.CrossTrack).ApplyTo(before.Trajectory),
            Source = OrbitSource.Notification,
        };
    }

    private static ScreenedObject? Chaser(ProximityOperationNotice notice, string filer, Func<int, ScreenedObject?> known, double defaultRadiusM, List<string> reasons)
    {
        if (notice.Chaser is not { } chaser)
        {
            return null;
        }
        var orbit = Orbit(chaser, notice.ChaserOrbit, "proximity_operation.chaser_orbit", filer, known, defaultRadiusM, reasons);
        if (orbit is null)
        {
            return null;
        }
        if (notice.PlannedManeuvers.Count == 0)
        {
            reasons.Add("proximity_operation.planned_maneuvers: no planned maneuvers, so the chaser's path during the operations is unknown (give its burns or its planned ephemeris)");
            return null;
        }
        var burns = notice.PlannedManeuvers
            .Where(b => b is { Ignition: not null, DeltaVMps: not null })
            .Select(b => new ImpulsiveManeuver(b.Ignition!.Value, b.DeltaVMps!.Radial, b.DeltaVMps.InTrack, b.DeltaVMps.CrossTrack));
        return orbit with { Trajectory = ImpulsiveManeuver.ApplyAll(orbit.Trajectory, burns), Source = OrbitSource.Notification };
    }

    private static IEnumerable<ScreenSubject> Launched(LaunchNotice notice, string filer, ScreeningOptions options, List<string> reasons)
    {
        var span = TimeSpan.FromDays(options.LaunchDays);
        var index = 0;
        var named = notice.PayloadOrbits.Select((p, i) => (Name: p.PayloadName ?? $"payload {i + 1}", Orbit: p.InsertionOrbit, At: $"launch.payload_orbits[{i}].insertion_orbit"))
            .Concat(notice.StageOrbits.Select((s, i) => (Name: s.Name ?? $"stage {i + 1}", Orbit: s.InsertionOrbit, At: $"launch.stage_orbits[{i}].insertion_orbit")));
        foreach (var (name, orbit, at) in named)
        {
            index++;
            if (orbit is null)
            {
                reasons.Add($"{at}: not given, so {name} cannot be screened");
                continue;
            }
            if (Elements(orbit, UncataloguedBase + index, at, reasons) is not { } elements)
            {
                continue;
            }
            var screened = new ScreenedObject(
                UncataloguedBase + index, name, null, new Trajectory(new Sgp4Propagator(elements), name), OrbitSource.Notification, elements.Epoch,
                filer, null, options.DefaultHardBodyRadiusM, SharingPolicy.FullState);
            yield return new ScreenSubject(screened, elements.Epoch, elements.Epoch + span, new HashSet<int>());
        }
    }

    /// <summary>The object's planned ephemeris as its trajectory; null (with the reasons) when it cannot be used.</summary>
    private static ScreenedObject? Planned(
        SpaceObjectRef subject, string oem, string at, string filer, Func<int, ScreenedObject?> known, double defaultRadiusM, List<string> reasons)
    {
        if (!OemReader.TryRead(oem, out var message, out var errors))
        {
            reasons.Add($"{at}: cannot be read: {string.Join("; ", errors.Take(3))}");
            return null;
        }
        if (!OemTrajectory.TryMap(message!, subject.NoradCatId, out var trajectory, out var problems))
        {
            reasons.Add($"{at}: cannot be screened: {string.Join("; ", problems.Take(3))}");
            return null;
        }
        var current = known(subject.NoradCatId);
        var registered = current?.Source == OrbitSource.Registration ? current : null;
        return new ScreenedObject(subject.NoradCatId, subject.Name, subject.CosparId, trajectory!, OrbitSource.Notification,
            trajectory!.Ephemeris!.Start, registered?.OperatorId ?? filer, registered?.Maneuverable,
            current?.HardBodyRadiusM ?? defaultRadiusM, SharingPolicy.FullState);
    }

    /// <summary>The object's orbit before anything the notice plans: the notice's own, else its operator's registration.</summary>
    private static ScreenedObject? Orbit(
        SpaceObjectRef subject, OrbitSpec? given, string at, string filer, Func<int, ScreenedObject?> known, double defaultRadiusM, List<string> reasons)
    {
        // The object as the exchange knows it (registration, else catalogue): its operator, radius and policy stand,
        // and its orbit stands in when the notice gives none.
        var current = known(subject.NoradCatId);
        var registered = current?.Source == OrbitSource.Registration ? current : null;
        var operatorId = registered?.OperatorId ?? filer;
        var radius = current?.HardBodyRadiusM ?? defaultRadiusM;
        // What a notification says is shared with its audience, and the catalogue is public: the states derived from them
        // are shown (an alert from a notice whose audience leaves out one of its parties drops them: NoticeDisclosure).
        // The registration's data keeps its owner's policy.
        var sharing = registered?.Sharing ?? SharingPolicy.FullState;
        switch (given)
        {
            case TleOrbit tle:
                var parsed = Sgp4Elements.FromTle(tle.Parse());
                return new ScreenedObject(subject.NoradCatId, subject.Name, subject.CosparId, new Trajectory(new Sgp4Propagator(parsed with { CatalogNumber = subject.NoradCatId }), subject.Name),
                    OrbitSource.Notification, parsed.Epoch, operatorId, registered?.Maneuverable, radius, SharingPolicy.FullState);
            case MeanElementsOrbit mean:
                return Elements(mean, subject.NoradCatId, at, reasons) is { } elements
                    ? new ScreenedObject(subject.NoradCatId, subject.Name, subject.CosparId, new Trajectory(new Sgp4Propagator(elements), subject.Name),
                        OrbitSource.Notification, elements.Epoch, operatorId, registered?.Maneuverable, radius, SharingPolicy.FullState)
                    : null;
            case null when current is not null:
                return current with { OperatorId = operatorId, Sharing = sharing };
            default:
                reasons.Add($"{at}: not given, and object {subject.NoradCatId} is neither registered nor in the reference catalogue");
                return null;
        }
    }

    /// <summary>
    /// Mean elements as SGP4 takes them. The notice's elements are taken as SGP4 (Kozai) mean elements with no drag
    /// term: a semi-major axis becomes the mean motion sqrt(mu / a^3), apsides a semi-major axis and eccentricity over
    /// the WGS-72 radius.
    /// </summary>
    private static Sgp4Elements? Elements(MeanElementsOrbit orbit, int catalogNumber, string at, List<string> reasons)
    {
        if (orbit.Epoch is not { } epoch)
        {
            reasons.Add($"{at}.epoch: not given, so the orbit cannot be placed in time");
            return null;
        }
        double a, e;
        if (orbit.GivesSemiMajorAxis)
        {
            a = orbit.SemiMajorAxisKm ?? 0;
            e = orbit.Eccentricity ?? 0;
        }
        else
        {
            var rp = EarthConstants.EquatorialRadiusKm + (orbit.PerigeeAltitudeKm ?? 0);
            var ra = EarthConstants.EquatorialRadiusKm + (orbit.ApogeeAltitudeKm ?? 0);
            a = (rp + ra) / 2;
            e = (ra - rp) / (ra + rp);
        }
        return Sgp4Elements.FromMeanElements(catalogNumber, epoch, EarthConstants.MeanMotionFromSemiMajorAxisKm(a), e, orbit.InclinationDeg, orbit.RaanDeg, orbit.ArgOfPerigeeDeg, orbit.MeanAnomalyDeg, 0.0);
    }
}

using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Notifications;

/// <summary>
/// The rules an execution report must satisfy, as of <c>now</c> (it reports what has happened), for a notification of
/// the given kind: its details must be of that kind.
/// </summary>
internal static class ExecutionReportValidation
{
    public static void Validate(ExecutionReport report, NotificationKind kind, DateTime now, ValidationErrors errors)
    {
        const string path = "report";
        errors.KnownEnum($"{path}.outcome", report.Outcome);
        errors.OptionalText($"{path}.remarks", report.Remarks, NotificationValidator.LongTextLength);
        switch (report.Details)
        {
            case null:
                errors.Add(path, $"the {Describe(kind)} details (report.{kind.FieldName()}) are required");
                return;
            case var details when details.Kind != kind:
                errors.Add($"{path}.{details.FieldName}", $"is a {Describe(details.Kind)} report but the notification is a {Describe(kind)}");
                return;
            case ManeuverExecution maneuver:
                TimeValidation.Past($"{path}.maneuver.actual_window", maneuver.ActualWindow, now, errors);
                if (maneuver.AchievedDeltaV is not null)
                {
                    DeltaVValidation.Validate($"{path}.maneuver.achieved_delta_v", maneuver.AchievedDeltaV, errors);
                }
                OrbitSpecValidation.Validate($"{path}.maneuver.achieved_orbit", maneuver.AchievedOrbit, errors);
                break;
            case ProximityOperationExecution rpo:
                TimeValidation.Past($"{path}.proximity_operation.actual_window", rpo.ActualWindow, now, errors);
                if (rpo.ActualClosestApproachM is { } approach)
                {
                    errors.InRange($"{path}.proximity_operation.actual_closest_approach_m", approach, 0, 1e9, "m");
                }
                break;
            case LaunchExecution launch:
                if (launch.LiftoffTime is not { } liftoff)
                {
                    errors.Add($"{path}.launch.liftoff_time", "is required");
                }
                else if (TimeValidation.Accepted($"{path}.launch.liftoff_time", liftoff, errors) && liftoff > now + NotificationValidator.ReportClockTolerance)
                {
                    errors.Add($"{path}.launch.liftoff_time", $"{TimeValidation.Format(liftoff)} is in the future; report what has happened");
                }
                SpaceObjectValidation.ValidateList($"{path}.launch.deployed_objects", launch.DeployedObjects, errors);
                break;
        }
    }

    private static string Describe(NotificationKind kind) => kind.FieldName().Replace('_', ' ');
}

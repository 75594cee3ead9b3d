using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Notifications;

/// <summary>The rules a maneuver notice must satisfy, as of <c>now</c> (its window must still be to come).</summary>
internal static class ManeuverNoticeValidation
{
    public static void Validate(ManeuverNotice notice, DateTime now, ValidationErrors errors)
    {
        const string p = "maneuver";
        SpaceObjectValidation.Validate($"{p}.object", notice.Object, errors);
        TimeValidation.Planned($"{p}.execution_window", notice.ExecutionWindow, now, errors);
        errors.KnownEnum($"{p}.purpose", notice.Purpose);
        if (notice.PlannedDeltaV is null)
        {
            errors.Add($"{p}.planned_delta_v", "is required");
        }
        else
        {
            DeltaVValidation.Validate($"{p}.planned_delta_v", notice.PlannedDeltaV, errors);
        }
        OrbitSpecValidation.Validate($"{p}.current_orbit", notice.CurrentOrbit, errors);
        OrbitSpecValidation.Validate($"{p}.expected_orbit", notice.ExpectedOrbit, errors);
        errors.OptionalText($"{p}.remarks", notice.Remarks, NotificationValidator.LongTextLength);
        if (notice.Purpose == ManeuverPurpose.Other && string.IsNullOrWhiteSpace(notice.Remarks))
        {
            errors.Add($"{p}.remarks", "is required when purpose is OTHER: say what the maneuver is for");
        }
        ContactValidation.Validate($"{p}.contact", notice.Contact, errors);
    }
}

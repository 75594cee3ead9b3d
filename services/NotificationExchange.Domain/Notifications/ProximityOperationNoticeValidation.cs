using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Notifications;

/// <summary>
/// The rules a proximity-operation notice must satisfy, as of <c>now</c> (its window must still be to come): the
/// objects, the consent, and the approach plan against the closest approach and the keep-out radius.
/// </summary>
internal static class ProximityOperationNoticeValidation
{
    public static void Validate(ProximityOperationNotice notice, DateTime now, ValidationErrors errors)
    {
        const string p = "proximity_operation";
        SpaceObjectValidation.Validate($"{p}.chaser", notice.Chaser, errors);
        SpaceObjectValidation.Validate($"{p}.target", notice.Target, errors);
        if (notice.Chaser is not null && notice.Target is not null && notice.Chaser.NoradCatId == notice.Target.NoradCatId)
        {
            errors.Add($"{p}.target.norad_cat_id", "is the chaser's own catalogue number");
        }
        errors.OptionalText($"{p}.target_operator", notice.TargetOperator, NotificationValidator.ShortTextLength, allowLineBreaks: false);
        errors.KnownEnum($"{p}.consent", notice.Consent);
        errors.OptionalText($"{p}.consent_reference", notice.ConsentReference, 256, allowLineBreaks: false);
        if (notice.Consent == TargetConsent.Cooperative && string.IsNullOrWhiteSpace(notice.ConsentReference))
        {
            errors.Add($"{p}.consent_reference", "is required when consent is COOPERATIVE: cite the target operator's agreement");
        }
        TimeValidation.Planned($"{p}.operations_window", notice.OperationsWindow, now, errors);
        errors.InRange($"{p}.planned_closest_approach_m", notice.PlannedClosestApproachM, 0, 1e9, "m");
        var docking = notice.Purpose == ProximityOperationPurpose.Docking
            || notice.Phases.Any(phase => phase.Type == ApproachPhaseType.DockingOrCapture);
        if (!docking && notice.PlannedClosestApproachM == 0)
        {
            errors.Add($"{p}.planned_closest_approach_m", "0 m is contact: only a docking or capture plans to come to 0 m");
        }
        if (notice.KeepOutRadiusM is { } keepOut)
        {
            errors.InRange($"{p}.keep_out_radius_m", keepOut, 0, 1e9, "m");
            if (!docking && keepOut > 0 && notice.PlannedClosestApproachM < keepOut)
            {
                errors.Add($"{p}.planned_closest_approach_m",
                    $"{notice.PlannedClosestApproachM} m is inside the keep-out radius of {keepOut} m, and no docking or capture is planned");
            }
        }
        if (notice.Phases.Count > NotificationValidator.MaxListLength)
        {
            errors.Add($"{p}.phases", $"has {notice.Phases.Count} entries; at most {NotificationValidator.MaxListLength} allowed");
        }
        for (var i = 0; i < notice.Phases.Count; i++)
        {
            var phase = notice.Phases[i];
            var at = $"{p}.phases[{i}]";
            errors.KnownEnum($"{at}.type", phase.Type);
            errors.InRange($"{at}.range_m", phase.RangeM, 0, 1e9, "m");
            if (phase.Type != ApproachPhaseType.DockingOrCapture && phase.RangeM == 0)
            {
                errors.Add($"{at}.range_m", "is required: above 0 m for every phase but docking or capture");
            }
            else if (phase.Type != ApproachPhaseType.DockingOrCapture && phase.RangeM < notice.PlannedClosestApproachM)
            {
                errors.Add($"{at}.range_m",
                    $"{phase.RangeM} m is closer than planned_closest_approach_m ({notice.PlannedClosestApproachM} m)");
            }
            if (phase.Window is not null)
            {
                TimeValidation.Ordered($"{at}.window", phase.Window, errors);
                var ops = notice.OperationsWindow;
                if (ops?.Start is not null && ops.End is not null && phase.Window.Start is not null && phase.Window.End is not null
                    && (phase.Window.Start < ops.Start || phase.Window.End > ops.End))
                {
                    errors.Add($"{at}.window", "lies outside operations_window");
                }
            }
            errors.OptionalText($"{at}.description", phase.Description, 500);
        }
        errors.RequiredText($"{p}.abort_plan", notice.AbortPlan, NotificationValidator.AbortPlanLength);
        errors.KnownEnum($"{p}.purpose", notice.Purpose);
        errors.OptionalText($"{p}.purpose_description", notice.PurposeDescription, NotificationValidator.LongTextLength);
        if (notice.Purpose == ProximityOperationPurpose.Other && string.IsNullOrWhiteSpace(notice.PurposeDescription))
        {
            errors.Add($"{p}.purpose_description", "is required when purpose is OTHER");
        }
        OrbitSpecValidation.Validate($"{p}.chaser_orbit", notice.ChaserOrbit, errors);
        ContactValidation.Validate($"{p}.contact", notice.Contact, errors);
        ValidatePlannedManeuvers($"{p}.planned_maneuvers", notice.PlannedManeuvers, notice.OperationsWindow, errors);
    }

    /// <summary>
    /// The chaser's planned burns: each with an ignition inside the operations window and a velocity change that is not
    /// nothing, each after the one before (a screen applies them in the order given).
    /// </summary>
    private static void ValidatePlannedManeuvers(string p, IReadOnlyList<PlannedBurn> burns, TimeWindow? operations, ValidationErrors errors)
    {
        if (burns.Count > NotificationValidator.MaxListLength)
        {
            errors.Add(p, $"has {burns.Count} entries; at most {NotificationValidator.MaxListLength} allowed");
        }
        // the last burn found in order: a burn out of place is named once, not again through the ones after it
        (DateTime Ignition, int Index)? previous = null;
        for (var i = 0; i < burns.Count; i++)
        {
            var burn = burns[i];
            var at = $"{p}[{i}]";
            if (burn.Ignition is not { } ignition)
            {
                errors.Add($"{at}.ignition", "is required");
            }
            else if (TimeValidation.Accepted($"{at}.ignition", ignition, errors))
            {
                if (operations is { Start: { } start, End: { } end } && (ignition < start || ignition > end))
                {
                    errors.Add($"{at}.ignition",
                        $"{TimeValidation.Format(ignition)} lies outside operations_window ({TimeValidation.Format(start)} to {TimeValidation.Format(end)})");
                }
                else if (previous is { } before && ignition <= before.Ignition)
                {
                    errors.Add($"{at}.ignition",
                        $"{TimeValidation.Format(ignition)} is not after planned_maneuvers[{before.Index}].ignition {TimeValidation.Format(before.Ignition)}: burns are listed in time order");
                }
                else
                {
                    previous = (ignition, i);
                }
            }
            if (burn.DeltaVMps is not { } deltaV)
            {
                errors.Add($"{at}.delta_v_mps", "is required");
            }
            else
            {
                DeltaVValidation.ValidateComponents($"{at}.delta_v_mps", deltaV, errors);
                if (deltaV is { Radial: 0, InTrack: 0, CrossTrack: 0 })
                {
                    errors.Add($"{at}.delta_v_mps", "is zero in every component: a planned burn changes the velocity");
                }
            }
        }
    }
}

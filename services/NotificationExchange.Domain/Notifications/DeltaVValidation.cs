using System.Globalization;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Notifications;

/// <summary>The rules for a delta-v, planned or achieved: magnitude, components, and that they agree.</summary>
public static class DeltaVValidation
{
    private const double MaxDeltaVMps = 20_000.0;

    public static void Validate(string at, DeltaV deltaV, ValidationErrors errors)
    {
        errors.InRange($"{at}.magnitude_mps", deltaV.MagnitudeMps, 0, MaxDeltaVMps, "m/s");
        if (deltaV.ComponentsMps is not { } components)
        {
            return;
        }
        ValidateComponents($"{at}.components_mps", components, errors);
        var norm = components.Norm;
        if (double.IsFinite(norm) && double.IsFinite(deltaV.MagnitudeMps) && Math.Abs(norm - deltaV.MagnitudeMps) > Math.Max(0.01, 0.01 * deltaV.MagnitudeMps))
        {
            errors.Add($"{at}.components_mps",
                $"the components' norm is {norm.ToString("0.###", CultureInfo.InvariantCulture)} m/s but magnitude_mps is {deltaV.MagnitudeMps} m/s");
        }
    }

    /// <summary>The components of a velocity change in the RTN frame, each within what any delta-v may be.</summary>
    public static void ValidateComponents(string at, RtnVector components, ValidationErrors errors)
    {
        errors.InRange($"{at}.radial", components.Radial, -MaxDeltaVMps, MaxDeltaVMps, "m/s");
        errors.InRange($"{at}.in_track", components.InTrack, -MaxDeltaVMps, MaxDeltaVMps, "m/s");
        errors.InRange($"{at}.cross_track", components.CrossTrack, -MaxDeltaVMps, MaxDeltaVMps, "m/s");
    }
}

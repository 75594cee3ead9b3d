using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Registry;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Alerts.Registry;

/// <summary>
/// Checks a registration as a whole, naming every fault by its wire path (object.norad_cat_id, hard_body_radius_m,
/// orbit.tle.line1, ...), and reads it into the registration it asks for.
/// </summary>
public static class RegistrationReading
{
    /// <summary>The largest hard-body radius, metres: a sphere enclosing the largest structures in orbit.</summary>
    public const double MaxHardBodyRadiusM = 1000;

    /// <summary>The times of a registration not yet written (UTC, as every stored time must be).</summary>
    public static readonly DateTime Unstamped = new(0, DateTimeKind.Utc);

    /// <summary>
    /// The registration asked for, its times left <see cref="Unstamped"/>: the write stamps them, so that a
    /// retry reads into the same registration (and the same fingerprint). Throws INVALID_ARGUMENT naming every fault,
    /// with those <paramref name="errors"/> already holds.
    /// </summary>
    public static RegisteredObject Read(ObjectRegistration registration, ValidationErrors errors)
    {
        SpaceObjectValidation.Validate("object", registration.Object, errors);
        var radius = registration.HardBodyRadiusM;
        if (!double.IsFinite(radius) || radius <= 0 || radius > MaxHardBodyRadiusM)
        {
            errors.Add("hard_body_radius_m", $"{radius} m is outside the range above 0 and at most {MaxHardBodyRadiusM} m");
        }
        if (registration.Sharing is { } sharing && !Enum.IsDefined(sharing))
        {
            errors.Add("sharing", $"unknown value {(int)sharing}");
        }
        var noradCatId = errors.Violations.Any(v => v.Field is "object" or "object.norad_cat_id") ? 0 : registration.Object!.NoradCatId;
        var orbit = RegisteredOrbitReader.Read("orbit", registration.Orbit, noradCatId, errors);
        errors.ThrowIfAny();
        var spaceObject = registration.Object!;
        return new RegisteredObject(
            spaceObject with { CosparId = Blank(spaceObject.CosparId), Name = Blank(spaceObject.Name) },
            registration.OperatorId,
            registration.Maneuverable,
            radius,
            orbit!.Form,
            orbit.Text,
            orbit.Epoch,
            registration.Sharing ?? SharingPolicy.DerivedOnly,
            orbit.Regime,
            Unstamped,
            Unstamped);
    }

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;
}

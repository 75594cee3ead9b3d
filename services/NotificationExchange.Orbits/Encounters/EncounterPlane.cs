using NotificationExchange.Orbits.Geometry;

namespace NotificationExchange.Orbits.Encounters;

/// <summary>
/// The plane through the primary perpendicular to the relative velocity at TCA (the short-encounter model: straight
/// relative motion, so only the position error across the relative velocity matters). Axis x runs along the relative
/// position's part in the plane (the miss), z along x × v̂; a zero miss takes any perpendicular as x.
/// </summary>
internal readonly record struct EncounterPlane(Vector3d XAxis, Vector3d ZAxis, double MissM)
{
    public static EncounterPlane From(StateVector primary, StateVector secondary)
    {
        var relativePositionM = (secondary.PositionKm - primary.PositionKm) * 1000.0;
        var relativeVelocity = secondary.VelocityKmPerS - primary.VelocityKmPerS;
        if (!(relativeVelocity.Length > 0.0))
        {
            throw new ArgumentException(
                "the two objects have the same velocity at TCA: there is no encounter plane (the 2D method needs relative motion)",
                nameof(secondary));
        }
        var along = relativeVelocity.Normalized();
        var inPlane = relativePositionM - along * Vector3d.Dot(relativePositionM, along);
        var miss = inPlane.Length;
        Vector3d x;
        if (miss > 0.0)
        {
            x = inPlane / miss;
        }
        else
        {
            // any unit vector perpendicular to the relative velocity: cross with the axis it is least aligned with
            var axis = Math.Abs(along.X) < 0.9 ? new Vector3d(1, 0, 0) : new Vector3d(0, 1, 0);
            x = Vector3d.Cross(along, axis).Normalized();
        }
        var z = Vector3d.Cross(x, along);
        return new EncounterPlane(x, z, miss);
    }
}

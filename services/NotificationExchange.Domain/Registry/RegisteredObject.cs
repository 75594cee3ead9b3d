using NotificationExchange.Domain.Notifications;
using NotificationExchange.Orbits.Regimes;

namespace NotificationExchange.Domain.Registry;

/// <summary>
/// An object an organisation operates, with the orbit data it gave. One operator per object: the registry refuses a
/// second organisation's claim (an administrator resolves it). Registered orbit data is the operator's own and
/// outranks the public catalogue for that object in every screen.
/// </summary>
public sealed record RegisteredObject(
    SpaceObjectRef Object,
    string OperatorId,
    bool Maneuverable,
    double HardBodyRadiusM,
    OrbitForm OrbitForm,
    string OrbitText,
    DateTime OrbitEpoch,
    SharingPolicy Sharing,
    OrbitalRegime Regime,
    DateTime RegisteredAt,
    DateTime UpdatedAt)
{
    public int NoradCatId => Object.NoradCatId;
}

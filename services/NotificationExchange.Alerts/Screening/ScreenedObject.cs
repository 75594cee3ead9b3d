using NotificationExchange.Domain.Alerts;
using NotificationExchange.Domain.Registry;
using NotificationExchange.Orbits.Screening;

namespace NotificationExchange.Alerts.Screening;

/// <summary>
/// An object as screening knows it: its trajectory and where that came from, and what an alert needs to say about it
/// (operator, hard-body radius, whether its state may be shown to the other party).
/// </summary>
public sealed record ScreenedObject(
    int NoradCatId,
    string? Name,
    string? CosparId,
    Trajectory Trajectory,
    OrbitSource Source,
    DateTime DataEpoch,
    string? OperatorId,
    bool? Maneuverable,
    double HardBodyRadiusM,
    SharingPolicy Sharing);

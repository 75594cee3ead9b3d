using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Registry;

namespace NotificationExchange.Alerts.Registry;

/// <summary>
/// A registration as the caller gave it, before any check: what <see cref="RegistrationReading"/> turns into a
/// <see cref="RegisteredObject"/>. Absent parts are null (the check names them); an unspecified sharing policy is
/// null, which reads as <see cref="SharingPolicy.DerivedOnly"/>.
/// </summary>
public sealed record ObjectRegistration(
    string OperatorId,
    SpaceObjectRef? Object,
    bool Maneuverable,
    double HardBodyRadiusM,
    RegistrationOrbit? Orbit,
    SharingPolicy? Sharing);

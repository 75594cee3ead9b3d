using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Domain.Alerts;

/// <summary>
/// One object of an alert. <see cref="StateAtTca"/> is set only where the owner's sharing policy lets the other party
/// see it (catalogue objects always: their data is public); <see cref="Response"/> only for registered objects.
/// </summary>
public sealed record AlertObject(
    SpaceObjectRef Object,
    string? OperatorId,
    bool? Maneuverable,
    double HardBodyRadiusM,
    OrbitSource Source,
    DateTime DataEpoch,
    StateAtTca? StateAtTca,
    AlertResponse? Response);

namespace NotificationExchange.Domain.Alerts;

/// <summary>A position and velocity at TCA, TEME, km and km/s.</summary>
public sealed record StateAtTca(double XKm, double YKm, double ZKm, double XDotKmps, double YDotKmps, double ZDotKmps);

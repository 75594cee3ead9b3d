namespace NotificationExchange.Domain.Notifications;

/// <summary>One planned impulsive maneuver of a proximity operation's chaser: when, and the velocity change in its RTN frame (m/s).</summary>
public sealed record PlannedBurn(DateTime? Ignition, RtnVector? DeltaVMps);

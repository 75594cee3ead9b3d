namespace NotificationExchange.Domain.Alerts;

/// <summary>A collision probability and how it was obtained (method as CCSDS COLLISION_PROBABILITY_METHOD writes it).</summary>
public sealed record CollisionEstimate(ProbabilityKind Kind, double Value, string? Method, double CombinedHardBodyRadiusM);

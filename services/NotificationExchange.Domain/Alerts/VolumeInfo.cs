namespace NotificationExchange.Domain.Alerts;

/// <summary>The screening volume around the primary that the secondary entered (half-axes, km).</summary>
public sealed record VolumeInfo(string Shape, double RadialKm, double InTrackKm, double CrossTrackKm);

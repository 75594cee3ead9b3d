namespace NotificationExchange.Orbits.Screening;

/// <summary>How much work the filters left: objects, pairs past the apogee/perigee filter, plane windows, windows
/// that reached the fine search.</summary>
public sealed record ScreeningStatistics(int Objects, int PairsAfterApogeePerigee, long PlaneWindows, long WindowsSearched);

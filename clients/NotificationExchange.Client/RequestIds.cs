namespace NotificationExchange.Client;

/// <summary>
/// Request ids for changes. One logical operation gets one id, made once and kept on its request message, so that
/// every retry of it (gRPC's, or the caller's after a connection failure) carries the same id and the exchange applies
/// it at most once. The exchange accepts 1 to 64 characters of A-Z a-z 0-9 . _ - :.
/// </summary>
public static class RequestIds
{
    /// <summary>A new id: "nxc-" and 32 hex digits of a random GUID.</summary>
    public static string New() => $"nxc-{Guid.NewGuid():N}";

    /// <summary><paramref name="current"/> when the caller chose one, else a new id.</summary>
    public static string OrNew(string? current) => string.IsNullOrEmpty(current) ? New() : current;
}

namespace NotificationExchange.Client.Streams;

/// <summary>How one stream of a resilient subscription or conversation ended, when a reconnection may cure it: why
/// (one line), and whether it made progress first (brought a position beyond any received before, or an acceptance).</summary>
internal sealed record StreamDrop(string Reason, bool Progressed);

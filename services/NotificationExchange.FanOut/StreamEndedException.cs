namespace NotificationExchange.FanOut;

/// <summary>Why an open subscriber stream must end at once; each reason maps to its own status on the wire.</summary>
public abstract class StreamEndedException(string message) : Exception(message);

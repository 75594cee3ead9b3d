namespace NotificationExchange.Client.Streams;

/// <summary>A stream dropped and is being reopened: the attempt (1 for the first after a drop), the wait before it,
/// why it dropped (one line), and the position it resumes after.</summary>
public sealed record StreamReconnect(int Attempt, TimeSpan Delay, string Reason, ulong ResumeAfter);

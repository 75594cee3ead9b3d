namespace NotificationExchange.Domain.Consultations.DirectLines;

/// <summary>What a direct-line command made: the line as its write left it, or for a retry as its first attempt answered.</summary>
public sealed record DirectLineOutcome(DirectLine Line, bool Replayed);

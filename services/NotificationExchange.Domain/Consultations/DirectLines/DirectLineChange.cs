namespace NotificationExchange.Domain.Consultations.DirectLines;

/// <summary>What one event of a direct line records: the line as the change left it, and the organisation whose call made it.</summary>
public sealed record DirectLineChange(DirectLine Line, string Actor);

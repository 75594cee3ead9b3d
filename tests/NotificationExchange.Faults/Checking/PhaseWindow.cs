namespace NotificationExchange.Faults.Checking;

/// <summary>When a phase ran: it began filing at <paramref name="Start"/>, measured its normal latency from
/// <paramref name="BaselineStart"/> to <paramref name="FaultStart"/>, suffered its fault until
/// <paramref name="FaultEnd"/>, and settled until <paramref name="End"/>.</summary>
public sealed record PhaseWindow(int Phase, string Fault, DateTime Start, DateTime BaselineStart, DateTime FaultStart, DateTime FaultEnd, DateTime End);

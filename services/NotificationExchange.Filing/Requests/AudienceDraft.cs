namespace NotificationExchange.Filing.Requests;

/// <summary>An audience as the wire carried it: the scope's number as sent (0 when unset) and the organisations.</summary>
public sealed record AudienceDraft(int Scope, IReadOnlyList<string> Organizations);

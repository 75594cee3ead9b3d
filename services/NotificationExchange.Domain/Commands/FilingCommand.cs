namespace NotificationExchange.Domain.Commands;

/// <summary>
/// A change an operator asks for, checked: every value that could be checked without the store has been (the types
/// say what a change needs, non-null), and what it brings for the new version is in its stored form. The request id
/// makes it idempotent per operator. Filing builds it from the request's draft, which is where a request is checked.
/// </summary>
public abstract record FilingCommand(string OperatorId, string RequestId);

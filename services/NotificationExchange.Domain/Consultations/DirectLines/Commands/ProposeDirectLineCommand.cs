namespace NotificationExchange.Domain.Consultations.DirectLines.Commands;

/// <summary>Proposes a standing line from the caller to <see cref="Counterpart"/>, for <see cref="Purpose"/>.</summary>
public sealed record ProposeDirectLineCommand(string RequestId, string OrganizationId, string Counterpart, string Purpose);

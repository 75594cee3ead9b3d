namespace NotificationExchange.Domain.Consultations.DirectLines.Commands;

/// <summary>The line's counterpart accepts it: ACTIVE from then on.</summary>
public sealed record AcceptDirectLineCommand(string RequestId, string OrganizationId, string DirectLineId);

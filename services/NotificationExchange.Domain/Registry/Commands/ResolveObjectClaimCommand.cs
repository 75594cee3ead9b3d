namespace NotificationExchange.Domain.Registry.Commands;

public sealed record ResolveObjectClaimCommand(string RequestId, string AdministratorId, string ClaimId, bool Award, string Note);

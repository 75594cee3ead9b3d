namespace NotificationExchange.Domain.Registry.Commands;

/// <summary>
/// Loads the reference catalogue. <see cref="ContentDigest"/> stands for the file (its SHA-256, hex), so that a retry
/// is recognised without keeping the file in the request record.
/// </summary>
public sealed record LoadCatalogueCommand(string RequestId, string AdministratorId, string Source, string ContentDigest);

using NotificationExchange.Domain.Registry;

namespace NotificationExchange.Alerts.Registry;

/// <summary>What a registration's write did: registered the object (<see cref="Registered"/>) or recorded a claim against its holder (<see cref="Claim"/>).</summary>
internal sealed record RegistrationOutcome(RegisteredObject? Registered, ObjectClaim? Claim);

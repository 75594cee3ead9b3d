namespace NotificationExchange.Domain.Registry.Commands;

/// <summary>Registers (or re-registers) an object for its operator; <see cref="Registration"/> is already validated and read.</summary>
public sealed record RegisterObjectCommand(string RequestId, RegisteredObject Registration);

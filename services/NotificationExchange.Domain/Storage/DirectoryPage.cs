using NotificationExchange.Domain.Operators;

namespace NotificationExchange.Domain.Storage;

/// <summary>A page of the directory; <paramref name="NextAfterId"/> is where the next page starts, null on the last.</summary>
public sealed record DirectoryPage(IReadOnlyList<OperatorAccount> Accounts, string? NextAfterId);

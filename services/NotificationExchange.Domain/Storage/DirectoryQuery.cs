using NotificationExchange.Domain.Operators;

namespace NotificationExchange.Domain.Storage;

/// <summary>
/// A page of the directory in order of id: organisations of any of <paramref name="Kinds"/> (any when empty), of
/// <paramref name="Country"/> (any when null), with ids after <paramref name="AfterId"/> (from the first when null).
/// </summary>
public sealed record DirectoryQuery(IReadOnlyList<OrganizationKind> Kinds, string? Country, int PageSize, string? AfterId);

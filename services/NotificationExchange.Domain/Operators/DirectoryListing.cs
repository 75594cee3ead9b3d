using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Operators;

/// <summary>
/// A directory listing as a request asks for it: organisations of any of the kinds (any kind when empty) and of the
/// country (any when null), a page at a time in order of id. It checks itself, as a notification listing does; where
/// a page starts is the caller's to give.
/// </summary>
public sealed record DirectoryListing(IReadOnlyList<OrganizationKind> Kinds, string? Country, long? PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public void Validate(ValidationErrors errors)
    {
        for (var i = 0; i < Kinds.Count; i++)
        {
            errors.KnownEnum($"kinds[{i}]", Kinds[i]);
        }
        CountryCodes.Validate("country", Country, errors);
        if (PageSize > MaxPageSize)
        {
            errors.Add("page_size", $"{PageSize} is more than the {MaxPageSize} allowed");
        }
    }

    /// <summary>The store's query for the page of organisations whose ids follow <paramref name="afterId"/> (the first page when null).</summary>
    public DirectoryQuery ToQuery(string? afterId) =>
        new(Kinds, Country, PageSize is > 0 and var size ? (int)size : DefaultPageSize, afterId);
}

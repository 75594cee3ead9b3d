using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Notifications;

/// <summary>
/// A listing as a request asks for it: which latest versions (every non-empty list and every given value must match;
/// an empty list or an absent value matches anything) and how many per page. It checks itself, as a subscription's
/// filter does; the store is asked the query it makes once checked (<see cref="ToQuery"/>). Where in the log a page
/// starts is the caller's to give: its wire form (a page token) is no concern of the domain.
/// </summary>
public sealed record NotificationListing(
    IReadOnlyList<NotificationKind> Kinds,
    int? NoradCatId,
    string? FilingOperator,
    IReadOnlyList<NotificationStatus> Statuses,
    TimeWindow? ActiveDuring,
    long? PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public void Validate(ValidationErrors errors)
    {
        for (var i = 0; i < Kinds.Count; i++)
        {
            errors.KnownEnum($"kinds[{i}]", Kinds[i]);
        }
        for (var i = 0; i < Statuses.Count; i++)
        {
            errors.KnownEnum($"statuses[{i}]", Statuses[i]);
        }
        if (NoradCatId is { } noradCatId)
        {
            SpaceObjectValidation.ValidateCatalogNumber("norad_cat_id", noradCatId, errors);
        }
        // as in a subscription's filter: a value no organisation can have is a mistake, not a query that matches nothing
        if (FilingOperator is not null && !Operators.OperatorAccount.IsValidId(FilingOperator))
        {
            errors.Add("filing_operator", $"{Quoted.Value(FilingOperator)} is not an operator id");
        }
        if (PageSize > MaxPageSize)
        {
            errors.Add("page_size", $"{PageSize} is more than the {MaxPageSize} allowed");
        }
        if (ActiveDuring is not null && (ActiveDuring.Start is null || ActiveDuring.End is null || ActiveDuring.End < ActiveDuring.Start))
        {
            errors.Add("active_during", "needs a start and an end no earlier than the start");
        }
    }

    /// <summary>
    /// The store's query for the page of notifications first recorded before <paramref name="beforeFirstSequence"/>
    /// (the first page when null) that <paramref name="readerId"/> may see (null: a caller without credentials).
    /// </summary>
    public NotificationQuery ToQuery(long? beforeFirstSequence, string? readerId) => new(
        Kinds, NoradCatId, FilingOperator, Statuses, ActiveDuring?.Start, ActiveDuring?.End, PageSize is > 0 and var size ? (int)size : DefaultPageSize, beforeFirstSequence,
        readerId);
}

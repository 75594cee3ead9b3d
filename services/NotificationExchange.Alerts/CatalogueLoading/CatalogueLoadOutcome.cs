using NotificationExchange.Domain.Registry;

namespace NotificationExchange.Alerts.CatalogueLoading;

/// <summary>A load's report; <see cref="Replayed"/> when it answers a retry of an earlier request with the same id.</summary>
public sealed record CatalogueLoadOutcome(CatalogueLoad Report, bool Replayed);

namespace NotificationExchange.Alerts.CatalogueLoading;

/// <summary>A load as asked for: the file's <see cref="Content"/> or a <see cref="Path"/> on the exchange's host (exactly one).</summary>
public sealed record CatalogueLoadInput(string RequestId, string AdministratorId, string? Content, string? Path, string? Source);

using NotificationExchange.Domain.Alerts;

namespace NotificationExchange.Domain.Storage;

/// <summary>A page of alerts; <see cref="HasMore"/> says whether another page follows the last alert.</summary>
public sealed record AlertPage(IReadOnlyList<Alert> Alerts, bool HasMore);

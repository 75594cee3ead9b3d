namespace NotificationExchange.Domain.Operators;

/// <summary>
/// A contact point of an organisation: who answers in this role, how to reach them and when (null: not stated), and
/// where the exchange POSTs what this contact point must hear of while nobody of the organisation is connected (null:
/// no webhook). The webhook URL is the organisation's own business: the directory never shows it.
/// </summary>
public sealed record ContactPoint(ContactRole Role, string? Name, string? Email, string? Phone, StaffedHours? Hours = null, string? WebhookUrl = null)
{
    /// <summary>This contact point as others see it in the directory: without its webhook.</summary>
    public ContactPoint Public() => WebhookUrl is null ? this : this with { WebhookUrl = null };
}

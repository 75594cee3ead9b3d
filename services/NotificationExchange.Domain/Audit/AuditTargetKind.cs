namespace NotificationExchange.Domain.Audit;

/// <summary>What the id an audited call names is the id of. Stored by number: append only, never renumber.</summary>
public enum AuditTargetKind
{
    None = 0,
    Notification = 1,
    Consultation = 2,
    DirectLine = 3,
    Alert = 4,
    Object = 5,
    Claim = 6,
    Organization = 7,
    Subscription = 8,
    Catalogue = 9,
    Credential = 10,
}

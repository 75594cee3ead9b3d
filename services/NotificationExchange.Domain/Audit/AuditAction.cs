namespace NotificationExchange.Domain.Audit;

/// <summary>What kind of thing an audited call did. Stored by number: append only, never renumber.</summary>
public enum AuditAction
{
    Unspecified = 0,
    File = 1,
    Amend = 2,
    Cancel = 3,
    Report = 4,
    Read = 5,
    Acknowledge = 6,
    Consult = 7,
    Register = 8,
    Administer = 9,
}

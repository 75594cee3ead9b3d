namespace NotificationExchange.Domain.Operators;

// Numeric values match the wire contract's enums, so that an unknown number stays unknown on both sides.

/// <summary>What an organisation is. Both kinds have the same rights; the kind is for the directory and its filters.</summary>
public enum OrganizationKind
{
    Operator = 1,
    Agency = 2,
}

namespace NotificationExchange.Domain.Operators;

// Numeric values match the wire contract's enums, so that an unknown number stays unknown on both sides. The order is
// the order in which a directory entry lists its contact points.

/// <summary>What a contact point is for; an organisation has at most one of each.</summary>
public enum ContactRole
{
    Primary = 1,
    Backup = 2,
    Operations247 = 3,
}

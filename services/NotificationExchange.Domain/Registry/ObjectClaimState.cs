namespace NotificationExchange.Domain.Registry;

public enum ObjectClaimState
{
    Pending = 1,
    Awarded = 2,
    Rejected = 3,
}

namespace NotificationExchange.Domain.Registry;

/// <summary>
/// A registration refused because another organisation held the object. It keeps the claimant's registration, which
/// becomes the object's if an administrator awards the claim.
/// </summary>
public sealed record ObjectClaim(
    string Id,
    RegisteredObject Claimed,
    string HolderId,
    ObjectClaimState State,
    DateTime ClaimedAt,
    DateTime? ResolvedAt = null,
    string? ResolutionNote = null)
{
    public int NoradCatId => Claimed.NoradCatId;

    public string ClaimantId => Claimed.OperatorId;
}

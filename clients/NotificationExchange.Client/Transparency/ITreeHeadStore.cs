using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Client.Transparency;

/// <summary>Where a client keeps the signed tree heads it has seen: they are the evidence should the log be altered
/// or forked later. Heads are only added, never changed or removed.</summary>
public interface ITreeHeadStore
{
    /// <summary>Every head saved so far, in the order saved.</summary>
    Task<IReadOnlyList<SignedTreeHead>> LoadAsync(CancellationToken cancellationToken = default);

    Task AddAsync(SignedTreeHead head, CancellationToken cancellationToken = default);
}

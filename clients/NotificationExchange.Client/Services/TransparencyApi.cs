using System.Runtime.CompilerServices;
using Grpc.Core;
using NotificationExchange.Client.Errors;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Client.Services;

/// <summary>
/// The transparency log (TransparencyService): the log's key, signed tree heads, inclusion and consistency proofs,
/// and the leaves; and the checks a client makes with them (TransparencyApi.Verify.cs). Every method throws
/// <see cref="Errors.NxException"/> when a call fails; a check that does not hold is not an exception but a failed
/// check in the <see cref="Transparency.VerificationReport"/>, naming what does not match.
/// </summary>
public sealed partial class TransparencyApi(
    TransparencyService.TransparencyServiceClient client, NotificationsApi notifications, ConsultationsApi consultations)
{
    /// <summary>The generated client, for what this class does not wrap.</summary>
    public TransparencyService.TransparencyServiceClient Raw { get; } = client;

    /// <summary>How often a check that needs a head covering a newer entry asks for the newest head again (the
    /// exchange signs periodically, so an entry just recorded waits up to one signing interval).</summary>
    public TimeSpan HeadPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a check waits for a head that covers what it checks before it gives up with a
    /// <see cref="TimeoutException"/> (the exchange has stopped signing, or the entry is not in its tree).</summary>
    public TimeSpan MaxHeadWait { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The clock of <see cref="HeadPollInterval"/> and <see cref="MaxHeadWait"/>.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public Task<LogKey> GetLogKeyAsync(CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.GetLogKeyAsync(new GetLogKeyRequest(), cancellationToken: cancellationToken));

    /// <summary>The newest signed head when <paramref name="treeSize"/> is 0, else the one of that size.</summary>
    public Task<SignedTreeHead> GetSignedTreeHeadAsync(ulong treeSize = 0, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.GetSignedTreeHeadAsync(new GetSignedTreeHeadRequest { TreeSize = treeSize }, cancellationToken: cancellationToken));

    public Task<GetInclusionProofsResponse> GetInclusionProofsAsync(GetInclusionProofsRequest request, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.GetInclusionProofsAsync(request, cancellationToken: cancellationToken));

    public Task<ConsistencyProof> GetConsistencyProofAsync(ulong firstTreeSize, ulong secondTreeSize, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.GetConsistencyProofAsync(new GetConsistencyProofRequest { FirstTreeSize = firstTreeSize, SecondTreeSize = secondTreeSize },
            cancellationToken: cancellationToken));

    public Task<ListLeavesResponse> ListLeavesAsync(ListLeavesRequest request, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.ListLeavesAsync(request, cancellationToken: cancellationToken));

    /// <summary>Every leaf from the request's start sequence (1 when 0) to the end of the log, page after page.</summary>
    public async IAsyncEnumerable<Leaf> ListAllLeavesAsync(ListLeavesRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var page = request.Clone();
        page.StartSequence = Math.Max(1, page.StartSequence);
        while (true)
        {
            var response = await ListLeavesAsync(page, cancellationToken).ConfigureAwait(false);
            foreach (var leaf in response.Leaves)
            {
                yield return leaf;
            }
            if (response.NextStartSequence == 0)
            {
                yield break;
            }
            // A start that does not move would list the same page for ever.
            if (response.NextStartSequence <= page.StartSequence)
            {
                throw new InvalidOperationException($"the exchange answered leaves from {page.StartSequence} with {response.NextStartSequence} as the next start");
            }
            page.StartSequence = response.NextStartSequence;
        }
    }

    /// <summary>A checker of the entries of one watch (<see cref="Streams.WatchOptions.Verify"/>) with the pinned
    /// <paramref name="key"/>.</summary>
    public Transparency.EntryVerifier EntryVerifier(Transparency.TrustedLogKey key) => new(this, key);

    /// <summary>The newest signed head once it covers <paramref name="sequence"/>, asking again every
    /// <see cref="HeadPollInterval"/> until then, for at most <see cref="MaxHeadWait"/>. An exchange
    /// that has signed no head yet (FAILED_PRECONDITION) is waited for too, once its key shows the log is on: a log
    /// switched off refuses GetLogKey, and that refusal is thrown rather than waited on for ever.</summary>
    public async Task<SignedTreeHead> GetHeadCoveringAsync(ulong sequence, CancellationToken cancellationToken = default)
    {
        var logIsOn = false;
        var giveUpAt = Time.GetUtcNow() + MaxHeadWait;
        SignedTreeHead? newest = null;
        while (true)
        {
            try
            {
                newest = await GetSignedTreeHeadAsync(0, cancellationToken).ConfigureAwait(false);
                if (newest.TreeSize >= sequence)
                {
                    return newest;
                }
            }
            catch (NxException e) when (e.Error.Code == StatusCode.FailedPrecondition)
            {
                if (!logIsOn)
                {
                    await GetLogKeyAsync(cancellationToken).ConfigureAwait(false);
                    logIsOn = true;
                }
            }
            if (Time.GetUtcNow() >= giveUpAt)
            {
                throw new TimeoutException($"no signed tree head covers sequence {sequence} after {MaxHeadWait.TotalSeconds:0} s: "
                    + (newest is null ? "the exchange has signed none" : $"the newest is of size {newest.TreeSize}"));
            }
            await Task.Delay(HeadPollInterval, Time, cancellationToken).ConfigureAwait(false);
        }
    }
}

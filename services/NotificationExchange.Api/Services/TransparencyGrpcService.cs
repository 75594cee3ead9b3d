using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using NotificationExchange.Api.Authentication;
using NotificationExchange.Api.Mapping;
using NotificationExchange.Api.Transparency;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Validation;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Transparency.Heads;
using NotificationExchange.Transparency.Merkle;

namespace NotificationExchange.Api.Services;

/// <summary>
/// The transparency log (transparency.proto): the key, signed tree heads, inclusion and consistency proofs against
/// them, and the leaves. Callable without an API key: heads, proofs and commitments reveal nothing of any entry. A
/// salt, and the entry with it, go only to callers whose entry's audience admits them (an anonymous caller: public
/// entries only), the same check every read path makes.
/// </summary>
[AllowAnonymous]
internal sealed class TransparencyGrpcService(TransparencyLog transparency, ITransparencyStore store) : TransparencyService.TransparencyServiceBase
{
    public const int MaxSequences = 100;
    public const int MaxPageSize = 10_000;
    public const int DefaultPageSize = 1_000;

    public override Task<LogKey> GetLogKey(GetLogKeyRequest request, ServerCallContext context) =>
        Task.FromResult(transparency.Key.ToProto(transparency.Origin));

    public override async Task<SignedTreeHead> GetSignedTreeHead(GetSignedTreeHeadRequest request, ServerCallContext context)
    {
        var errors = new ValidationErrors();
        var head = await HeadAsync(request.TreeSize, "tree_size", errors, context.CancellationToken);
        errors.ThrowIfAny();
        return head!.ToProto();
    }

    public override async Task<GetInclusionProofsResponse> GetInclusionProofs(GetInclusionProofsRequest request, ServerCallContext context)
    {
        var errors = new ValidationErrors();
        if (request.Sequences.Count is 0 or > MaxSequences)
        {
            errors.Add("sequences", $"give 1 to {MaxSequences} sequences, not {request.Sequences.Count}");
        }
        var head = await HeadAsync(request.TreeSize, "tree_size", errors, context.CancellationToken);
        for (var i = 0; head is not null && i < request.Sequences.Count && i < MaxSequences; i++)
        {
            var sequence = request.Sequences[i];
            if (sequence < 1 || sequence > (ulong)head.TreeSize)
            {
                errors.Add($"sequences[{i}]", $"sequence {sequence} is not in the tree of size {head.TreeSize} (sequences 1 to {head.TreeSize})");
            }
        }
        errors.ThrowIfAny();
        // No violation: the head exists.
        var size = head!.TreeSize;
        var sequences = request.Sequences.Select(s => (long)s).ToList();
        var response = new GetInclusionProofsResponse { TreeHead = head.ToProto() };
        var caller = context.CallerId();
        using (var nodes = store.OpenTreeNodes())
        {
            foreach (var sequence in sequences)
            {
                response.Proofs.Add(new InclusionProof
                {
                    Sequence = (ulong)sequence,
                    LeafIndex = (ulong)(sequence - 1),
                    AuditPath = { MerkleTree.InclusionPath(nodes, sequence - 1, size).ToProto() },
                });
            }
        }
        // Every sequence asked for is in the tree, so each had its stored commitment (the tree was built from them); an
        // entry missing from the store since (a deleted row) is data lost, named, not a fault of the caller's.
        foreach (var proof in response.Proofs)
        {
            var leaf = (await store.ReadLeavesAsync((long)proof.Sequence, 1, context.CancellationToken)).SingleOrDefault()
                ?? throw new RpcException(new Status(StatusCode.DataLoss,
                    $"sequence {proof.Sequence} is a leaf of the tree, but the store no longer holds its entry"));
            proof.Commitment = ByteString.CopyFrom(leaf.Commitment!);
            if (leaf.Entry.Audience.Admits(caller))
            {
                proof.Salt = ByteString.CopyFrom(leaf.Salt!);
            }
        }
        return response;
    }

    public override async Task<ConsistencyProof> GetConsistencyProof(GetConsistencyProofRequest request, ServerCallContext context)
    {
        var errors = new ValidationErrors();
        TreeHead? first = null;
        if (request.FirstTreeSize == 0)
        {
            errors.Add("first_tree_size", "give the size of a signed tree head (at least 1)");
        }
        else
        {
            first = await HeadAsync(request.FirstTreeSize, "first_tree_size", errors, context.CancellationToken);
        }
        var second = await HeadAsync(request.SecondTreeSize, "second_tree_size", errors, context.CancellationToken);
        if (first is not null && second is not null && second.TreeSize < first.TreeSize)
        {
            errors.Add("second_tree_size", $"the second tree ({second.TreeSize}) must be at least the first ({first.TreeSize})");
        }
        errors.ThrowIfAny();
        // No violation: both heads exist.
        var (from, to) = (first!, second!);
        var proof = new ConsistencyProof { FirstTreeHead = from.ToProto(), SecondTreeHead = to.ToProto() };
        using (var nodes = store.OpenTreeNodes())
        {
            proof.Path.AddRange(MerkleTree.ConsistencyPath(nodes, from.TreeSize, to.TreeSize).ToProto());
        }
        return proof;
    }

    public override async Task<ListLeavesResponse> ListLeaves(ListLeavesRequest request, ServerCallContext context)
    {
        _ = transparency.Key;
        var errors = new ValidationErrors();
        if (request.StartSequence == 0)
        {
            errors.Add("start_sequence", "sequences start at 1");
        }
        if (request.PageSize > MaxPageSize)
        {
            errors.Add("page_size", $"at most {MaxPageSize}, not {request.PageSize}");
        }
        errors.ThrowIfAny();
        var pageSize = request.PageSize == 0 ? DefaultPageSize : (int)request.PageSize;
        // Only leaves of the tree: each listed commitment is one a head covers.
        var size = await store.GetTreeSizeAsync(context.CancellationToken);
        var response = new ListLeavesResponse();
        if (request.StartSequence > (ulong)size)
        {
            return response;
        }
        var start = (long)request.StartSequence;
        var count = (int)Math.Min(pageSize, size - start + 1);
        var caller = context.CallerId();
        foreach (var leaf in await store.ReadLeavesAsync(start, count, context.CancellationToken))
        {
            // A leaf of the tree was built from its stored commitment, drawn with its salt in one write.
            var listed = new Leaf { Sequence = (ulong)leaf.Sequence, Commitment = ByteString.CopyFrom(leaf.Commitment!) };
            if (leaf.Entry.Audience.Admits(caller))
            {
                listed.Salt = ByteString.CopyFrom(leaf.Salt!);
                // Rendered from the store now: an entry edited since its write no longer matches its commitment.
                listed.Entry = EventMessages.Message(leaf.Entry);
            }
            response.Leaves.Add(listed);
        }
        // The next page starts after the range read, not after the rows found: a sequence missing from the store (a
        // deleted row) must not make the next page list the last rows again.
        var next = start + count;
        response.NextStartSequence = next <= size ? (ulong)next : 0;
        return response;
    }

    /// <summary>The head of a size (0: the newest), or a violation on <paramref name="field"/> when none was signed.</summary>
    private async Task<TreeHead?> HeadAsync(ulong treeSize, string field, ValidationErrors errors, CancellationToken cancellationToken)
    {
        _ = transparency.Key;
        var latest = await store.GetLatestHeadAsync(cancellationToken)
            ?? throw new ExchangeRuleException(RuleViolationKind.FailedPrecondition, "no tree head has been signed yet");
        if (treeSize == 0 || treeSize == (ulong)latest.TreeSize)
        {
            return latest;
        }
        if (treeSize > (ulong)latest.TreeSize)
        {
            errors.Add(field, $"no tree head of size {treeSize} has been signed: the newest is of size {latest.TreeSize}");
            return null;
        }
        var head = await store.GetHeadAsync((long)treeSize, cancellationToken);
        if (head is null)
        {
            errors.Add(field, $"no tree head of size {treeSize} was signed (heads are signed as the tree grows, not for every size)");
        }
        return head;
    }
}

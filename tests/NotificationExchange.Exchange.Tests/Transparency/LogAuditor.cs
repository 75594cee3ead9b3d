using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Exchange.Tests.Transparency;

/// <summary>
/// What a client does with the transparency log, written in the tests from transparency.proto's definitions alone
/// (apart from the exchange's code): checks a head's signature with the published key, leaf hashes, commitments,
/// inclusion and consistency (RFC 9162's algorithms, <see cref="RfcVerifier"/>), and recomputes a root from the leaves.
/// </summary>
internal static class LogAuditor
{
    public static bool SignatureVerifies(LogKey key, SignedTreeHead head)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(key.PublicKey.Span, out _);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"notification-exchange tree head v1\n{head.Origin}\n{head.TreeSize}\n{Convert.ToBase64String(head.RootHash.Span)}\n{head.Timestamp.Seconds * 1000 + head.Timestamp.Nanos / 1_000_000}\n");
        return head.KeyId == Convert.ToHexStringLower(SHA256.HashData(key.PublicKey.Span))
            && ecdsa.VerifyData(Encoding.UTF8.GetBytes(text), head.Signature.Span, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    public static byte[] LeafHash(ulong sequence, ByteString commitment)
    {
        var data = new byte[1 + 8 + commitment.Length];
        data[0] = 0x00;
        BinaryPrimitives.WriteUInt64BigEndian(data.AsSpan(1), sequence);
        commitment.Span.CopyTo(data.AsSpan(9));
        return SHA256.HashData(data);
    }

    /// <summary>Whether the leaf's entry, with its salt, gives its commitment: SHA-256(salt || entry).</summary>
    public static bool CommitmentMatches(Leaf leaf) =>
        SHA256.HashData([.. leaf.Salt.Span, .. leaf.Entry.ToByteArray()]).AsSpan().SequenceEqual(leaf.Commitment.Span);

    public static bool IncludedIn(InclusionProof proof, SignedTreeHead head) =>
        RfcVerifier.VerifyInclusion((long)proof.LeafIndex, (long)head.TreeSize, LeafHash(proof.Sequence, proof.Commitment),
            proof.AuditPath.Select(p => p.ToByteArray()).ToList(), head.RootHash.ToByteArray());

    public static bool Consistent(ConsistencyProof proof) =>
        RfcVerifier.VerifyConsistency((long)proof.FirstTreeHead.TreeSize, (long)proof.SecondTreeHead.TreeSize,
            proof.FirstTreeHead.RootHash.ToByteArray(), proof.SecondTreeHead.RootHash.ToByteArray(), proof.Path.Select(p => p.ToByteArray()).ToList());

    /// <summary>Every leaf the exchange lists, page by page, from sequence 1.</summary>
    public static async Task<List<Leaf>> AllLeavesAsync(TransparencyService.TransparencyServiceClient client, uint pageSize = 0)
    {
        var leaves = new List<Leaf>();
        var next = 1UL;
        while (next != 0)
        {
            var page = await client.ListLeavesAsync(new ListLeavesRequest { StartSequence = next, PageSize = pageSize });
            leaves.AddRange(page.Leaves);
            next = page.NextStartSequence;
        }
        return leaves;
    }

    /// <summary>
    /// The root a head of <paramref name="size"/> must have if the listed leaves are the log: the leaves must be
    /// sequences 1, 2, 3... (the leaf index is the sequence less one), hashed with their commitments.
    /// </summary>
    public static byte[]? RootOf(IReadOnlyList<Leaf> leaves, ulong size)
    {
        if ((ulong)leaves.Count < size || leaves.Take((int)size).Where((leaf, i) => leaf.Sequence != (ulong)i + 1).Any())
        {
            return null;
        }
        return Mth(leaves.Take((int)size).Select(l => LeafHash(l.Sequence, l.Commitment)).ToArray());
    }

    // RFC 9162 2.1.1, recursively.
    public static byte[] Mth(ReadOnlySpan<byte[]> leaves)
    {
        if (leaves.Length == 0)
        {
            return SHA256.HashData([]);
        }
        if (leaves.Length == 1)
        {
            return leaves[0];
        }
        var k = 1;
        while (k * 2 < leaves.Length)
        {
            k *= 2;
        }
        return SHA256.HashData([0x01, .. Mth(leaves[..k]), .. Mth(leaves[k..])]);
    }

    /// <summary>Waits (with a deadline) until a head covering at least <paramref name="size"/> leaves is signed.</summary>
    public static async Task<SignedTreeHead> HeadCoveringAsync(TransparencyService.TransparencyServiceClient client, ulong size)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                var head = await client.GetSignedTreeHeadAsync(new GetSignedTreeHeadRequest());
                if (head.TreeSize >= size)
                {
                    return head;
                }
            }
            catch (Grpc.Core.RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.FailedPrecondition && DateTime.UtcNow < deadline)
            {
                // no head signed yet
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no tree head of at least {size} leaves within 20 s");
            }
            await Task.Delay(50);
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using NotificationExchange.Client.Streams;
using NotificationExchange.Client.Transparency;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Client.Services;

public sealed partial class TransparencyApi
{
    /// <summary>The most sequences one GetInclusionProofs call takes.</summary>
    public const int MaxProofsPerCall = 100;

    /// <summary>Up to how many leaves an audit whose root does not match locates the ones that differ (a proof call
    /// per <see cref="MaxProofsPerCall"/> leaves); beyond, it reports the root alone.</summary>
    public const int MaxLeavesToLocate = 100_000;

    /// <summary>
    /// Every version of a notification checked against the newest signed head that covers them all: the head's
    /// signature with <paramref name="key"/>, each version rebuilt in the stream's form (<see cref="LogEntry.FromRevision"/>)
    /// and re-committed with its salt, and its inclusion in the tree. A version that cannot be read back fails.
    /// </summary>
    public async Task<VerificationReport> VerifyNotificationAsync(string notificationId, TrustedLogKey key, CancellationToken cancellationToken = default)
    {
        var found = await notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = notificationId, IncludeHistory = true }, cancellationToken)
            .ConfigureAwait(false);
        var checks = new List<VerificationCheck>();
        var entries = new List<LogEntry>();
        foreach (var revision in found.History)
        {
            if (LogEntry.FromRevision(revision) is { } entry)
            {
                entries.Add(entry);
            }
            else
            {
                checks.Add(VerificationCheck.Fail($"{notificationId} v{revision.Version} (sequence {revision.Sequence})",
                    $"cannot be read back ({revision.UnreadableReason}), so it cannot be checked against its commitment", revision.Sequence));
            }
        }
        var report = await VerifyEntriesAsync(entries, key, cancellationToken).ConfigureAwait(false);
        return new VerificationReport([.. checks, .. report.Checks], report.TreeHead);
    }

    /// <summary>One entry a stream carried checked against the newest signed head that covers it.</summary>
    public Task<VerificationReport> VerifyEntryAsync(SubscriptionMessage message, TrustedLogKey key, CancellationToken cancellationToken = default) =>
        LogEntry.Of(message) is { } entry
            ? VerifyEntriesAsync([entry], key, cancellationToken)
            : throw new ArgumentException($"a {message.MessageCase} message is no entry of the log", nameof(message));

    /// <summary>
    /// A consultation's transcript: ExportTranscript's SHA-256 recomputed from its canonical JSON, equal to the digest
    /// the closing event carries, and the closing event committed and included in the tree.
    /// </summary>
    public async Task<VerificationReport> VerifyTranscriptAsync(string consultationId, TrustedLogKey key, CancellationToken cancellationToken = default)
    {
        var transcript = await consultations.ExportTranscriptAsync(new ExportTranscriptRequest { ConsultationId = consultationId }, cancellationToken).ConfigureAwait(false);
        var consultation = await consultations.GetConsultationAsync(new GetConsultationRequest { ConsultationId = consultationId }, cancellationToken).ConfigureAwait(false);
        var checks = new List<VerificationCheck>();
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(transcript.Json)));
        checks.Add(digest == transcript.Sha256
            ? VerificationCheck.Pass($"{consultationId} transcript", $"SHA-256 of its canonical JSON is {digest}")
            : VerificationCheck.Fail($"{consultationId} transcript", "the SHA-256 the exchange gives is not that of the JSON it gives", expected: digest, found: transcript.Sha256));
        var closing = consultation.History.LastOrDefault(e => e.EventType == ConsultationEventType.Closed);
        if (closing is null)
        {
            checks.Add(VerificationCheck.Fail($"{consultationId} closing", "the consultation is not closed: no closing event in the log carries a transcript digest"));
            return new VerificationReport(checks, null);
        }
        var closed = closing.Consultation?.Closure?.TranscriptSha256 ?? "";
        checks.Add(closed == digest
            ? VerificationCheck.Pass($"{consultationId} closing (sequence {closing.Sequence})", "the closing event carries the transcript's digest", closing.Sequence)
            : VerificationCheck.Fail($"{consultationId} closing (sequence {closing.Sequence})", "the closing event carries another digest than the transcript's",
                closing.Sequence, expected: digest, found: closed.Length == 0 ? "(none)" : closed));
        var report = await VerifyEntriesAsync([LogEntry.FromConsultationEvent(closing)], key, cancellationToken).ConfigureAwait(false);
        return new VerificationReport([.. checks, .. report.Checks], report.TreeHead);
    }

    /// <summary>
    /// Entries checked against the newest signed head that covers them all (waiting for one, see
    /// <see cref="GetHeadCoveringAsync"/>): the head's signature, then per entry its commitment recomputed from the salt
    /// the exchange gives with the proof, and its inclusion proof up to the head's root. Proofs are fetched
    /// <see cref="MaxProofsPerCall"/> at a time.
    /// </summary>
    public async Task<VerificationReport> VerifyEntriesAsync(IReadOnlyList<LogEntry> entries, TrustedLogKey key, CancellationToken cancellationToken = default)
    {
        if (entries.Count == 0)
        {
            return new VerificationReport([], null);
        }
        var head = await GetHeadCoveringAsync(entries.Max(e => e.Sequence), cancellationToken).ConfigureAwait(false);
        var checks = new List<VerificationCheck> { HeadCheck(head, key) };
        if (!checks[0].Verified)
        {
            return new VerificationReport(checks, head);
        }
        foreach (var chunk in entries.Chunk(MaxProofsPerCall))
        {
            var request = new GetInclusionProofsRequest { TreeSize = head.TreeSize };
            request.Sequences.AddRange(chunk.Select(e => e.Sequence).Distinct());
            var response = await GetInclusionProofsAsync(request, cancellationToken).ConfigureAwait(false);
            checks.AddRange(CheckInclusion(chunk, response, head));
        }
        return new VerificationReport(checks, head);
    }

    /// <summary>
    /// The whole log audited against a head the caller saved earlier: every leaf up to its size listed, in sequence
    /// order without gaps; each entry the caller may see re-committed from its salt and compared; the root of the
    /// saved size recomputed from the leaves and compared with the saved head's; then the newest head's signature and
    /// its consistency with the saved one. A change, removal or reordering of a stored entry fails naming its sequence.
    /// </summary>
    public async Task<VerificationReport> VerifyLogAsync(SignedTreeHead savedHead, TrustedLogKey key, CancellationToken cancellationToken = default)
    {
        var checks = new List<VerificationCheck> { HeadCheck(savedHead, key, "saved tree head") };
        if (!checks[0].Verified)
        {
            return new VerificationReport(checks, null);
        }
        var root = new MerkleRootBuilder();
        var (seen, hidden) = (0, 0);
        var expected = 1UL;
        // The leaves as listed, to locate the ones that differ from the saved tree should its root not match.
        var listed = new List<(ulong Sequence, byte[] Commitment)>();
        await foreach (var leaf in ListAllLeavesAsync(new ListLeavesRequest { StartSequence = 1, PageSize = 10_000 }, cancellationToken).ConfigureAwait(false))
        {
            if (root.Size == savedHead.TreeSize || leaf.Sequence > savedHead.TreeSize)
            {
                break;
            }
            if (leaf.Sequence != expected)
            {
                checks.Add(VerificationCheck.Fail($"sequence {expected}", leaf.Sequence > expected
                    ? $"the log lists sequence {leaf.Sequence} where sequence {expected} should be: {(leaf.Sequence == expected + 1 ? "it is" : $"sequences {expected} to {leaf.Sequence - 1} are")} missing"
                    : $"the log lists sequence {leaf.Sequence} again or out of order where sequence {expected} should be",
                    expected, expected: expected.ToString(), found: leaf.Sequence.ToString()));
            }
            expected = Math.Max(expected, leaf.Sequence + 1);
            root.Add(MerkleHashes.LeafHash(leaf.Sequence, leaf.Commitment.Span));
            if (listed.Count < MaxLeavesToLocate)
            {
                listed.Add((leaf.Sequence, leaf.Commitment.ToByteArray()));
            }
            if (leaf.Salt.IsEmpty)
            {
                hidden++;
                continue;
            }
            seen++;
            if (CheckLeafEntry(leaf) is { } problem)
            {
                checks.Add(problem);
            }
        }
        if (root.Size < savedHead.TreeSize)
        {
            checks.Add(VerificationCheck.Fail($"sequence {root.Size + 1}", $"the log lists {root.Size} leaves, but the saved head has {savedHead.TreeSize}",
                root.Size + 1, expected: savedHead.TreeSize.ToString(), found: root.Size.ToString()));
        }
        var computed = root.Root();
        if (computed.AsSpan().SequenceEqual(savedHead.RootHash.Span))
        {
            checks.Add(VerificationCheck.Pass($"tree of size {savedHead.TreeSize}", $"the root of the {root.Size} leaves listed is the saved head's; {seen} entries you may see re-committed, {hidden} hidden from you (commitments only)"));
        }
        else
        {
            checks.Add(VerificationCheck.Fail($"tree of size {savedHead.TreeSize}", "the root of the leaves listed is not the saved head's: the log was changed since",
                expected: Base64(savedHead.RootHash), found: Convert.ToBase64String(computed)));
            if (listed.Count == (int)Math.Min(root.Size, MaxLeavesToLocate))
            {
                checks.AddRange(await LocateAsync(savedHead, listed, cancellationToken).ConfigureAwait(false));
            }
        }
        var newest = await GetSignedTreeHeadAsync(0, cancellationToken).ConfigureAwait(false);
        var newestCheck = HeadCheck(newest, key, "newest tree head");
        checks.Add(newestCheck);
        if (newestCheck.Verified)
        {
            checks.AddRange(await ConsistencyAsync(savedHead, newest, key, cancellationToken).ConfigureAwait(false));
        }
        return new VerificationReport(checks, newest);
    }

    /// <summary>
    /// A head checked against the heads the caller has seen and saved in <paramref name="store"/>: its signature; no
    /// two heads (saved or this one) of one size with different roots (a fork: both heads are named, and stay saved
    /// as the evidence); and its consistency with the newest saved head, by a proof from the exchange. It is saved
    /// when every check holds and the store does not hold it yet.
    /// </summary>
    public async Task<VerificationReport> CheckHeadAsync(SignedTreeHead head, TrustedLogKey key, ITreeHeadStore store, CancellationToken cancellationToken = default)
    {
        var saved = await store.LoadAsync(cancellationToken).ConfigureAwait(false);
        var checks = new List<VerificationCheck>();
        foreach (var old in saved)
        {
            if (key.Problem(old) is { } problem)
            {
                checks.Add(VerificationCheck.Fail($"saved tree head {old.TreeSize}", problem));
            }
        }
        checks.Add(HeadCheck(head, key));
        // Only heads signed with the pinned key are evidence: a head anyone could have made proves no fork.
        var signed = saved.Where(h => key.Problem(h) is null).ToList();
        checks.AddRange(Forks(key.Problem(head) is null ? [.. signed, head] : signed));
        var newestSaved = signed.MaxBy(h => h.TreeSize);
        if (newestSaved is not null && checks.All(c => c.Verified))
        {
            var (older, newer) = newestSaved.TreeSize <= head.TreeSize ? (newestSaved, head) : (head, newestSaved);
            checks.AddRange(await ConsistencyAsync(older, newer, key, cancellationToken).ConfigureAwait(false));
        }
        if (checks.All(c => c.Verified) && !saved.Any(h => h.Equals(head)))
        {
            await store.AddAsync(head, cancellationToken).ConfigureAwait(false);
        }
        return new VerificationReport(checks, head);
    }

    /// <summary>Two signed heads of one size with different roots: the log showed two histories.</summary>
    public static IEnumerable<VerificationCheck> Forks(IEnumerable<SignedTreeHead> heads)
    {
        foreach (var size in heads.GroupBy(h => h.TreeSize))
        {
            var roots = size.DistinctBy(h => Base64(h.RootHash)).ToList();
            for (var i = 1; i < roots.Count; i++)
            {
                yield return VerificationCheck.Fail($"tree head {size.Key}", $"fork: two signed heads of size {size.Key} with different roots, "
                    + $"signed {roots[0].Timestamp} and {roots[i].Timestamp}; keep both, they are the evidence",
                    expected: Base64(roots[0].RootHash), found: Base64(roots[i].RootHash));
            }
        }
    }

    /// <summary>That the tree of <paramref name="older"/> is a prefix of the tree of <paramref name="newer"/> (both
    /// already checked as signed), by the exchange's consistency proof; the heads the proof names must be these.</summary>
    public async Task<IReadOnlyList<VerificationCheck>> ConsistencyAsync(SignedTreeHead older, SignedTreeHead newer, TrustedLogKey key, CancellationToken cancellationToken = default)
    {
        var subject = $"tree {older.TreeSize} → {newer.TreeSize}";
        if (older.TreeSize == newer.TreeSize)
        {
            return [older.RootHash.Equals(newer.RootHash)
                ? VerificationCheck.Pass(subject, "the same tree")
                : Forks([older, newer]).First()];
        }
        var proof = await GetConsistencyProofAsync(older.TreeSize, newer.TreeSize, cancellationToken).ConfigureAwait(false);
        var checks = new List<VerificationCheck>();
        foreach (var (mine, theirs) in new[] { (older, proof.FirstTreeHead), (newer, proof.SecondTreeHead) })
        {
            if (theirs is not null && theirs.TreeSize == mine.TreeSize && !theirs.RootHash.Equals(mine.RootHash))
            {
                // Signed, the exchange's other head is evidence of a fork; unsigned, only of a bad answer.
                checks.AddRange(key.Problem(theirs) is { } problem
                    ? [VerificationCheck.Fail($"tree head {theirs.TreeSize}", $"the consistency proof names another head of this size than the one held, and {problem}")]
                    : Forks([mine, theirs]));
            }
        }
        var path = proof.Path.Select(p => p.ToByteArray()).ToList();
        checks.Add(MerkleProofs.VerifyConsistency(older.TreeSize, newer.TreeSize, older.RootHash.Span, newer.RootHash.Span, path)
            ? VerificationCheck.Pass(subject, $"the tree of size {older.TreeSize} is a prefix of the tree of size {newer.TreeSize}")
            : VerificationCheck.Fail(subject, $"the consistency proof does not hold: the tree of size {older.TreeSize} (root {Base64(older.RootHash)}) is not a prefix of the tree of size {newer.TreeSize} (root {Base64(newer.RootHash)})"));
        return checks;
    }

    /// <summary>
    /// The listed leaves that are not where the saved tree has them: each listed commitment, as a leaf at its
    /// sequence, checked by an inclusion proof against the saved head's root. The exchange's proofs come from the tree
    /// it built when the entries were written, so a leaf changed, moved or put in a removed one's place since is named
    /// by its sequence (and if the tree's own nodes were changed too, every proof fails: still no false pass).
    /// </summary>
    private async Task<IReadOnlyList<VerificationCheck>> LocateAsync(SignedTreeHead savedHead, List<(ulong Sequence, byte[] Commitment)> listed, CancellationToken cancellationToken)
    {
        var checks = new List<VerificationCheck>();
        foreach (var chunk in listed.DistinctBy(l => l.Sequence).Chunk(MaxProofsPerCall))
        {
            var request = new GetInclusionProofsRequest { TreeSize = savedHead.TreeSize };
            request.Sequences.AddRange(chunk.Select(l => l.Sequence));
            GetInclusionProofsResponse response;
            try
            {
                response = await GetInclusionProofsAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Errors.NxException e)
            {
                checks.Add(VerificationCheck.Fail($"tree of size {savedHead.TreeSize}", $"the changed leaves cannot be located: the exchange refused proofs against the saved head ({e.Error.Code}: {e.Error.Message})"));
                return checks;
            }
            var proofs = response.Proofs.GroupBy(p => p.Sequence).ToDictionary(g => g.Key, g => g.First());
            foreach (var (sequence, commitment) in chunk)
            {
                var leaf = MerkleHashes.LeafHash(sequence, commitment);
                if (!proofs.TryGetValue(sequence, out var proof)
                    || !MerkleProofs.VerifyInclusion(sequence - 1, savedHead.TreeSize, leaf, proof.AuditPath.Select(p => p.ToByteArray()).ToList(), savedHead.RootHash.Span))
                {
                    checks.Add(VerificationCheck.Fail($"sequence {sequence}", "its leaf is not the one the saved head's tree holds at this sequence: the entry's commitment was changed, or another entry moved here", sequence));
                }
            }
        }
        return checks;
    }

    /// <summary>Whether <paramref name="head"/> is signed with the pinned <paramref name="key"/>, as a check named
    /// "<paramref name="name"/> SIZE".</summary>
    public static VerificationCheck HeadCheck(SignedTreeHead head, TrustedLogKey key, string name = "tree head") =>
        key.Problem(head) is { } problem
            ? VerificationCheck.Fail($"{name} {head.TreeSize}", problem)
            : VerificationCheck.Pass($"{name} {head.TreeSize}", $"signed by key {key.KeyId[..16]} at {head.Timestamp}, root {Base64(head.RootHash)}");

    /// <summary>The checks of entries against proofs for the head <paramref name="head"/>.</summary>
    internal static IEnumerable<VerificationCheck> CheckInclusion(IEnumerable<LogEntry> entries, GetInclusionProofsResponse response, SignedTreeHead head)
    {
        if (response.TreeHead is { } against && (against.TreeSize != head.TreeSize || !against.RootHash.Equals(head.RootHash)))
        {
            yield return VerificationCheck.Fail($"tree head {head.TreeSize}", "the proofs are against another head than the one asked for",
                expected: $"size {head.TreeSize} root {Base64(head.RootHash)}", found: $"size {against.TreeSize} root {Base64(against.RootHash)}");
            yield break;
        }
        var proofs = response.Proofs.GroupBy(p => p.Sequence).ToDictionary(g => g.Key, g => g.First());
        foreach (var entry in entries)
        {
            yield return proofs.TryGetValue(entry.Sequence, out var proof)
                ? CheckInclusion(entry, proof, head)
                : VerificationCheck.Fail(entry.Subject, "the exchange gave no inclusion proof for it", entry.Sequence);
        }
    }

    /// <summary>One entry against its proof: commitment from the salt, leaf, path to the head's root.</summary>
    internal static VerificationCheck CheckInclusion(LogEntry entry, InclusionProof proof, SignedTreeHead head)
    {
        if (proof.LeafIndex != entry.Sequence - 1)
        {
            return VerificationCheck.Fail(entry.Subject, "the proof is for another leaf", entry.Sequence,
                expected: $"leaf {entry.Sequence - 1}", found: $"leaf {proof.LeafIndex}");
        }
        if (proof.Salt.IsEmpty)
        {
            return VerificationCheck.Fail(entry.Subject, "the exchange gave no salt for it, so its commitment cannot be checked", entry.Sequence);
        }
        var commitment = MerkleHashes.Commitment(proof.Salt.Span, entry.Message);
        if (!commitment.AsSpan().SequenceEqual(proof.Commitment.Span))
        {
            return VerificationCheck.Fail(entry.Subject, "the entry served is not the one the log committed to", entry.Sequence,
                expected: Base64(proof.Commitment), found: Convert.ToBase64String(commitment));
        }
        var leaf = MerkleHashes.LeafHash(entry.Sequence, proof.Commitment.Span);
        var path = proof.AuditPath.Select(p => p.ToByteArray()).ToList();
        return MerkleProofs.VerifyInclusion(proof.LeafIndex, head.TreeSize, leaf, path, head.RootHash.Span)
            ? VerificationCheck.Pass(entry.Subject, $"committed and included in the tree of size {head.TreeSize}", entry.Sequence)
            : VerificationCheck.Fail(entry.Subject, $"the inclusion proof does not lead to the root of the signed head of size {head.TreeSize}", entry.Sequence,
                expected: Base64(head.RootHash));
    }

    /// <summary>A listed leaf's entry against its commitment; null when they match.</summary>
    private static VerificationCheck? CheckLeafEntry(Leaf leaf)
    {
        var subject = $"sequence {leaf.Sequence}";
        if (leaf.Entry is null || leaf.Entry.MessageCase == SubscriptionMessage.MessageOneofCase.None)
        {
            return VerificationCheck.Fail(subject, "the exchange gave a salt but no entry", leaf.Sequence);
        }
        if (leaf.Entry.MessageCase == SubscriptionMessage.MessageOneofCase.Unreadable)
        {
            return VerificationCheck.Fail(subject, $"the entry cannot be read back ({leaf.Entry.Unreadable.Reason}), so its commitment cannot be checked", leaf.Sequence);
        }
        if (SubscriptionPositions.Of(leaf.Entry) is { } position && position != leaf.Sequence)
        {
            return VerificationCheck.Fail(subject, "the entry listed at this sequence says it is another", leaf.Sequence,
                expected: leaf.Sequence.ToString(), found: position.ToString());
        }
        var commitment = MerkleHashes.Commitment(leaf.Salt.Span, leaf.Entry);
        return commitment.AsSpan().SequenceEqual(leaf.Commitment.Span)
            ? null
            : VerificationCheck.Fail(subject, "the entry stored is not the one the log committed to", leaf.Sequence,
                expected: Base64(leaf.Commitment), found: Convert.ToBase64String(commitment));
    }

    private static string Base64(ByteString bytes) => Convert.ToBase64String(bytes.Span);
}

using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NotificationExchange.Transparency.Merkle;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Transparency;

/// <summary>
/// The store edited behind the exchange's back (its SQLite file or PostgreSQL database changed directly while the exchange is stopped, then
/// the exchange started again on it): each edit is detected by what a client checks against what it saved before (a
/// signed head and the leaves): an entry that no longer matches its commitment, leaves that no longer give the saved
/// root, a consistency proof from the saved head that does not hold. A fork (two heads of one size with different
/// roots, here from an older copy of the store appending other entries) is detected by a client that saw both.
/// </summary>
public sealed class TamperingTests
{
    private TestDatabase _database = null!;

    [SetUp]
    public void NewDatabase() => _database = new TestDatabase();

    [TearDown]
    public void RemoveDatabase() => _database.Dispose();

    /// <summary>What a client saw before the edit: a signed head and every leaf (as a party to everything in the log).</summary>
    private sealed record Saved(SignedTreeHead Head, List<Leaf> Leaves, string ApiKey);

    private static async Task<Saved> RecordAsync(string databasePath)
    {
        await using var host = await ExchangeHost.StartAsync(databasePath, settings: TransparencyLogTests.FastSigning);
        var key = await host.NewOperatorKeyAsync("tamper-ops");
        var filer = host.Client(key);
        var peer = await host.NewOperatorAsync("tamper-peer");
        for (var i = 0; i < 5; i++)
        {
            await filer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver((uint)(25000 + i))));
        }
        await Consulting.OpenAsync(filer, peer, "tamper-peer");
        var client = Client(host, key);
        var head = await LogAuditor.HeadCoveringAsync(client, await LogHeadAsync(host));
        var leaves = await LogAuditor.AllLeavesAsync(client);
        Assert.That(LogAuditor.RootOf(leaves, head.TreeSize), Is.EqualTo(head.RootHash.ToByteArray()), "before the edit the log checks out");
        Assert.That(leaves.All(LogAuditor.CommitmentMatches), Is.True);
        return new Saved(head, leaves, key);
    }

    private static TransparencyService.TransparencyServiceClient Client(ExchangeHost host, string key) => new(ExchangeHost.ApiKeyChannel(host.Address, key));

    private static async Task<ulong> LogHeadAsync(ExchangeHost host) =>
        (ulong)await host.Services.GetRequiredService<INotificationLog>().GetHeadSequenceAsync(CancellationToken.None);

    private async Task EditAsync(IReadOnlyDictionary<string, object>? parameters, params string[] statements)
    {
        foreach (var sql in statements)
        {
            Assert.That(await TestStore.ExecuteAsync(_database.Path, sql, parameters), Is.GreaterThan(0), sql);
        }
    }

    private Task EditAsync(params string[] statements) => EditAsync(null, statements);

    /// <summary>The exchange started again on the edited store: what a client now reads, checked against what it saved.</summary>
    private async Task<(List<Leaf> Leaves, byte[]? Root, SignedTreeHead Latest)> AuditAgainAsync(Saved saved)
    {
        await using var host = await ExchangeHost.StartAsync(_database.Path, settings: TransparencyLogTests.FastSigning);
        var client = Client(host, saved.ApiKey);
        var leaves = await LogAuditor.AllLeavesAsync(client);
        var latest = await LogAuditor.HeadCoveringAsync(client, 1);
        return (leaves, LogAuditor.RootOf(leaves, saved.Head.TreeSize), latest);
    }

    [Test]
    public async Task An_altered_entry_no_longer_matches_its_commitment()
    {
        var saved = await RecordAsync(_database.Path);

        await EditAsync("UPDATE events SET snapshot = replace(snapshot, 'Duty flight dynamics engineer', 'Night flight dynamics engineer') WHERE sequence = 2;");

        var (leaves, root, _) = await AuditAgainAsync(saved);
        Assert.That(leaves.Where(l => !LogAuditor.CommitmentMatches(l)).Select(l => l.Sequence), Is.EqualTo(new[] { 2UL }));
        Assert.That(leaves.Single(l => l.Sequence == 2).Entry.Event.Notification.Maneuver.Contact.Name, Is.EqualTo("Night flight dynamics engineer"),
            "the exchange serves the edited entry, and its commitment gives it away");
        Assert.That(root, Is.EqualTo(saved.Head.RootHash.ToByteArray()), "the commitments themselves were not touched");
    }

    [Test]
    public async Task A_deleted_entry_leaves_leaves_that_no_longer_give_the_saved_root()
    {
        var saved = await RecordAsync(_database.Path);

        await EditAsync("DELETE FROM events WHERE sequence = 3;", "DELETE FROM notifications WHERE latest_sequence = 3;");

        var (leaves, root, _) = await AuditAgainAsync(saved);
        Assert.That(leaves.Select(l => l.Sequence), Does.Not.Contain(3UL));
        Assert.That(root, Is.Not.EqualTo(saved.Head.RootHash.ToByteArray()), "the leaves are no longer those of the signed head");

        // Asked to prove the lost entry's inclusion, the exchange says what was lost (not UNKNOWN).
        await using var host = await ExchangeHost.StartAsync(_database.Path, settings: TransparencyLogTests.FastSigning);
        var lost = await GrpcAssert.FailsWithAsync(Grpc.Core.StatusCode.DataLoss, async () =>
            await Client(host, saved.ApiKey).GetInclusionProofsAsync(new GetInclusionProofsRequest { Sequences = { 3 }, TreeSize = saved.Head.TreeSize }));
        Assert.That(lost.Status.Detail, Does.Contain("sequence 3"));
    }

    [Test]
    public async Task Two_entries_swapped_give_another_root_and_no_longer_match_their_commitments()
    {
        var saved = await RecordAsync(_database.Path);

        await EditAsync("UPDATE events SET sequence = -2 WHERE sequence = 2;", "UPDATE events SET sequence = 2 WHERE sequence = 4;", "UPDATE events SET sequence = 4 WHERE sequence = -2;");

        var (leaves, root, _) = await AuditAgainAsync(saved);
        Assert.That(root, Is.Not.EqualTo(saved.Head.RootHash.ToByteArray()));
        Assert.That(leaves.Where(l => !LogAuditor.CommitmentMatches(l)).Select(l => l.Sequence), Is.EquivalentTo(new[] { 2UL, 4UL }),
            "each entry carries its sequence, which its commitment covers");
    }

    [Test]
    public async Task An_altered_commitment_gives_another_root_and_no_longer_matches_its_entry()
    {
        var saved = await RecordAsync(_database.Path);

        await EditAsync(new Dictionary<string, object> { ["@commitment"] = RandomNumberGenerator.GetBytes(32) }, "UPDATE events SET commitment = @commitment WHERE sequence = 5;");

        var (leaves, root, _) = await AuditAgainAsync(saved);
        Assert.That(root, Is.Not.EqualTo(saved.Head.RootHash.ToByteArray()));
        Assert.That(leaves.Where(l => !LogAuditor.CommitmentMatches(l)).Select(l => l.Sequence), Is.EqualTo(new[] { 5UL }));
    }

    [Test]
    public async Task Rewritten_tree_nodes_and_heads_fail_the_consistency_proof_from_the_saved_head()
    {
        var saved = await RecordAsync(_database.Path);
        // The thorough forger: alters an entry, gives it a commitment that matches, rebuilds every node of the tree
        // from the commitments and removes the old heads, so that the exchange signs the forged tree.
        var forgedEntry = saved.Leaves[1].Entry.Clone();
        forgedEntry.Event.Notification.Maneuver.Contact.Name = "Night flight dynamics engineer";
        var forgedCommitment = EntryCommitment.Compute(saved.Leaves[1].Salt.Span, Google.Protobuf.MessageExtensions.ToByteArray(forgedEntry));
        var commitments = saved.Leaves.Select(l => l.Commitment.ToByteArray()).ToList();
        commitments[1] = forgedCommitment;
        var rebuilt = new TreeAppender(new NoNodes(), 0);
        for (var i = 0; i < commitments.Count; i++)
        {
            rebuilt.Append(MerkleHash.EntryLeaf(i + 1, commitments[i]));
        }
        await EditAsync(
            $"UPDATE events SET snapshot = replace(snapshot, 'Duty flight dynamics engineer', 'Night flight dynamics engineer'), commitment = {TestStore.BlobLiteral(forgedCommitment)} WHERE sequence = 2;",
            "DELETE FROM tree_nodes;",
            "DELETE FROM tree_heads;",
            "INSERT INTO tree_nodes (level, idx, hash) VALUES " + string.Join(", ", rebuilt.Added.Select(n => $"({n.Level}, {n.Index}, {TestStore.BlobLiteral(n.Hash)})")) + ";");

        await using var host = await ExchangeHost.StartAsync(_database.Path, settings: TransparencyLogTests.FastSigning);
        var client = Client(host, saved.ApiKey);
        await host.Client(saved.ApiKey).Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver(26000)));
        var latest = await LogAuditor.HeadCoveringAsync(client, saved.Head.TreeSize + 1);
        var leaves = await LogAuditor.AllLeavesAsync(client);
        Assert.That(leaves.All(LogAuditor.CommitmentMatches), Is.True, "the forged entry matches its forged commitment");

        var proof = await client.GetConsistencyProofAsync(new GetConsistencyProofRequest { FirstTreeSize = saved.Head.TreeSize, SecondTreeSize = latest.TreeSize });
        Assert.That(proof.FirstTreeHead.RootHash, Is.Not.EqualTo(saved.Head.RootHash), "the exchange now signs another root for the saved size: a fork");
        var fromSaved = proof.Clone();
        fromSaved.FirstTreeHead = saved.Head;
        Assert.That(LogAuditor.Consistent(fromSaved), Is.False, "the new tree does not extend the one the client saved");
        Assert.That(LogAuditor.RootOf(leaves, saved.Head.TreeSize), Is.Not.EqualTo(saved.Head.RootHash.ToByteArray()));
    }

    [Test]
    public async Task A_fork_from_an_older_copy_of_the_store_is_two_signed_heads_of_one_size_with_different_roots()
    {
        var saved = await RecordAsync(_database.Path);
        using var copy = new TestDatabase();
        // An older copy of the store (with its signing key), as a backup restored in its place would be.
        await TestStore.CopyAsync(_database.Path, copy.Path);

        var seen = new List<SignedTreeHead>();
        LogKey? key = null;
        foreach (var (path, norad) in new[] { (_database.Path, 27000u), (copy.Path, 27001u) })
        {
            await using var host = await ExchangeHost.StartAsync(path, settings: TransparencyLogTests.FastSigning);
            await host.Client(saved.ApiKey).Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver(norad)));
            var client = Client(host, saved.ApiKey);
            seen.Add(await LogAuditor.HeadCoveringAsync(client, saved.Head.TreeSize + 1));
            key ??= await client.GetLogKeyAsync(new GetLogKeyRequest());
        }

        Assert.That(seen.All(h => LogAuditor.SignatureVerifies(key!, h)), Is.True, "both heads are the log's own");
        Assert.That(seen[0].TreeSize, Is.EqualTo(seen[1].TreeSize));
        Assert.That(seen[0].RootHash, Is.Not.EqualTo(seen[1].RootHash), "two signed heads of one size with different roots: the evidence of a fork");
    }

    private sealed class NoNodes : INodeSource
    {
        public byte[] Node(int level, long index) => throw new InvalidOperationException("an empty tree has no nodes");
    }
}

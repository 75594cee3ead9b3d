using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Transparency;
using NotificationExchange.Transparency.Heads;
using NotificationExchange.Transparency.Merkle;
using NUnit.Framework;

namespace NotificationExchange.Storage.Tests.Contract;

// The transparency log: commitments in the entries' rows, the tree's complete subtrees under its cursor, signed heads.
public abstract partial class ExchangeStoreContract
{
    [Test]
    public async Task Each_entry_is_committed_in_the_write_that_appends_it_and_read_back_with_its_salt_and_commitment()
    {
        var committer = new CountingCommitter();
        var store = Open(services: s => s.AddSingleton<ILeafCommitter>(committer));

        await store.WriteAsync(s => s.AppendNext("N-1"));
        await store.WriteAsync(s => (s.AppendNext("N-2"), s.AppendNext("N-1")));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.WriteAsync<int>(s =>
        {
            s.AppendNext("N-3");
            throw new InvalidOperationException("the write fails after its append");
        }));

        var leaves = await store.Transparency.ReadLeavesAsync(1, 10, CancellationToken.None);
        Assert.That(leaves.Select(l => l.Sequence), Is.EqualTo(new long[] { 1, 2, 3 }), "a failed write leaves no entry and no commitment");
        Assert.That(leaves.Select(l => (l.Salt, l.Commitment)), Is.EqualTo(leaves.Select(l => (CountingCommitter.Salt(l.Sequence), CountingCommitter.Commitment(l.Sequence)))));
        Assert.That(leaves.Select(l => ((RecordedEvent)l.Entry).Notification.Id), Is.EqualTo(new[] { "N-1", "N-2", "N-1" }));
        Assert.That(await store.Transparency.ReadUncommittedAsync(0, 10, CancellationToken.None), Is.Empty);
        Assert.That(await store.Transparency.ReadLeavesAsync(2, 1, CancellationToken.None), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Entries_recorded_without_a_committer_are_committed_later_once()
    {
        var store = Open();
        await store.WriteAsync(s => (s.AppendNext("N-1"), s.AppendNext("N-2"), s.AppendNext("N-3")));

        Assert.That((await store.Transparency.ReadUncommittedAsync(0, 10, CancellationToken.None)).Select(e => e.Sequence), Is.EqualTo(new long[] { 1, 2, 3 }));
        Assert.That((await store.Transparency.ReadUncommittedAsync(1, 1, CancellationToken.None)).Select(e => e.Sequence), Is.EqualTo(new long[] { 2 }));
        var first = new EntryCommitment(CountingCommitter.Salt(2), CountingCommitter.Commitment(2));
        Assert.That(await store.WriteAsync(s => s.SaveCommitment(2, first)), Is.True);
        Assert.That(await store.WriteAsync(s => s.SaveCommitment(2, new EntryCommitment(new byte[32], new byte[32]))), Is.False, "a commitment never changes");

        store = Reopen(store);
        var leaves = await store.Transparency.ReadLeavesAsync(1, 10, CancellationToken.None);
        Assert.That(leaves.Select(l => l.Commitment is null), Is.EqualTo(new[] { true, false, true }));
        Assert.That((leaves[1].Salt, leaves[1].Commitment), Is.EqualTo((first.Salt, first.Commitment)));
        Assert.That((await store.Transparency.ReadUncommittedAsync(0, 10, CancellationToken.None)).Select(e => e.Sequence), Is.EqualTo(new long[] { 1, 3 }));
    }

    [Test]
    public async Task The_tree_grows_under_its_cursor_and_keeps_its_nodes_and_one_head_per_size()
    {
        var store = Open();
        var now = LogEvents.Epoch;
        Assert.That(await store.Transparency.GetTreeSizeAsync(CancellationToken.None), Is.Zero);
        Assert.That(await store.Transparency.GetLatestHeadAsync(CancellationToken.None), Is.Null);
        Assert.That(await store.WriteAsync(s => s.LeaseCursor(ITransparencyStore.TreeCursor, InstanceA, now, now.AddSeconds(15))), Is.Zero);

        var appender = new TreeAppender(new NoNodes(), 0);
        for (var sequence = 1; sequence <= 3; sequence++)
        {
            appender.Append(MerkleHash.EntryLeaf(sequence, CountingCommitter.Commitment(sequence)));
        }
        Assert.That(await store.WriteAsync(s =>
        {
            var moved = s.MoveCursor(ITransparencyStore.TreeCursor, InstanceA, 0, appender.Size, now);
            s.SaveTreeNodes(appender.Added);
            return moved;
        }), Is.True);

        store = Reopen(store);
        Assert.That(await store.Transparency.GetTreeSizeAsync(CancellationToken.None), Is.EqualTo(3));
        using (var nodes = store.Transparency.OpenTreeNodes())
        {
            foreach (var node in appender.Added)
            {
                Assert.That(nodes.Node(node.Level, node.Index), Is.EqualTo(node.Hash), $"node {node.Level}/{node.Index}");
            }
            Assert.Throws<InvalidOperationException>(() => nodes.Node(1, 1), "the tree of 3 leaves has no second pair");
            Assert.That(MerkleTree.Root(nodes, 3), Is.EqualTo(MerkleTree.Root(appender, 3)));
        }

        using var key = LogSigningKey.Generate();
        var small = key.Sign("test-log", 2, new byte[32], 1000);
        var large = key.Sign("test-log", 3, new byte[32], 2000);
        Assert.That(await store.WriteAsync(s => (s.SaveTreeHead(large), s.SaveTreeHead(small))), Is.EqualTo((true, true)));
        Assert.That(await store.WriteAsync(s => s.SaveTreeHead(key.Sign("test-log", 3, new byte[32], 3000))), Is.False, "one head per size: the first stays");
        var latest = await store.Transparency.GetLatestHeadAsync(CancellationToken.None);
        Assert.That((latest!.TreeSize, latest.TimestampMilliseconds, latest.Signature), Is.EqualTo((3L, 2000L, large.Signature)));
        Assert.That(key.Verifies(latest), Is.True, "a head reads back exactly as signed");
        Assert.That((await store.Transparency.GetHeadAsync(2, CancellationToken.None))!.TimestampMilliseconds, Is.EqualTo(1000));
        Assert.That(await store.Transparency.GetHeadAsync(1, CancellationToken.None), Is.Null);
    }

    /// <summary>A committer whose salts and commitments are fixed by the sequence, so that a test can tell them apart.</summary>
    private sealed class CountingCommitter : ILeafCommitter
    {
        public static byte[] Salt(long sequence) => SHA256.HashData(BitConverter.GetBytes(sequence));

        public static byte[] Commitment(long sequence) => SHA256.HashData(BitConverter.GetBytes(-sequence));

        public EntryCommitment? Commit(LogEntry entry) => new(Salt(entry.Sequence), Commitment(entry.Sequence));
    }

    private sealed class NoNodes : INodeSource
    {
        public byte[] Node(int level, long index) => throw new InvalidOperationException("an empty tree has no nodes");
    }
}

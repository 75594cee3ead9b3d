using System.Security.Cryptography;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using NotificationExchange.Client;
using NotificationExchange.Client.Services;
using NotificationExchange.Client.Transparency;
using NotificationExchange.Protocol.V1;
using NUnit.Framework;

namespace NotificationExchange.Clients.Tests.Transparency;

/// <summary>Signed tree heads checked with a pinned key, every tampering refused; entries checked against proofs; and a
/// fork (two heads of one size with different roots) reported by the head store's check with both heads.</summary>
public sealed class TreeHeadTests
{
    private static readonly byte[] Root = SHA256.HashData("a root"u8);

    [Test]
    public void A_head_signed_with_the_pinned_key_verifies_and_every_alteration_of_it_is_refused()
    {
        using var log = new TestLog();
        var key = TrustedLogKey.From(log.LogKey);
        var head = log.Sign(40, Root);
        Assert.That(key.Problem(head), Is.Null);
        Assert.That(TrustedLogKey.FromPem(TestLog.Origin, log.LogKey.PublicKeyPem).Problem(head), Is.Null, "the PEM pins the same key");

        var alterations = new Dictionary<string, Action<SignedTreeHead>>
        {
            ["size"] = h => h.TreeSize++,
            ["root"] = h => h.RootHash = ByteString.CopyFrom(SHA256.HashData("another root"u8)),
            ["timestamp"] = h => h.Timestamp = Timestamp.FromDateTimeOffset(h.Timestamp.ToDateTimeOffset().AddMilliseconds(1)),
            ["origin"] = h => h.Origin = "elsewhere",
            ["key id"] = h => h.KeyId = new string('0', 64),
            ["signature"] = h => h.Signature = ByteString.CopyFrom(h.Signature.Span[..^1]),
        };
        foreach (var (name, alter) in alterations)
        {
            var altered = head.Clone();
            alter(altered);
            Assert.That(key.Problem(altered), Is.Not.Null, name);
        }

        using var other = new TestLog();
        var forged = other.Sign(40, Root);
        forged.KeyId = log.KeyId;
        Assert.That(key.Problem(forged), Does.Contain("does not verify"), "signed by another key under the pinned key's id");
    }

    [Test]
    public void A_log_key_that_is_not_what_it_says_is_refused()
    {
        using var log = new TestLog();
        var wrongId = log.LogKey;
        wrongId.KeyId = new string('a', 64);
        Assert.Throws<ArgumentException>(() => TrustedLogKey.From(wrongId));
        var wrongAlgorithm = log.LogKey;
        wrongAlgorithm.Algorithm = "ed25519";
        Assert.Throws<ArgumentException>(() => TrustedLogKey.From(wrongAlgorithm));
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        Assert.Throws<ArgumentException>(() => _ = new TrustedLogKey(TestLog.Origin, p384.ExportSubjectPublicKeyInfo()));
    }

    [Test]
    public void An_entry_is_verified_against_its_proof_and_an_altered_entry_names_its_sequence()
    {
        using var log = new TestLog();
        var entries = Enumerable.Range(1, 5).Select(i => Entry((ulong)i, $"MNV-{i}")).ToList();
        var salts = entries.Select(_ => RandomNumberGenerator.GetBytes(32)).ToList();
        var commitments = entries.Select((e, i) => MerkleHashes.Commitment(salts[i], e.Message)).ToList();
        var leaves = commitments.Select((c, i) => MerkleHashes.LeafHash((ulong)i + 1, c)).ToList();
        var head = log.Sign(5, NaiveMerkleTree.Root(leaves));
        var response = new GetInclusionProofsResponse { TreeHead = head };
        for (var i = 0; i < 5; i++)
        {
            response.Proofs.Add(new InclusionProof
            {
                Sequence = (ulong)i + 1,
                LeafIndex = (ulong)i,
                AuditPath = { NaiveMerkleTree.Path(i, leaves).Select(ByteString.CopyFrom) },
                Commitment = ByteString.CopyFrom(commitments[i]),
                Salt = ByteString.CopyFrom(salts[i]),
            });
        }
        Assert.That(TransparencyApi.CheckInclusion(entries, response, head).Select(c => c.Verified), Is.All.True);

        var altered = Entry(3, "MNV-3");
        altered.Message.Event.Notification.Version = 2;
        var check = TransparencyApi.CheckInclusion([altered], response, head).Single();
        Assert.That(check.Verified, Is.False);
        Assert.That(check.Sequence, Is.EqualTo(3));
        Assert.That(check.Expected, Is.EqualTo(Convert.ToBase64String(commitments[2])));
        Assert.That(check.ToString(), Does.Contain("sequence 3").And.Contain("not the one the log committed to"));

        var noSalt = response.Clone();
        noSalt.Proofs[1].Salt = ByteString.Empty;
        Assert.That(TransparencyApi.CheckInclusion([entries[1]], noSalt, head).Single().Detail, Does.Contain("no salt"));
        var otherHead = response.Clone();
        otherHead.TreeHead = log.Sign(5, SHA256.HashData("another"u8));
        Assert.That(TransparencyApi.CheckInclusion(entries, otherHead, head).Single().Detail, Does.Contain("another head"));
        var badPath = response.Clone();
        badPath.Proofs[4].AuditPath[0] = ByteString.CopyFrom(SHA256.HashData("x"u8));
        Assert.That(TransparencyApi.CheckInclusion([entries[4]], badPath, head).Single().Detail, Does.Contain("does not lead to the root"));
    }

    [Test]
    public void A_point_read_revision_becomes_the_stream_form_without_its_screening()
    {
        var revision = new NotificationRevision
        {
            Version = 2,
            Sequence = 12,
            EventType = NotificationEventType.Amended,
            RecordedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch.AddDays(20000)),
            Notification = new Notification { Id = "MNV-7", Version = 2, Sequence = 12, Screening = new ScreeningStatus() },
        };
        var entry = LogEntry.FromRevision(revision)!;
        Assert.That(entry.Subject, Is.EqualTo("MNV-7 v2 (sequence 12)"));
        Assert.That(entry.Message.Event, Is.EqualTo(new NotificationEvent
        {
            Sequence = 12,
            EventType = NotificationEventType.Amended,
            RecordedAt = revision.RecordedAt,
            Notification = new Notification { Id = "MNV-7", Version = 2, Sequence = 12 },
        }));
        Assert.That(revision.Notification.Screening, Is.Not.Null, "the caller's revision is left as it was");
        Assert.That(LogEntry.FromRevision(new NotificationRevision { Version = 3, Sequence = 13, UnreadableReason = "refused value" }), Is.Null);
    }

    [Test]
    public async Task Two_heads_of_one_size_with_different_roots_are_reported_as_a_fork_with_both_and_nothing_is_saved()
    {
        using var log = new TestLog();
        var key = TrustedLogKey.From(log.LogKey);
        var folder = Directory.CreateTempSubdirectory("nx-heads-");
        var store = new TreeHeadFile(Path.Combine(folder.FullName, "heads.jsonl"));
        var first = log.Sign(7, Root, 1_790_000_000_000);
        await store.AddAsync(first);
        Assert.That(await store.LoadAsync(), Is.EqualTo(new[] { first }), "a head reads back as saved");
        var second = log.Sign(7, SHA256.HashData("the other history"u8), 1_790_000_060_000);

        // A fork needs no call: the client holds both signed heads. The exchange behind this client is never asked.
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress("http://127.0.0.1:9");
        using var client = new NxClient(channel.CreateCallInvoker());
        var report = await client.Transparency.CheckHeadAsync(second, key, store);

        Assert.That(report.Verified, Is.False);
        var fork = report.Failures.Single();
        Assert.That(fork.Detail, Does.StartWith("fork: two signed heads of size 7"));
        Assert.That(new[] { fork.Expected, fork.Found }, Is.EquivalentTo(new[] { Convert.ToBase64String(first.RootHash.Span), Convert.ToBase64String(second.RootHash.Span) }));
        Assert.That(await store.LoadAsync(), Is.EqualTo(new[] { first }), "the forked head is not saved as if it were good");
        Assert.That(TransparencyApi.Forks([first, log.Sign(7, Root, 1_790_000_090_000)]), Is.Empty, "the same root signed twice is no fork");
        folder.Delete(recursive: true);
    }

    [Test]
    public async Task A_saved_head_another_key_signed_is_refused_but_is_no_evidence_of_a_fork()
    {
        using var log = new TestLog();
        using var impostor = new TestLog();
        var folder = Directory.CreateTempSubdirectory("nx-heads-");
        var store = new TreeHeadFile(Path.Combine(folder.FullName, "heads.jsonl"));
        await store.AddAsync(impostor.Sign(7, SHA256.HashData("made up"u8)));
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress("http://127.0.0.1:9");
        using var client = new NxClient(channel.CreateCallInvoker());

        var report = await client.Transparency.CheckHeadAsync(log.Sign(7, Root), TrustedLogKey.From(log.LogKey), store);

        Assert.That(report.Failures.Select(f => f.Detail).Single(), Does.Contain($"is signed by key {impostor.KeyId}, not the pinned key {log.KeyId}"));
        Assert.That(await store.LoadAsync(), Has.Count.EqualTo(1), "nothing saved beside a head that does not verify");
        folder.Delete(recursive: true);
    }

    private static LogEntry Entry(ulong sequence, string id) => LogEntry.Of(new SubscriptionMessage
    {
        Event = new NotificationEvent
        {
            Sequence = sequence,
            EventType = NotificationEventType.Filed,
            Notification = new Notification { Id = id, Version = 1, Sequence = sequence },
        },
    })!;
}

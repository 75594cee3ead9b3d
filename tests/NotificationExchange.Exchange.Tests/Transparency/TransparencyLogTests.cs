using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Transparency;

/// <summary>
/// The transparency log end to end on a real exchange: every kind of entry (notifications, a consultation, a direct
/// line, an alert) becomes a leaf; heads are signed with the published key; inclusion proofs verify for each entry and
/// consistency proofs between heads, checked with a verifier written from the proto's definitions; salts and entries
/// go only to those the entry's audience admits; bad requests name their fields.
/// </summary>
public sealed class TransparencyLogTests
{
    public static readonly Dictionary<string, string> FastSigning = new() { ["Exchange:Transparency:SignInterval"] = "00:00:00.100" };

    private TestDatabase _database = null!;
    private ExchangeHost _host = null!;
    private TransparencyService.TransparencyServiceClient _anonymous = null!;
    private TransparencyService.TransparencyServiceClient _asRequester = null!;
    private TransparencyService.TransparencyServiceClient _asOutsider = null!;
    private ExchangeClient _requester = null!;
    private string _consultationId = null!;

    [OneTimeSetUp]
    public async Task StartExchange()
    {
        _database = new TestDatabase();
        _host = await ExchangeHost.StartAsync(_database.Path, settings: FastSigning);
        var requesterKey = await _host.NewOperatorKeyAsync("tl-requester");
        _requester = _host.Client(requesterKey);
        var counterpart = await _host.NewOperatorAsync("tl-counterpart");
        _asRequester = Transparency(requesterKey);
        _asOutsider = Transparency(await _host.NewOperatorKeyAsync("tl-outsider"));
        _anonymous = new TransparencyService.TransparencyServiceClient(_host.AnonymousChannel());

        await _requester.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver()));
        await _requester.Notifications.FileNotificationAsync(Notices.File(Notices.ProximityOperation()));
        await counterpart.Notifications.FileNotificationAsync(Notices.File(Notices.Launch()));
        _consultationId = await Consulting.OpenAsync(_requester, counterpart, "tl-counterpart");
        await _requester.Consultations.ProposeDirectLineAsync(new ProposeDirectLineRequest { RequestId = Guid.NewGuid().ToString("N"), Counterpart = "tl-counterpart", Purpose = "GEO" });
        await Alerting.RaiseAsync(_host, "tl-requester", "tl-counterpart", DateTime.UtcNow, DateTime.UtcNow.AddDays(2));
    }

    [OneTimeTearDown]
    public async Task StopExchange()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    private TransparencyService.TransparencyServiceClient Transparency(string apiKey) => new(ExchangeHost.ApiKeyChannel(_host.Address, apiKey));

    private async Task<ulong> LogHeadAsync() => (ulong)await _host.Services.GetRequiredService<INotificationLog>().GetHeadSequenceAsync(CancellationToken.None);

    [Test]
    public async Task Every_entry_is_a_leaf_whose_inclusion_verifies_against_a_head_signed_with_the_published_key()
    {
        var size = await LogHeadAsync();
        var head = await LogAuditor.HeadCoveringAsync(_anonymous, size);
        var key = await _anonymous.GetLogKeyAsync(new GetLogKeyRequest());

        Assert.That(key.Algorithm, Is.EqualTo("ecdsa-p256-sha256"));
        Assert.That(key.PublicKeyPem, Does.StartWith("-----BEGIN PUBLIC KEY-----"));
        Assert.That(key.Origin, Is.EqualTo(head.Origin));
        Assert.That(LogAuditor.SignatureVerifies(key, head), Is.True, "the head's signature verifies with the published key");
        var forged = head.Clone();
        forged.TreeSize--;
        Assert.That(LogAuditor.SignatureVerifies(key, forged), Is.False, "a head with another size does not verify");

        var sequences = Enumerable.Range(1, (int)head.TreeSize).Select(i => (ulong)i).ToList();
        var proofs = await _asRequester.GetInclusionProofsAsync(new GetInclusionProofsRequest { Sequences = { sequences }, TreeSize = head.TreeSize });
        Assert.That(proofs.TreeHead, Is.EqualTo(head));
        Assert.That(proofs.Proofs.Select(p => p.Sequence), Is.EqualTo(sequences));
        Assert.That(proofs.Proofs.All(p => LogAuditor.IncludedIn(p, head)), Is.True, "every entry's inclusion proof verifies");
        Assert.That(proofs.Proofs.All(p => p.Salt.Length == 32), Is.True, "the requester is in every entry's audience here");

        var leaves = await LogAuditor.AllLeavesAsync(_asRequester, pageSize: 3);
        Assert.That(leaves.Select(l => l.Sequence), Is.EqualTo(sequences), "paged, gapless, in order");
        Assert.That(leaves.Select(l => l.Entry.MessageCase).Distinct(), Is.EquivalentTo(new[]
        {
            SubscriptionMessage.MessageOneofCase.Event, SubscriptionMessage.MessageOneofCase.ConsultationEvent,
            SubscriptionMessage.MessageOneofCase.DirectLineEvent, SubscriptionMessage.MessageOneofCase.AlertEvent,
        }), "every kind of entry is a leaf");
        Assert.That(leaves.Where(l => !LogAuditor.CommitmentMatches(l)).Select(l => l.Sequence), Is.Empty,
            "each entry, rendered from the store now, matches the commitment its write made");
        Assert.That(leaves.Select(l => l.Commitment), Is.EqualTo(proofs.Proofs.Select(p => p.Commitment)));
        Assert.That(LogAuditor.RootOf(leaves, head.TreeSize), Is.EqualTo(head.RootHash.ToByteArray()), "the leaves give the head's root");
    }

    [Test]
    public async Task Consistency_proofs_between_heads_verify()
    {
        var first = await LogAuditor.HeadCoveringAsync(_anonymous, await LogHeadAsync());
        await _requester.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver(25000)));
        await _requester.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver(25001)));
        var second = await LogAuditor.HeadCoveringAsync(_anonymous, await LogHeadAsync());

        var proof = await _anonymous.GetConsistencyProofAsync(new GetConsistencyProofRequest { FirstTreeSize = first.TreeSize });

        Assert.That((proof.FirstTreeHead, proof.SecondTreeHead), Is.EqualTo((first, second)));
        Assert.That(LogAuditor.Consistent(proof), Is.True);
        var key = await _anonymous.GetLogKeyAsync(new GetLogKeyRequest());
        Assert.That(LogAuditor.SignatureVerifies(key, proof.FirstTreeHead) && LogAuditor.SignatureVerifies(key, proof.SecondTreeHead), Is.True);
        var same = await _anonymous.GetConsistencyProofAsync(new GetConsistencyProofRequest { FirstTreeSize = second.TreeSize, SecondTreeSize = second.TreeSize });
        Assert.That(same.Path, Is.Empty);
        Assert.That(await _anonymous.GetSignedTreeHeadAsync(new GetSignedTreeHeadRequest { TreeSize = first.TreeSize }), Is.EqualTo(first));
    }

    [Test]
    public async Task Salts_and_entries_go_only_to_those_the_entrys_audience_admits()
    {
        var head = await LogAuditor.HeadCoveringAsync(_anonymous, await LogHeadAsync());
        var asRequester = await LogAuditor.AllLeavesAsync(_asRequester);
        var restricted = asRequester
            .Where(l => l.Entry.MessageCase is SubscriptionMessage.MessageOneofCase.ConsultationEvent
                or SubscriptionMessage.MessageOneofCase.DirectLineEvent or SubscriptionMessage.MessageOneofCase.AlertEvent)
            .Select(l => l.Sequence).ToHashSet();
        Assert.That(asRequester.Where(l => l.Entry.ConsultationEvent?.Consultation.Id == _consultationId), Is.Not.Empty);
        Assert.That(restricted, Is.Not.Empty);

        foreach (var (who, client) in new[] { ("anonymous", _anonymous), ("an outsider", _asOutsider) })
        {
            var leaves = await LogAuditor.AllLeavesAsync(client);
            Assert.That(leaves.Select(l => l.Commitment), Is.EqualTo(asRequester.Select(l => l.Commitment)), $"{who} sees every commitment");
            Assert.That(leaves.Where(l => restricted.Contains(l.Sequence)).All(l => l.Salt.IsEmpty && l.Entry is null), Is.True,
                $"{who} gets no salt and no entry of a restricted one");
            Assert.That(leaves.Where(l => !restricted.Contains(l.Sequence)).All(l => l.Salt.Length == 32 && LogAuditor.CommitmentMatches(l)), Is.True,
                $"{who} gets public entries with their salts");
            var proofs = await client.GetInclusionProofsAsync(new GetInclusionProofsRequest { Sequences = { restricted }, TreeSize = head.TreeSize });
            Assert.That(proofs.Proofs.All(p => p.Salt.IsEmpty && LogAuditor.IncludedIn(p, head)), Is.True,
                $"{who} can check that restricted entries are in the tree, and learns nothing of them");
        }
    }

    [Test]
    public async Task Bad_requests_are_refused_naming_every_field()
    {
        var head = await LogAuditor.HeadCoveringAsync(_anonymous, await LogHeadAsync());
        var beyond = head.TreeSize + 1000;

        var fields = await GrpcAssert.InvalidFieldsAsync(async () => await _anonymous.GetSignedTreeHeadAsync(new GetSignedTreeHeadRequest { TreeSize = beyond }));
        Assert.That(fields.Keys, Is.EquivalentTo(new[] { "tree_size" }));

        fields = await GrpcAssert.InvalidFieldsAsync(async () => await _anonymous.GetInclusionProofsAsync(
            new GetInclusionProofsRequest { Sequences = { 1, 0, beyond }, TreeSize = head.TreeSize }));
        Assert.That(fields.Keys, Is.EquivalentTo(new[] { "sequences[1]", "sequences[2]" }));
        fields = await GrpcAssert.InvalidFieldsAsync(async () => await _anonymous.GetInclusionProofsAsync(new GetInclusionProofsRequest { TreeSize = beyond }));
        Assert.That(fields.Keys, Is.EquivalentTo(new[] { "sequences", "tree_size" }));
        fields = await GrpcAssert.InvalidFieldsAsync(async () => await _anonymous.GetInclusionProofsAsync(
            new GetInclusionProofsRequest { Sequences = { Enumerable.Range(1, 101).Select(i => 1UL) } }));
        Assert.That(fields.Keys, Is.EquivalentTo(new[] { "sequences" }));

        fields = await GrpcAssert.InvalidFieldsAsync(async () => await _anonymous.GetConsistencyProofAsync(new GetConsistencyProofRequest { SecondTreeSize = beyond }));
        Assert.That(fields.Keys, Is.EquivalentTo(new[] { "first_tree_size", "second_tree_size" }));
        fields = await GrpcAssert.InvalidFieldsAsync(async () => await _anonymous.GetConsistencyProofAsync(new GetConsistencyProofRequest { FirstTreeSize = beyond }));
        Assert.That(fields.Keys, Is.EquivalentTo(new[] { "first_tree_size" }));

        fields = await GrpcAssert.InvalidFieldsAsync(async () => await _anonymous.ListLeavesAsync(new ListLeavesRequest { StartSequence = 0, PageSize = 10_001 }));
        Assert.That(fields.Keys, Is.EquivalentTo(new[] { "start_sequence", "page_size" }));
        var past = await _anonymous.ListLeavesAsync(new ListLeavesRequest { StartSequence = beyond });
        Assert.That((past.Leaves.Count, past.NextStartSequence), Is.EqualTo((0, 0UL)));
    }

    [Test]
    public async Task Leaves_appended_heads_signed_the_tree_size_and_the_signing_lag_are_measured()
    {
        var sums = new ConcurrentDictionary<string, double>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "NotificationExchange" && instrument.Name.StartsWith("nx.transparency.", StringComparison.Ordinal))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, _, _) => sums.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        meters.SetMeasurementEventCallback<double>((instrument, value, _, _) => sums.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        meters.Start();
        using var database = new TestDatabase();
        await using var host = await ExchangeHost.StartAsync(database.Path, settings: FastSigning);
        var filer = await host.NewOperatorAsync("tl-measured");
        for (var i = 0; i < 3; i++)
        {
            await filer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver()));
        }

        var head = await LogAuditor.HeadCoveringAsync(new TransparencyService.TransparencyServiceClient(host.AnonymousChannel()), 3);

        Assert.That(head.TreeSize, Is.EqualTo(3));
        Assert.That(sums.GetValueOrDefault("nx.transparency.leaves_appended"), Is.GreaterThanOrEqualTo(3));
        Assert.That(sums.GetValueOrDefault("nx.transparency.heads_signed"), Is.GreaterThanOrEqualTo(1));
        // The signer measures the lag after the head is stored, and a client may read the head first (on PostgreSQL
        // the newest leaf's read back is one more round trip): wait for the measurement, not a fixed time.
        Assert.That(() => sums.ContainsKey("nx.transparency.signing_lag"), Is.True.After(10_000, 20));
        Assert.That(sums.ContainsKey("nx.transparency.tree_size"), Is.True);
    }

    [Test]
    public async Task Switched_off_the_log_commits_nothing_and_the_service_says_so_and_the_next_start_with_it_on_commits_what_was_recorded()
    {
        using var database = new TestDatabase();
        var off = new Dictionary<string, string>(FastSigning) { ["Exchange:Transparency:Enabled"] = "false" };
        await using (var host = await ExchangeHost.StartAsync(database.Path, settings: off))
        {
            var filer = await host.NewOperatorAsync("tl-off");
            await host.NewOperatorAsync("tl-off-peer");
            await filer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver()));
            await Consulting.RequestAsync(filer, "tl-off-peer");
            var client = new TransparencyService.TransparencyServiceClient(host.AnonymousChannel());
            var refused = await GrpcAssert.FailsWithAsync(StatusCode.FailedPrecondition, async () => await client.GetSignedTreeHeadAsync(new GetSignedTreeHeadRequest()));
            Assert.That(refused.Status.Detail, Is.EqualTo("the transparency log is switched off"));
            await GrpcAssert.FailsWithAsync(StatusCode.FailedPrecondition, async () => await client.GetLogKeyAsync(new GetLogKeyRequest()));
        }
        await using (var host = await ExchangeHost.StartAsync(database.Path, settings: FastSigning))
        {
            var size = (ulong)await host.Services.GetRequiredService<INotificationLog>().GetHeadSequenceAsync(CancellationToken.None);
            var client = new TransparencyService.TransparencyServiceClient(host.AnonymousChannel());
            var head = await LogAuditor.HeadCoveringAsync(client, size);
            var leaves = await LogAuditor.AllLeavesAsync(client);
            Assert.That(head.TreeSize, Is.EqualTo(size));
            Assert.That(LogAuditor.RootOf(leaves, size), Is.EqualTo(head.RootHash.ToByteArray()));
            Assert.That(leaves.Where(l => l.Entry is not null).All(LogAuditor.CommitmentMatches), Is.True, "entries recorded before are committed from their stored form");
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Grpc.Core;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Consultations;

/// <summary>Converse on one exchange instance: who may converse and when, each message once and in order, receipts, resuming, refusals.</summary>
public class ConversationTests
{
    private TestDatabase _database = null!;
    private ExchangeHost _host = null!;
    private int _organisations;

    [OneTimeSetUp]
    public async Task StartExchange()
    {
        _database = new TestDatabase();
        _host = await ExchangeHost.StartAsync(_database.Path);
    }

    [OneTimeTearDown]
    public async Task StopExchange()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    [Test]
    public async Task Parties_receive_every_message_once_in_order_on_all_their_streams_and_see_each_others_receipts()
    {
        var (aId, a) = await OrganisationAsync("esa-ops");
        var (bId, b) = await OrganisationAsync("cnes-ops");
        var id = await Consulting.OpenAsync(a, b, bId);
        using var onA = await ConverseProbe.OpenAsync(a, id);
        using var alsoOnA = await ConverseProbe.OpenAsync(a, id);
        using var onB = await ConverseProbe.OpenAsync(b, id);
        foreach (var stream in new[] { onA, alsoOnA, onB })
        {
            Assert.That(await stream.ReadUntilCaughtUpAsync(), Is.Zero, "nothing said yet");
        }

        var said = new[]
        {
            await onA.SayAcceptedAsync("a-1", "We plan a collision avoidance maneuver at 12:00Z."),
            await onB.SayAcceptedAsync("b-1", "Understood: we hold course."),
            await onA.SayAcceptedAsync("a-2", "Confirmed, 0.35 m/s along track."),
        };

        Assert.That(said, Is.EqualTo(new ulong[] { 1, 2, 3 }), "accepted at the sequences allocated in the store");
        foreach (var stream in new[] { onA, alsoOnA, onB })
        {
            var messages = await stream.ReadMessagesAsync(3);
            Assert.That(messages.Select(m => (m.Sequence, m.FromOrganization, m.ClientMessageId)),
                Is.EqualTo(new[] { (1UL, aId, "a-1"), (2UL, bId, "b-1"), (3UL, aId, "a-2") }), "every party's every stream, the sender's own included");
            Assert.That(messages[1].Text, Is.EqualTo("Understood: we hold course."));
        }
        Assert.That(alsoOnA.Accepted, Is.Empty, "accepted goes to the stream that said the message only");

        await onB.ReceiptAsync(deliveredThrough: 3, readThrough: 2);
        var receipt = (await onA.ReadUntilAsync(r => r.Receipt?.OrganizationId == bId)).Receipt;
        Assert.That((receipt.DeliveredThrough, receipt.ReadThrough), Is.EqualTo((3UL, 2UL)));
        Assert.That((await alsoOnA.ReadUntilAsync(r => r.Receipt?.OrganizationId == bId)).Receipt, Is.EqualTo(receipt));

        var read = (await a.Consultations.GetConsultationAsync(new GetConsultationRequest { ConsultationId = id })).Consultation;
        Assert.That(read.LastMessageSequence, Is.EqualTo(3));
        Assert.That(read.Receipts, Is.EqualTo(new[] { receipt }));
        var listed = (await b.Consultations.ListConsultationsAsync(new ListConsultationsRequest())).Consultations.Single(c => c.Id == id);
        Assert.That((listed.LastMessageSequence, listed.Receipts.Single()), Is.EqualTo((3UL, receipt)));

        // A stream opened later replays the conversation, then gives the other parties' receipts as they stand.
        using var late = await ConverseProbe.OpenAsync(a, id);
        Assert.That(await late.ReadUntilCaughtUpAsync(), Is.EqualTo(3));
        Assert.That(late.Messages.Select(m => m.Sequence), Is.EqualTo(new ulong[] { 1, 2, 3 }));
        Assert.That((await late.ReadUntilAsync(r => r.Receipt is not null)).Receipt, Is.EqualTo(receipt));
    }

    [Test]
    public async Task A_party_that_has_stopped_sending_still_receives()
    {
        var (_, a) = await OrganisationAsync("esa-ops");
        var (bId, b) = await OrganisationAsync("cnes-ops");
        var id = await Consulting.OpenAsync(a, b, bId);
        using var onA = await ConverseProbe.OpenAsync(a, id);
        using var onB = await ConverseProbe.OpenAsync(b, id);
        await onB.ReadUntilCaughtUpAsync();
        await onB.CompleteAsync();

        await onA.SayAcceptedAsync("a-1", "Still there?");

        Assert.That((await onB.ReadMessagesAsync(1)).Single().Text, Is.EqualTo("Still there?"));
    }

    [Test]
    public async Task Conversing_before_a_counterpart_accepts_is_refused_naming_the_state()
    {
        var (_, a) = await OrganisationAsync("esa-ops");
        var (bId, b) = await OrganisationAsync("cnes-ops");
        var id = await Consulting.RequestAsync(a, bId);

        foreach (var party in new[] { a, b })
        {
            using var stream = await ConverseProbe.OpenAsync(party, id);
            var refused = await GrpcAssert.FailsWithAsync(StatusCode.FailedPrecondition, () => stream.ReadUntilCaughtUpAsync());
            Assert.That(refused.Status.Detail, Does.StartWith($"consultation {id} is REQUESTED"));
        }
    }

    [Test]
    public async Task A_counterpart_that_declined_reads_the_conversation_but_does_not_speak_in_it()
    {
        var (_, a) = await OrganisationAsync("esa-ops");
        var (bId, b) = await OrganisationAsync("cnes-ops");
        var (cId, c) = await OrganisationAsync("dlr-ops");
        var request = Consulting.Request(bId, cId);
        var id = (await a.Consultations.RequestConsultationAsync(request)).Id;
        await b.Consultations.AcceptConsultationAsync(new AcceptConsultationRequest { RequestId = "accept", ConsultationId = id });
        await c.Consultations.DeclineConsultationAsync(new DeclineConsultationRequest { RequestId = "decline", ConsultationId = id, Reason = "Not ours" });
        using var onA = await ConverseProbe.OpenAsync(a, id);
        await onA.SayAcceptedAsync("a-1", "Thanks, cnes-ops");

        using var onC = await ConverseProbe.OpenAsync(c, id);
        Assert.That((await onC.ReadMessagesAsync(1)).Single().Text, Is.EqualTo("Thanks, cnes-ops"), "a party reads");
        await onC.SendAsync(new ConverseRequest { Say = new ConverseSay { ClientMessageId = "c-1", Text = "May I?" } });
        var refused = await GrpcAssert.FailsWithAsync(StatusCode.FailedPrecondition, () => onC.ReadUntilAsync(_ => false));

        Assert.That(refused.Status.Detail, Does.StartWith($"{cId} is DECLINED in consultation {id}"));
    }

    [Test]
    public async Task To_a_third_organisation_the_conversation_does_not_exist()
    {
        var (_, a) = await OrganisationAsync("esa-ops");
        var (bId, b) = await OrganisationAsync("cnes-ops");
        var (_, outsider) = await OrganisationAsync("outsider-ops");
        var id = await Consulting.OpenAsync(a, b, bId);
        using var onA = await ConverseProbe.OpenAsync(a, id);
        await onA.SayAcceptedAsync("a-1", "For the parties only");

        using var intruding = await ConverseProbe.OpenAsync(outsider, id);
        var refused = await GrpcAssert.FailsWithAsync(StatusCode.NotFound, () => intruding.ReadUntilCaughtUpAsync());
        using var missing = await ConverseProbe.OpenAsync(outsider, "CON-999999");
        var none = await GrpcAssert.FailsWithAsync(StatusCode.NotFound, () => missing.ReadUntilCaughtUpAsync());

        Assert.That(refused.Status.Detail, Is.EqualTo($"consultation {id} not found"));
        Assert.That(none.Status.Detail, Is.EqualTo("consultation CON-999999 not found"), "in the same words as one that never existed");
        Assert.That(intruding.Received, Is.Empty);
    }

    [Test]
    public async Task A_message_said_again_under_its_client_id_is_stored_once_and_another_message_under_it_is_refused()
    {
        var (_, a) = await OrganisationAsync("esa-ops");
        var (bId, b) = await OrganisationAsync("cnes-ops");
        var id = await Consulting.OpenAsync(a, b, bId);
        using var onB = await ConverseProbe.OpenAsync(b, id);
        await onB.ReadUntilCaughtUpAsync();

        using (var first = await ConverseProbe.OpenAsync(a, id))
        {
            Assert.That(await first.SayAcceptedAsync("same", "Maneuver at 12:00Z"), Is.EqualTo(1));
            Assert.That(await first.SayAcceptedAsync("same", "Maneuver at 12:00Z"), Is.EqualTo(1), "on the same stream");
        }
        using var again = await ConverseProbe.OpenAsync(a, id, resumeAfter: 1);
        Assert.That(await again.SayAcceptedAsync("same", "Maneuver at 12:00Z"), Is.EqualTo(1), "after a reconnect");
        Assert.That(await again.SayAcceptedAsync("next", "Done"), Is.EqualTo(2), "nothing else was stored");
        Assert.That((await onB.ReadMessagesAsync(2)).Select(m => m.ClientMessageId), Is.EqualTo(new[] { "same", "next" }));

        await again.SayAsync("same", "Maneuver at 13:00Z");
        var fields = await GrpcAssert.InvalidFieldsAsync(() => again.ReadUntilAsync(_ => false));
        Assert.That(fields.Keys, Is.EquivalentTo(new[] { "say.client_message_id" }));
        Assert.That(fields["say.client_message_id"], Does.Contain("sequence 1"));
    }

    [Test]
    public async Task A_reconnect_mid_conversation_resumes_after_the_last_message_processed_with_nothing_lost_or_repeated()
    {
        const int total = 40;
        var (_, a) = await OrganisationAsync("esa-ops");
        var (bId, b) = await OrganisationAsync("cnes-ops");
        var id = await Consulting.OpenAsync(a, b, bId);
        using var onA = await ConverseProbe.OpenAsync(a, id);
        var first = await ConverseProbe.OpenAsync(b, id);
        await first.ReadUntilCaughtUpAsync();

        var saying = Task.Run(async () =>
        {
            for (var i = 1; i <= total; i++)
            {
                await onA.SayAcceptedAsync($"a-{i}", $"message {i}");
            }
        });
        var beforeDrop = await first.ReadMessagesAsync(10);
        first.Dispose();
        using var resumed = await ConverseProbe.OpenAsync(b, id, resumeAfter: beforeDrop[^1].Sequence);
        var afterDrop = await resumed.ReadMessagesAsync(total - beforeDrop.Count);
        await saying;

        var processed = beforeDrop.Concat(afterDrop).ToList();
        Assert.That(processed.Select(m => m.Sequence), Is.EqualTo(Enumerable.Range(1, total).Select(i => (ulong)i)), "each once, in order");
        Assert.That(processed.Select(m => m.Text), Is.EqualTo(Enumerable.Range(1, total).Select(i => $"message {i}")));
        Assert.That(resumed.CaughtUpAt, Is.Not.Null.And.GreaterThanOrEqualTo(beforeDrop[^1].Sequence));

        using var upToDate = await ConverseProbe.OpenAsync(b, id, resumeAfter: total);
        Assert.That(await upToDate.ReadUntilCaughtUpAsync(), Is.EqualTo(total));
        Assert.That(upToDate.Messages, Is.Empty, "nothing after the last");
    }

    [Test]
    public async Task Attachments_arrive_with_their_content_digest_and_size()
    {
        var (_, a) = await OrganisationAsync("esa-ops");
        var (bId, b) = await OrganisationAsync("cnes-ops");
        var id = await Consulting.OpenAsync(a, b, bId);
        using var onA = await ConverseProbe.OpenAsync(a, id);
        using var onB = await ConverseProbe.OpenAsync(b, id);
        const string oem = "<oem id=\"CCSDS_OEM_VERS\" version=\"3.0\">SENTINEL-1A \u00e9ph\u00e9m\u00e9ride</oem>";
        var bytes = Encoding.UTF8.GetBytes(oem);

        await onA.SayAcceptedAsync("a-1", "", new ConversationAttachment { MediaType = "application/x-ccsds-oem+xml", Content = oem });

        var attachment = (await onB.ReadMessagesAsync(1)).Single().Attachments.Single();
        Assert.That(attachment.MediaType, Is.EqualTo("application/x-ccsds-oem+xml"));
        Assert.That(attachment.Content, Is.EqualTo(oem));
        Assert.That(attachment.Sha256, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(bytes))));
        Assert.That(attachment.SizeBytes, Is.EqualTo(bytes.Length));
    }

    [Test]
    public async Task A_message_with_3_MiB_of_attachments_reaches_a_party_whose_client_has_gRPC_s_default_4_MiB_limit()
    {
        var (_, a) = await OrganisationAsync("esa-ops");
        var (bId, b) = await OrganisationAsync("cnes-ops");
        var id = await Consulting.OpenAsync(a, b, bId);
        using var onA = await ConverseProbe.OpenAsync(a, id);
        using var onB = await ConverseProbe.OpenAsync(b, id);
        var ephemeris = new string('e', 3 * 1024 * 1024 - 100);

        await onA.SayAcceptedAsync("a-1", "the whole ephemeris", new ConversationAttachment { MediaType = "application/x-ccsds-oem+xml", Content = ephemeris });

        Assert.That((await onB.ReadMessagesAsync(1)).Single().Attachments.Single().SizeBytes, Is.EqualTo((ulong)ephemeris.Length));
    }

    [Test]
    public async Task After_closing_the_conversation_can_be_read_but_takes_no_message_or_receipt()
    {
        var (_, a) = await OrganisationAsync("esa-ops");
        var (bId, b) = await OrganisationAsync("cnes-ops");
        var id = await Consulting.OpenAsync(a, b, bId);
        using var onA = await ConverseProbe.OpenAsync(a, id);
        await onA.SayAcceptedAsync("a-1", "We maneuver at 12:00Z");
        await onA.SayAcceptedAsync("a-2", "Done");

        await Consulting.CloseAsync(a, b, id);

        Assert.That(await onA.SayAcceptedAsync("a-1", "We maneuver at 12:00Z"), Is.EqualTo(1), "a retry still gets its first answer");
        await onA.SayAsync("a-3", "One more thing");
        var refused = await GrpcAssert.FailsWithAsync(StatusCode.FailedPrecondition, () => onA.ReadUntilAsync(_ => false));
        Assert.That(refused.Status.Detail, Does.StartWith($"consultation {id} is CLOSED"));
        using var onB = await ConverseProbe.OpenAsync(b, id);
        Assert.That(await onB.ReadUntilCaughtUpAsync(), Is.EqualTo(2), "still readable");
        Assert.That(onB.Messages.Select(m => m.ClientMessageId), Is.EqualTo(new[] { "a-1", "a-2" }));
        await onB.ReceiptAsync(2, 2);
        var noReceipt = await GrpcAssert.FailsWithAsync(StatusCode.FailedPrecondition, () => onB.ReadUntilAsync(_ => false));
        Assert.That(noReceipt.Status.Detail, Does.StartWith($"consultation {id} is CLOSED"));
    }

    [Test]
    public async Task The_transcript_records_the_conversation_and_the_closing_digest_covers_it()
    {
        var (aId, a) = await OrganisationAsync("esa-ops");
        var (bId, b) = await OrganisationAsync("cnes-ops");
        var id = await Consulting.OpenAsync(a, b, bId);
        using var onA = await ConverseProbe.OpenAsync(a, id);
        using var onB = await ConverseProbe.OpenAsync(b, id);
        const string opm = "CCSDS_OPM_VERS = 3.0\n";
        await onA.SayAcceptedAsync("a-1", "Our planned burn, attached", new ConversationAttachment { MediaType = "text/x-ccsds-opm", Content = opm });
        await onB.SayAcceptedAsync("b-1", "Received; no objection.");
        await onB.ReceiptAsync(2, 2);
        // Receipts have no answer: wait until it is stored, as a reader would see it.
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            while ((await a.Consultations.GetConsultationAsync(new GetConsultationRequest { ConsultationId = id })).Consultation.Receipts.Count == 0)
            {
                await Task.Delay(20, timeout.Token);
            }
        }

        await Consulting.CloseAsync(a, b, id);
        var closed = (await b.Consultations.GetConsultationAsync(new GetConsultationRequest { ConsultationId = id })).Consultation;
        var exported = await b.Consultations.ExportTranscriptAsync(new ExportTranscriptRequest { ConsultationId = id });

        Assert.That(exported.Sha256, Is.EqualTo(closed.Closure.TranscriptSha256), "the closing write and the export record the same conversation");
        var json = JsonNode.Parse(exported.Json)!;
        var messages = json["messages"]!.AsArray();
        Assert.That(messages.Select(m => ((long)m!["sequence"]!, (string)m["from_organization"]!, (string)m["client_message_id"]!, (string)m["text"]!)),
            Is.EqualTo(new[] { (1L, aId, "a-1", "Our planned burn, attached"), (2L, bId, "b-1", "Received; no objection.") }));
        var attachment = messages[0]!["attachments"]!.AsArray().Single()!;
        Assert.That(((string)attachment["media_type"]!, (string)attachment["sha256"]!, (long)attachment["size_bytes"]!),
            Is.EqualTo(("text/x-ccsds-opm", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(opm))), (long)Encoding.UTF8.GetByteCount(opm))),
            "attachments by digest; their content is not in the record");
        var receipt = json["receipts"]!.AsArray().Single()!;
        Assert.That(((string)receipt["organization_id"]!, (long)receipt["delivered_through"]!, (long)receipt["read_through"]!), Is.EqualTo((bId, 2L, 2L)));
        Assert.That(exported.Text, Does.Contain("Received; no objection."));
    }

    [Test]
    public async Task Bad_client_messages_are_refused_naming_each_bad_field_by_its_wire_path()
    {
        var (_, a) = await OrganisationAsync("esa-ops");
        var (bId, b) = await OrganisationAsync("cnes-ops");
        var id = await Consulting.OpenAsync(a, b, bId);

        Assert.That(await FieldsAsync(a, null, new ConverseRequest { Say = new ConverseSay { ClientMessageId = "a-1", Text = "hello" } }), Is.EquivalentTo(new[] { "open" }));
        Assert.That(await FieldsAsync(a, null, new ConverseRequest { Open = new ConverseOpen { ConsultationId = "MNV-5" } }), Is.EquivalentTo(new[] { "open.consultation_id" }));
        Assert.That(await FieldsAsync(a, null, new ConverseRequest { Open = new ConverseOpen { ConsultationId = id, ResumeAfterSequence = 5 } }),
            Is.EquivalentTo(new[] { "open.resume_after_sequence" }), "nothing was said yet");
        Assert.That(await FieldsAsync(a, id, new ConverseRequest { Say = new ConverseSay() }), Is.EquivalentTo(new[] { "say.client_message_id", "say.text" }));
        Assert.That(await FieldsAsync(a, id, new ConverseRequest
        {
            Say = new ConverseSay
            {
                ClientMessageId = new string('x', 65),
                Text = "see attached",
                Attachments =
                {
                    new ConversationAttachment { MediaType = "not a media type", Content = "CCSDS_OPM_VERS = 3.0", Sha256 = "00ff" },
                    new ConversationAttachment { MediaType = "text/x-ccsds-opm" },
                    new ConversationAttachment { MediaType = "text/x-ccsds-opm", Content = "CCSDS_OPM_VERS = 3.0", SizeBytes = 99 },
                },
            },
        }), Is.EquivalentTo(new[]
        {
            "say.client_message_id", "say.attachments[0].media_type", "say.attachments[0].sha256", "say.attachments[1].content", "say.attachments[2].size_bytes",
        }));
        var six = new ConverseSay { ClientMessageId = "a-1", Text = "many" };
        six.Attachments.Add(Enumerable.Range(0, 6).Select(i => new ConversationAttachment { MediaType = "text/plain", Content = $"part {i}" }));
        Assert.That(await FieldsAsync(a, id, new ConverseRequest { Say = six }), Is.EquivalentTo(new[] { "say.attachments" }));
        Assert.That(await FieldsAsync(a, id, new ConverseRequest { Receipt = new ConverseReceipt { DeliveredThrough = 1, ReadThrough = 1 } }),
            Is.EquivalentTo(new[] { "receipt.delivered_through", "receipt.read_through" }), "there is no message 1 yet");
        Assert.That(await FieldsAsync(a, id, new ConverseRequest { Open = new ConverseOpen { ConsultationId = id } }), Is.EquivalentTo(new[] { "open" }), "open twice");
        Assert.That(await FieldsAsync(a, id, new ConverseRequest()), Is.EquivalentTo(new[] { "kind" }));
    }

    [Test]
    public async Task An_attachment_over_the_limit_but_under_the_transport_limit_is_refused_by_field_not_reset()
    {
        var (_, a) = await OrganisationAsync("esa-ops");
        var (bId, b) = await OrganisationAsync("cnes-ops");
        var id = await Consulting.OpenAsync(a, b, bId);
        // 3.2 MiB: over the exchange's 3 MiB, under gRPC's 4 MiB receive limit, so the whole message is read and reaches
        // the validation; the refusal (trailers, then a RST_STREAM from Kestrel, as the client has not half-closed)
        // must reach the client as INVALID_ARGUMENT by field, not as a reset.
        var content = new string('h', 3_355_444);

        Assert.That(await FieldsAsync(a, id, new ConverseRequest
        {
            Say = new ConverseSay { ClientMessageId = "a-2", Text = "x", Attachments = { new ConversationAttachment { MediaType = "text/plain", Content = content } } },
        }), Is.EquivalentTo(new[] { "say.attachments[0].content" }));
    }

    /// <summary>Opens a stream (unless <paramref name="openOn"/> is null), sends <paramref name="request"/>, and returns the fields it is refused on.</summary>
    private static async Task<IEnumerable<string>> FieldsAsync(ExchangeClient client, string? openOn, ConverseRequest request)
    {
        using var stream = openOn is null ? ConverseProbe.Start(client) : await ConverseProbe.OpenAsync(client, openOn);
        await stream.SendAsync(request);
        return (await GrpcAssert.ViolationsAsync(() => stream.ReadUntilAsync(_ => false))).Select(v => v.Field);
    }

    private async Task<(string Id, ExchangeClient Client)> OrganisationAsync(string name)
    {
        var id = $"{name}-{Interlocked.Increment(ref _organisations)}";
        return (id, await _host.NewOperatorAsync(id));
    }
}

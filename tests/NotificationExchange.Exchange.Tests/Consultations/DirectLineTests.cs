using Grpc.Core;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Consultations;

/// <summary>
/// Standing direct lines end to end: proposed by one organisation, accepted by the other, one per pair, seen only by
/// their two sides, and rung into an urgent consultation that is open at once.
/// </summary>
public class DirectLineTests
{
    private TestDatabase _database = null!;
    private ExchangeHost _host = null!;

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

    private static string Id() => Guid.NewGuid().ToString("N");

    /// <summary>Three fresh organisations (the test's own, so that lines of other tests do not meet them).</summary>
    private async Task<(ExchangeClient A, ExchangeClient B, ExchangeClient C, string Prefix)> OrganisationsAsync()
    {
        var prefix = $"dl{Random.Shared.Next(100_000, 999_999)}";
        return (await _host.NewOperatorAsync($"{prefix}-a"), await _host.NewOperatorAsync($"{prefix}-b"), await _host.NewOperatorAsync($"{prefix}-c"), prefix);
    }

    [Test]
    public async Task A_line_is_proposed_accepted_by_the_other_side_and_rung_into_an_urgent_open_consultation()
    {
        var (a, b, c, p) = await OrganisationsAsync();
        var propose = new ProposeDirectLineRequest { RequestId = Id(), Counterpart = $"{p}-b", Purpose = "GEO slot coordination" };

        var proposed = await a.Consultations.ProposeDirectLineAsync(propose);

        Assert.That(proposed.Id, Does.Match("^DL-[a-z0-9]{16}$"));
        Assert.That((proposed.ProposedBy, proposed.Counterpart, proposed.State, proposed.Purpose),
            Is.EqualTo(($"{p}-a", $"{p}-b", DirectLineState.Proposed, "GEO slot coordination")));
        Assert.That(proposed.ProposedAt, Is.Not.Null);
        Assert.That(proposed.ActivatedAt, Is.Null);
        Assert.That(await a.Consultations.ProposeDirectLineAsync(propose), Is.EqualTo(proposed), "a retry gets the first answer");

        var early = await GrpcAssert.FailsWithAsync(StatusCode.FailedPrecondition, async () => await a.Consultations.RingDirectLineAsync(
            new RingDirectLineRequest { RequestId = Id(), DirectLineId = proposed.Id, Subject = "Now?" }));
        Assert.That(early.Status.Detail, Does.Contain($"direct line {proposed.Id} is PROPOSED"));
        var own = await GrpcAssert.FailsWithAsync(StatusCode.PermissionDenied, async () => await a.Consultations.AcceptDirectLineAsync(
            new AcceptDirectLineRequest { RequestId = Id(), DirectLineId = proposed.Id }));
        Assert.That(own.Status.Detail, Does.Contain($"only its counterpart ({p}-b)"));

        var accept = new AcceptDirectLineRequest { RequestId = Id(), DirectLineId = proposed.Id };
        var active = await b.Consultations.AcceptDirectLineAsync(accept);

        Assert.That(active.State, Is.EqualTo(DirectLineState.Active));
        Assert.That(active.ActivatedAt, Is.Not.Null);
        var asProposed = active.Clone();
        asProposed.State = DirectLineState.Proposed;
        asProposed.ActivatedAt = null;
        Assert.That(asProposed, Is.EqualTo(proposed), "only the state and activation changed");
        Assert.That(await b.Consultations.AcceptDirectLineAsync(accept), Is.EqualTo(active), "a retry gets the first answer");
        Assert.That(await a.Consultations.ProposeDirectLineAsync(propose), Is.EqualTo(proposed), "a retry of the proposal still gets the proposal's answer");
        var twice = await GrpcAssert.FailsWithAsync(StatusCode.FailedPrecondition, async () => await b.Consultations.AcceptDirectLineAsync(
            new AcceptDirectLineRequest { RequestId = Id(), DirectLineId = proposed.Id }));
        Assert.That(twice.Status.Detail, Does.Contain($"direct line {proposed.Id} is ACTIVE"));

        var rung = await b.Consultations.RingDirectLineAsync(new RingDirectLineRequest
        {
            RequestId = Id(), DirectLineId = proposed.Id, Subject = "Drift start moved forward", Body = "Call us now.",
        });

        Assert.That(rung.State, Is.EqualTo(ConsultationState.Open), "both sides agreed to the line: the call is open at once");
        Assert.That((rung.Requester, rung.DirectLineId, rung.Urgency, rung.Topic, rung.Subject, rung.Body),
            Is.EqualTo(($"{p}-b", proposed.Id, ConsultationUrgency.Urgent, "GEO slot coordination", "Drift start moved forward", "Call us now.")));
        Assert.That(rung.Counterparts.Select(x => (x.OrganizationId, x.State)), Is.EqualTo(new[] { ($"{p}-a", CounterpartState.Accepted) }));
        Assert.That(rung.AcknowledgeBy.ToDateTime() - rung.CreatedAt.ToDateTime(), Is.EqualTo(TimeSpan.FromMinutes(1)), "the shortest window");
        var seen = await a.Consultations.GetConsultationAsync(new GetConsultationRequest { ConsultationId = rung.Id });
        Assert.That(seen.Consultation, Is.EqualTo(rung), "the other side sees the call");
        await GrpcAssert.FailsWithAsync(StatusCode.NotFound,
            async () => await c.Consultations.GetConsultationAsync(new GetConsultationRequest { ConsultationId = rung.Id }));

        var filed = await a.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver()));
        var aboutNotification = await a.Consultations.RingDirectLineAsync(new RingDirectLineRequest
        {
            RequestId = Id(), DirectLineId = proposed.Id, Subject = "About our maneuver", NotificationId = filed.Notification.Id,
        });
        Assert.That((aboutNotification.Requester, aboutNotification.NotificationId, aboutNotification.Counterparts[0].OrganizationId),
            Is.EqualTo(($"{p}-a", filed.Notification.Id, $"{p}-b")), "either side rings; the call is about what it names");
    }

    [Test]
    public async Task A_line_exists_only_for_its_two_sides()
    {
        var (a, b, c, p) = await OrganisationsAsync();
        var line = await a.Consultations.ProposeDirectLineAsync(new ProposeDirectLineRequest { RequestId = Id(), Counterpart = $"{p}-b", Purpose = "RPO coordination" });
        var other = await c.Consultations.ProposeDirectLineAsync(new ProposeDirectLineRequest { RequestId = Id(), Counterpart = $"{p}-a", Purpose = "Launch windows" });

        Assert.That((await a.Consultations.ListDirectLinesAsync(new ListDirectLinesRequest())).DirectLines, Is.EqualTo(new[] { line, other }),
            "both sides list a line, whoever proposed it, oldest first");
        Assert.That((await b.Consultations.ListDirectLinesAsync(new ListDirectLinesRequest())).DirectLines, Is.EqualTo(new[] { line }));
        Assert.That((await c.Consultations.ListDirectLinesAsync(new ListDirectLinesRequest())).DirectLines, Is.EqualTo(new[] { other }));

        var accept = await GrpcAssert.FailsWithAsync(StatusCode.NotFound, async () => await c.Consultations.AcceptDirectLineAsync(
            new AcceptDirectLineRequest { RequestId = Id(), DirectLineId = line.Id }));
        var never = await GrpcAssert.FailsWithAsync(StatusCode.NotFound, async () => await c.Consultations.AcceptDirectLineAsync(
            new AcceptDirectLineRequest { RequestId = Id(), DirectLineId = "DL-0000000000000000" }));
        Assert.That(accept.Status.Detail.Replace(line.Id, "DL-?"), Is.EqualTo(never.Status.Detail.Replace("DL-0000000000000000", "DL-?")),
            "the same words as for a line that never existed");
        await b.Consultations.AcceptDirectLineAsync(new AcceptDirectLineRequest { RequestId = Id(), DirectLineId = line.Id });
        var ring = await GrpcAssert.FailsWithAsync(StatusCode.NotFound, async () => await c.Consultations.RingDirectLineAsync(
            new RingDirectLineRequest { RequestId = Id(), DirectLineId = line.Id, Subject = "Let me in" }));
        Assert.That(ring.Status.Detail, Does.Contain($"direct line {line.Id} not found"));
    }

    [Test]
    public async Task Both_sides_learn_of_a_line_on_their_streams_and_nobody_else_does()
    {
        var (a, b, c, p) = await OrganisationsAsync();
        var subscriptions = new List<string>();
        foreach (var client in new[] { a, b, c })
        {
            subscriptions.Add((await client.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "mine", Start = StartPosition.Latest })).Id);
        }
        var quiet = (await b.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest
        {
            Name = "notifications only", Start = StartPosition.Latest, Filter = new SubscriptionFilter { ExcludeConsultationEvents = true },
        })).Id;
        using var streamB = StreamProbe.Open(b, subscriptions[1]);
        await streamB.ReadUntilCaughtUpAsync();

        var proposed = await a.Consultations.ProposeDirectLineAsync(new ProposeDirectLineRequest { RequestId = Id(), Counterpart = $"{p}-b", Purpose = "GEO" });
        var live = await streamB.ReadDirectLineEventsAsync(1);
        var active = await b.Consultations.AcceptDirectLineAsync(new AcceptDirectLineRequest { RequestId = Id(), DirectLineId = proposed.Id });
        await streamB.ReadDirectLineEventsAsync(2);

        Assert.That((live[0].EventType, live[0].Actor, live[0].DirectLine), Is.EqualTo((DirectLineEventType.Proposed, $"{p}-a", proposed)),
            "the counterpart learns of the proposal live, without polling");
        Assert.That((streamB.DirectLineEvents[1].EventType, streamB.DirectLineEvents[1].Actor, streamB.DirectLineEvents[1].DirectLine),
            Is.EqualTo((DirectLineEventType.Accepted, $"{p}-b", active)));
        using var streamA = StreamProbe.Open(a, subscriptions[0]);
        await streamA.ReadUntilCaughtUpAsync();
        Assert.That(streamA.DirectLineEvents, Is.EqualTo(streamB.DirectLineEvents), "the proposer replays the same two events");
        using var streamC = StreamProbe.Open(c, subscriptions[2]);
        await streamC.ReadUntilCaughtUpAsync();
        Assert.That(streamC.DirectLineEvents, Is.Empty, "nobody else hears of the line");
        Assert.That(streamC.CaughtUpAt, Is.GreaterThanOrEqualTo(streamB.DirectLineEvents[1].Sequence), "the stream went past the line's events");
        using var filtered = StreamProbe.Open(b, quiet);
        await filtered.ReadUntilCaughtUpAsync();
        Assert.That(filtered.DirectLineEvents, Is.Empty, "a filter that leaves consultation events out leaves direct-line events out");
    }

    [Test]
    public async Task One_line_per_pair_whoever_proposes_it()
    {
        var (a, b, _, p) = await OrganisationsAsync();
        var line = await a.Consultations.ProposeDirectLineAsync(new ProposeDirectLineRequest { RequestId = Id(), Counterpart = $"{p}-b", Purpose = "GEO" });

        var again = await GrpcAssert.FailsWithAsync(StatusCode.AlreadyExists, async () => await a.Consultations.ProposeDirectLineAsync(
            new ProposeDirectLineRequest { RequestId = Id(), Counterpart = $"{p}-b", Purpose = "GEO, again" }));
        var reverse = await GrpcAssert.FailsWithAsync(StatusCode.AlreadyExists, async () => await b.Consultations.ProposeDirectLineAsync(
            new ProposeDirectLineRequest { RequestId = Id(), Counterpart = $"{p}-a", Purpose = "GEO" }));

        Assert.That(again.Status.Detail, Does.Contain($"direct line {line.Id} between {p}-a and {p}-b already exists (PROPOSED)"));
        Assert.That(reverse.Status.Detail, Does.Contain(line.Id));
        Assert.That(reverse.Status.Detail, Does.Contain($"{p}-b can accept it"), "the other side is told how to join the line instead");
    }

    [Test]
    public async Task Bad_input_is_refused_naming_every_bad_field()
    {
        var (a, _, _, p) = await OrganisationsAsync();

        var proposal = await GrpcAssert.InvalidFieldsAsync(async () => await a.Consultations.ProposeDirectLineAsync(
            new ProposeDirectLineRequest { RequestId = "no spaces allowed", Counterpart = $"{p}-a", Purpose = "" }));
        Assert.That(proposal.Keys, Is.EquivalentTo(new[] { "request_id", "counterpart", "purpose" }));
        Assert.That(proposal["counterpart"], Does.Contain("caller's own organisation"));

        var unknown = await GrpcAssert.InvalidFieldsAsync(async () => await a.Consultations.ProposeDirectLineAsync(
            new ProposeDirectLineRequest { RequestId = Id(), Counterpart = $"{p}-nobody", Purpose = "GEO" }));
        Assert.That(unknown["counterpart"], Does.Contain($"no organisation {p}-nobody"));
        var malformed = await GrpcAssert.InvalidFieldsAsync(async () => await a.Consultations.ProposeDirectLineAsync(
            new ProposeDirectLineRequest { RequestId = Id(), Counterpart = "Not An Id\n", Purpose = new string('x', 201) }));
        Assert.That(malformed.Keys, Is.EquivalentTo(new[] { "counterpart", "purpose" }));

        var accept = await GrpcAssert.InvalidFieldsAsync(async () => await a.Consultations.AcceptDirectLineAsync(
            new AcceptDirectLineRequest { RequestId = "", DirectLineId = "DL-UPPERCASE00000" }));
        Assert.That(accept.Keys, Is.EquivalentTo(new[] { "request_id", "direct_line_id" }));

        var ring = await GrpcAssert.InvalidFieldsAsync(async () => await a.Consultations.RingDirectLineAsync(
            new RingDirectLineRequest { RequestId = Id(), DirectLineId = "", Subject = " ", Body = new string('b', 10_001), AlertId = "ALR-1" }));
        Assert.That(ring.Keys, Is.EquivalentTo(new[] { "direct_line_id", "subject", "body" }));
        var badNotification = await GrpcAssert.InvalidFieldsAsync(async () => await a.Consultations.RingDirectLineAsync(
            new RingDirectLineRequest { RequestId = Id(), DirectLineId = "DL-0000000000000000", Subject = "x", NotificationId = "nonsense" }));
        Assert.That(badNotification.Keys, Is.EqualTo(new[] { "notification_id" }));
    }

    [Test]
    public async Task A_request_id_names_one_request_across_lines_and_consultations()
    {
        var (a, _, c, p) = await OrganisationsAsync();
        var requestId = Id();
        var line = await a.Consultations.ProposeDirectLineAsync(new ProposeDirectLineRequest { RequestId = requestId, Counterpart = $"{p}-b", Purpose = "GEO" });

        var other = await GrpcAssert.InvalidFieldsAsync(async () => await a.Consultations.ProposeDirectLineAsync(
            new ProposeDirectLineRequest { RequestId = requestId, Counterpart = $"{p}-c", Purpose = "GEO" }));
        Assert.That(other["request_id"], Does.Contain($"already used for another request ({line.Id}"));
        var accept = await GrpcAssert.InvalidFieldsAsync(async () => await a.Consultations.AcceptDirectLineAsync(
            new AcceptDirectLineRequest { RequestId = requestId, DirectLineId = line.Id }));
        Assert.That(accept.Keys, Is.EqualTo(new[] { "request_id" }), "the same id for another call is another request");
        var consultation = await GrpcAssert.InvalidFieldsAsync(async () => await a.Consultations.RequestConsultationAsync(new RequestConsultationRequest
        {
            RequestId = requestId, Counterparts = { $"{p}-c" }, Topic = "t", Subject = "s", Urgency = ConsultationUrgency.Routine,
        }));
        Assert.That(consultation["request_id"], Does.Contain($"already used for {line.Id}"));
        Assert.That((await c.Consultations.ListDirectLinesAsync(new ListDirectLinesRequest())).DirectLines, Is.Empty, "nothing was proposed to C");
    }
}

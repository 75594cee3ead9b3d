using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Consultations;

/// <summary>Consultations end to end over a real server: the state machine, its refusals, idempotency and who may see what.</summary>
public class ConsultationStateMachineTests
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

    private async Task<(string Id, ExchangeClient Client)> OrganisationAsync(string name)
    {
        var id = $"{name}-{Interlocked.Increment(ref _organisations)}";
        return (id, await _host.NewOperatorAsync(id));
    }

    private static RequestConsultationRequest Request(params string[] counterparts) => new()
    {
        RequestId = Guid.NewGuid().ToString("N"),
        Counterparts = { counterparts },
        Topic = "Conjunction SENTINEL-1A / debris 48274",
        Subject = "Who moves?",
        Body = "Our screening shows a close approach on 3 December; can we agree who maneuvers?",
        Urgency = ConsultationUrgency.Urgent,
    };

    private static string Rid() => Guid.NewGuid().ToString("N");

    [Test]
    public async Task A_request_is_acknowledged_declined_by_one_accepted_by_another_and_closing_is_proposed_and_contested()
    {
        var (requesterId, requester) = await OrganisationAsync("esa-ops");
        var (firstId, first) = await OrganisationAsync("cnes-ops");
        var (secondId, second) = await OrganisationAsync("dlr-ops");

        var requested = await requester.Consultations.RequestConsultationAsync(Request(firstId, secondId));
        Assert.Multiple(() =>
        {
            Assert.That(requested.Id, Does.Match("^CON-[1-9][0-9]*$"));
            Assert.That(requested.State, Is.EqualTo(ConsultationState.Requested));
            Assert.That(requested.Counterparts.Select(c => (c.OrganizationId, c.State)),
                Is.EqualTo(new[] { (firstId, CounterpartState.AwaitingAcknowledgement), (secondId, CounterpartState.AwaitingAcknowledgement) }));
            Assert.That(requested.AcknowledgeBy.ToDateTime() - requested.CreatedAt.ToDateTime(), Is.EqualTo(TimeSpan.FromMinutes(15)), "urgent: 15 minutes");
        });
        var id = requested.Id;

        var acknowledged = await first.Consultations.AcknowledgeConsultationAsync(new AcknowledgeConsultationRequest { RequestId = Rid(), ConsultationId = id });
        Assert.That(acknowledged.Counterparts[0].State, Is.EqualTo(CounterpartState.Acknowledged));
        var declined = await second.Consultations.DeclineConsultationAsync(new DeclineConsultationRequest { RequestId = Rid(), ConsultationId = id, Reason = "Not our object" });
        Assert.That((declined.State, declined.Counterparts[1].State, declined.Counterparts[1].DeclineReason),
            Is.EqualTo((ConsultationState.Requested, CounterpartState.Declined, "Not our object")));
        var open = await first.Consultations.AcceptConsultationAsync(new AcceptConsultationRequest { RequestId = Rid(), ConsultationId = id });
        Assert.That(open.State, Is.EqualTo(ConsultationState.Open));

        var closing = await first.Consultations.ProposeClosureAsync(new ProposeClosureRequest
        {
            RequestId = Rid(), ConsultationId = id, OutcomeSummary = "esa-ops maneuvers",
            Actions = { new AgreedAction { OrganizationId = requesterId, Action = $"{requesterId} WILL maneuver SENTINEL-1A", DueBy = Timestamp.FromDateTime(DateTime.UtcNow.AddHours(6)) } },
        });
        Assert.That((closing.State, closing.Closure.ConfirmedBy.ToArray()), Is.EqualTo((ConsultationState.Closing, new[] { firstId })));
        var contested = await requester.Consultations.ContestClosureAsync(new ContestClosureRequest { RequestId = Rid(), ConsultationId = id, Reason = "We cannot maneuver before 14:00Z" });
        Assert.That((contested.State, contested.Closure), Is.EqualTo((ConsultationState.Open, (Closure?)null)));

        var got = await second.Consultations.GetConsultationAsync(new GetConsultationRequest { ConsultationId = id });
        Assert.That(got.History.Select(e => e.EventType), Is.EqualTo(new[]
        {
            ConsultationEventType.Requested, ConsultationEventType.Acknowledged, ConsultationEventType.Declined, ConsultationEventType.Accepted,
            ConsultationEventType.ClosureProposed, ConsultationEventType.ClosureContested,
        }));
        Assert.That(got.History.Select(e => e.Actor), Is.EqualTo(new[] { requesterId, firstId, secondId, firstId, firstId, requesterId }));
        Assert.That(got.History[^1].Reason, Is.EqualTo("We cannot maneuver before 14:00Z"));
        Assert.That(got.Consultation, Is.EqualTo(contested));
    }

    [Test]
    public async Task Transitions_that_do_not_fit_the_state_are_refused_naming_it()
    {
        var (_, requester) = await OrganisationAsync("esa-ops");
        var (counterpartId, counterpart) = await OrganisationAsync("cnes-ops");
        var id = (await requester.Consultations.RequestConsultationAsync(Request(counterpartId))).Id;

        var closeEarly = await GrpcAssert.FailsWithAsync(StatusCode.FailedPrecondition, () => requester.Consultations.ProposeClosureAsync(
            new ProposeClosureRequest { RequestId = Rid(), ConsultationId = id, OutcomeSummary = "done" }).ResponseAsync);
        Assert.That(closeEarly.Status.Detail, Does.Contain($"consultation {id} is REQUESTED"));
        await GrpcAssert.FailsWithAsync(StatusCode.PermissionDenied, () => requester.Consultations.AcceptConsultationAsync(
            new AcceptConsultationRequest { RequestId = Rid(), ConsultationId = id }).ResponseAsync);
        await GrpcAssert.FailsWithAsync(StatusCode.PermissionDenied, () => counterpart.Consultations.WithdrawConsultationAsync(
            new WithdrawConsultationRequest { RequestId = Rid(), ConsultationId = id, Reason = "not mine to withdraw" }).ResponseAsync);
        await counterpart.Consultations.AcknowledgeConsultationAsync(new AcknowledgeConsultationRequest { RequestId = Rid(), ConsultationId = id });
        var twice = await GrpcAssert.FailsWithAsync(StatusCode.FailedPrecondition, () => counterpart.Consultations.AcknowledgeConsultationAsync(
            new AcknowledgeConsultationRequest { RequestId = Rid(), ConsultationId = id }).ResponseAsync);
        Assert.That(twice.Status.Detail, Does.Contain("ACKNOWLEDGED"));

        await requester.Consultations.WithdrawConsultationAsync(new WithdrawConsultationRequest { RequestId = Rid(), ConsultationId = id, Reason = "Resolved by other means" });
        var afterWithdrawal = await GrpcAssert.FailsWithAsync(StatusCode.FailedPrecondition, () => counterpart.Consultations.AcceptConsultationAsync(
            new AcceptConsultationRequest { RequestId = Rid(), ConsultationId = id }).ResponseAsync);
        Assert.That(afterWithdrawal.Status.Detail, Does.Contain($"consultation {id} is WITHDRAWN"));
        await GrpcAssert.FailsWithAsync(StatusCode.FailedPrecondition, () => requester.Consultations.WithdrawConsultationAsync(
            new WithdrawConsultationRequest { RequestId = Rid(), ConsultationId = id, Reason = "again" }).ResponseAsync);
    }

    [Test]
    public async Task When_every_counterpart_declines_the_consultation_is_declined_and_read_only()
    {
        var (_, requester) = await OrganisationAsync("esa-ops");
        var (counterpartId, counterpart) = await OrganisationAsync("cnes-ops");
        var id = (await requester.Consultations.RequestConsultationAsync(Request(counterpartId))).Id;

        var declined = await counterpart.Consultations.DeclineConsultationAsync(new DeclineConsultationRequest { RequestId = Rid(), ConsultationId = id, Reason = "No" });

        Assert.That(declined.State, Is.EqualTo(ConsultationState.Declined));
        var refused = await GrpcAssert.FailsWithAsync(StatusCode.FailedPrecondition, () => counterpart.Consultations.AcceptConsultationAsync(
            new AcceptConsultationRequest { RequestId = Rid(), ConsultationId = id }).ResponseAsync);
        Assert.That(refused.Status.Detail, Does.Contain("DECLINED"));
    }

    [Test]
    public async Task A_retry_gets_the_first_answer_and_a_reused_request_id_is_refused()
    {
        var (_, requester) = await OrganisationAsync("esa-ops");
        var (counterpartId, _) = await OrganisationAsync("cnes-ops");
        var request = Request(counterpartId);

        var first = await requester.Consultations.RequestConsultationAsync(request);
        var retry = await requester.Consultations.RequestConsultationAsync(request);
        Assert.That(retry, Is.EqualTo(first));

        var other = request.Clone();
        other.Subject = "Something else";
        var fields = await GrpcAssert.InvalidFieldsAsync(() => requester.Consultations.RequestConsultationAsync(other).ResponseAsync);
        Assert.That(fields["request_id"], Does.Contain("already used"));
    }

    [Test]
    public async Task Bad_requests_name_every_bad_field()
    {
        var (requesterId, requester) = await OrganisationAsync("esa-ops");

        var fields = await GrpcAssert.InvalidFieldsAsync(() => requester.Consultations.RequestConsultationAsync(new RequestConsultationRequest
        {
            Counterparts = { requesterId, "Not An Id", "nobody-here" },
            NotificationId = "MNV-999999",
            AcknowledgeWithin = Duration.FromTimeSpan(TimeSpan.FromSeconds(5)),
            ProposedTimes = { new TimeWindow { Start = Timestamp.FromDateTime(DateTime.UtcNow.AddHours(2)), End = Timestamp.FromDateTime(DateTime.UtcNow.AddHours(1)) } },
        }).ResponseAsync);

        Assert.That(fields.Keys, Is.SupersetOf(new[]
        {
            "request_id", "counterparts[0]", "counterparts[1]", "subject", "urgency", "acknowledge_within", "proposed_times[0].end",
        }));
        var unknown = await GrpcAssert.InvalidFieldsAsync(() => requester.Consultations.RequestConsultationAsync(
            new RequestConsultationRequest(Request("nobody-here")) { NotificationId = "MNV-999999" }).ResponseAsync);
        Assert.That(unknown.Keys, Is.EquivalentTo(new[] { "counterparts[0]", "notification_id" }));
        var badState = await GrpcAssert.InvalidFieldsAsync(() => requester.Consultations.ListConsultationsAsync(
            new ListConsultationsRequest { States = { (ConsultationState)42 }, PageToken = "forged" }).ResponseAsync);
        Assert.That(badState.Keys, Is.EquivalentTo(new[] { "states[0]", "page_token" }));
    }

    [Test]
    public async Task To_a_third_organisation_a_consultation_does_not_exist_anywhere()
    {
        var (_, requester) = await OrganisationAsync("esa-ops");
        var (counterpartId, counterpart) = await OrganisationAsync("cnes-ops");
        var (thirdId, third) = await OrganisationAsync("nosy-ops");
        var partySubscription = await counterpart.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "all" });
        var thirdSubscription = await third.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "all", Start = StartPosition.Earliest });
        using var partyLive = StreamProbe.Open(counterpart, partySubscription.Id);
        using var thirdLive = StreamProbe.Open(third, thirdSubscription.Id);
        await partyLive.ReadUntilCaughtUpAsync();
        await thirdLive.ReadUntilCaughtUpAsync();

        var id = (await requester.Consultations.RequestConsultationAsync(Request(counterpartId))).Id;
        await counterpart.Consultations.AcceptConsultationAsync(new AcceptConsultationRequest { RequestId = Rid(), ConsultationId = id });
        var live = await partyLive.ReadConsultationEventsAsync(2);
        Assert.That(live.Select(e => (e.EventType, e.Consultation.Id)), Is.EqualTo(new[] { (ConsultationEventType.Requested, id), (ConsultationEventType.Accepted, id) }));

        var missing = await GrpcAssert.FailsWithAsync(StatusCode.NotFound, () => third.Consultations.GetConsultationAsync(new GetConsultationRequest { ConsultationId = "CON-999999999" }).ResponseAsync);
        var hidden = await GrpcAssert.FailsWithAsync(StatusCode.NotFound, () => third.Consultations.GetConsultationAsync(new GetConsultationRequest { ConsultationId = id }).ResponseAsync);
        Assert.That(hidden.Status.Detail, Is.EqualTo(missing.Status.Detail.Replace("CON-999999999", id)), "the same words as for an id never issued");
        await GrpcAssert.FailsWithAsync(StatusCode.NotFound, () => third.Consultations.AcknowledgeConsultationAsync(
            new AcknowledgeConsultationRequest { RequestId = Rid(), ConsultationId = id }).ResponseAsync);
        Assert.That((await third.Consultations.ListConsultationsAsync(new ListConsultationsRequest())).Consultations, Is.Empty);
        Assert.That((await counterpart.Consultations.ListConsultationsAsync(new ListConsultationsRequest())).Consultations.Select(c => c.Id), Is.EqualTo(new[] { id }));

        // Live: a notification filed after the consultation's events reaches the third organisation, and nothing before it.
        var filed = await requester.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver()));
        var thirdEvents = await thirdLive.ReadEventsAsync(thirdLive.Events.Count + 1);
        Assert.That(thirdEvents[^1].Notification.Id, Is.EqualTo(filed.Notification.Id));
        Assert.That(thirdLive.ConsultationEvents, Is.Empty, $"{thirdId} received a consultation it is not a party of");

        // Replay from the start: the same.
        using var replay = StreamProbe.Open(third, thirdSubscription.Id, resumeAfter: 0);
        await replay.ReadUntilCaughtUpAsync();
        Assert.That(replay.ConsultationEvents, Is.Empty);
        Assert.That(replay.Events.Select(e => e.Notification.Id), Does.Contain(filed.Notification.Id));
    }

    [Test]
    public async Task A_request_id_is_one_per_organisation_across_filings_consultations_and_commands_of_the_same_shape()
    {
        var (requesterId, requester) = await OrganisationAsync("esa-ops");
        var (counterpartId, counterpart) = await OrganisationAsync("cnes-ops");
        var consulted = Request(counterpartId);
        var id = (await requester.Consultations.RequestConsultationAsync(consulted)).Id;

        var filing = Notices.File(Notices.Maneuver(), consulted.RequestId);
        var reusedByFiling = await GrpcAssert.InvalidFieldsAsync(() => requester.Notifications.FileNotificationAsync(filing).ResponseAsync);
        Assert.That(reusedByFiling["request_id"], Does.Contain($"already used for {id}"));

        // A contested closure and a withdrawal carry the same members: the same id for the other is still another request.
        await counterpart.Consultations.AcceptConsultationAsync(new AcceptConsultationRequest { RequestId = Rid(), ConsultationId = id });
        await counterpart.Consultations.ProposeClosureAsync(new ProposeClosureRequest { RequestId = Rid(), ConsultationId = id, OutcomeSummary = "done" });
        await requester.Consultations.ContestClosureAsync(new ContestClosureRequest { RequestId = "same-id", ConsultationId = id, Reason = "Not yet" });
        var reusedByWithdrawal = await GrpcAssert.InvalidFieldsAsync(() => requester.Consultations.WithdrawConsultationAsync(
            new WithdrawConsultationRequest { RequestId = "same-id", ConsultationId = id, Reason = "Not yet" }).ResponseAsync);
        Assert.That(reusedByWithdrawal["request_id"], Does.Contain("already used"));
        Assert.That((await requester.Consultations.GetConsultationAsync(new GetConsultationRequest { ConsultationId = id })).Consultation.State,
            Is.EqualTo(ConsultationState.Open), $"{requesterId}'s withdrawal was not taken for its contest");
    }

    [Test]
    public async Task A_consultation_that_cannot_be_read_back_is_data_loss_to_its_parties_and_does_not_exist_for_anyone_else()
    {
        var (_, requester) = await OrganisationAsync("esa-ops");
        var (counterpartId, _) = await OrganisationAsync("cnes-ops");
        var (_, third) = await OrganisationAsync("nosy-ops");
        var id = (await requester.Consultations.RequestConsultationAsync(Request(counterpartId))).Id;
        Assert.That(await TestStore.ExecuteAsync(_database.Path, "UPDATE events SET snapshot = '{\"consultation\": {\"id\"' WHERE notification_id = @id AND subject = 1;",
            new Dictionary<string, object> { ["@id"] = id }), Is.EqualTo(1));

        var party = await GrpcAssert.FailsWithAsync(StatusCode.DataLoss, () => requester.Consultations.GetConsultationAsync(new GetConsultationRequest { ConsultationId = id }).ResponseAsync);
        var outsider = await GrpcAssert.FailsWithAsync(StatusCode.NotFound, () => third.Consultations.GetConsultationAsync(new GetConsultationRequest { ConsultationId = id }).ResponseAsync);
        var outsiderChange = await GrpcAssert.FailsWithAsync(StatusCode.NotFound, () => third.Consultations.AcknowledgeConsultationAsync(
            new AcknowledgeConsultationRequest { RequestId = Rid(), ConsultationId = id }).ResponseAsync);

        Assert.That(party.Status.Detail, Does.Contain($"{id} version 1"));
        Assert.That((outsider.Status.Detail, outsiderChange.Status.Detail), Is.EqualTo(($"consultation {id} not found", $"consultation {id} not found")));
    }

    [Test]
    public async Task A_filter_can_leave_consultation_events_out()
    {
        var (_, requester) = await OrganisationAsync("esa-ops");
        var (counterpartId, counterpart) = await OrganisationAsync("cnes-ops");
        var quiet = await counterpart.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest
        {
            Name = "notifications only", Filter = new SubscriptionFilter { ExcludeConsultationEvents = true }, Start = StartPosition.Earliest,
        });
        Assert.That(quiet.Filter.ExcludeConsultationEvents, Is.True);
        await requester.Consultations.RequestConsultationAsync(Request(counterpartId));
        var filed = await requester.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver()));

        using var stream = StreamProbe.Open(counterpart, quiet.Id);
        await stream.ReadUntilCaughtUpAsync();

        Assert.That(stream.Events.Select(e => e.Notification.Id), Does.Contain(filed.Notification.Id));
        Assert.That(stream.ConsultationEvents, Is.Empty);
    }
}

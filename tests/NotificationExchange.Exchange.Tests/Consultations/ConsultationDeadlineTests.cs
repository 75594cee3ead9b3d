using System.Diagnostics.Metrics;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;
using ConsultationEventType = NotificationExchange.Protocol.V1.ConsultationEventType;
using ConsultationState = NotificationExchange.Protocol.V1.ConsultationState;
using ConsultationUrgency = NotificationExchange.Protocol.V1.ConsultationUrgency;
using ContactPoint = NotificationExchange.Protocol.V1.ContactPoint;
using ContactRole = NotificationExchange.Protocol.V1.ContactRole;

namespace NotificationExchange.Exchange.Tests.Consultations;

/// <summary>
/// Acknowledgement deadlines end to end, on real hosts over one SQLite file, with the deadline clock a fake that the
/// test moves (heartbeats and everything else keep real time). Nothing waits for time to pass: a test moves the clock,
/// then waits for the escalation it expects on the parties' streams, or for a later deadline's escalation to show that
/// the pass which would have escalated an earlier one is over.
/// </summary>
public class ConsultationDeadlineTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);

    private TestDatabase _database = null!;
    private readonly List<ExchangeHost> _hosts = [];

    [SetUp]
    public void CreateDatabase() => _database = new TestDatabase();

    [TearDown]
    public async Task StopHosts()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
        _hosts.Clear();
        _database.Dispose();
    }

    [Test]
    public async Task An_urgent_request_not_acknowledged_in_15_minutes_is_escalated_to_every_party_naming_the_backup_and_24_7_desks()
    {
        var clock = new FakeTimeProvider(Start);
        var host = await StartAsync(clock);
        var requester = await host.NewOperatorAsync("req-ops");
        var counterpart = host.Client(await NewOrganizationAsync(host, "cp-ops", Primary("cp-ops"), Backup("cp-ops"), Operations("cp-ops")));
        using var requesterStream = await OpenStreamAsync(requester);
        using var counterpartStream = await OpenStreamAsync(counterpart);

        var requested = await requester.Consultations.RequestConsultationAsync(Request("r1", ConsultationUrgency.Urgent, "cp-ops"));
        Assert.That(requested.AcknowledgeBy, Is.EqualTo(Timestamp.FromDateTimeOffset(Start.AddMinutes(15))), "urgent: 15 minutes by default");
        await requesterStream.ReadConsultationEventsAsync(1);
        await counterpartStream.ReadConsultationEventsAsync(1);

        clock.Advance(TimeSpan.FromMinutes(16));

        var toRequester = (await requesterStream.ReadConsultationEventsAsync(2))[1];
        var toCounterpart = (await counterpartStream.ReadConsultationEventsAsync(2))[1];
        Assert.That(toCounterpart, Is.EqualTo(toRequester), "every party receives the one escalation");
        var escalatedAt = Timestamp.FromDateTimeOffset(Start.AddMinutes(16));
        Assert.Multiple(() =>
        {
            Assert.That(toRequester.EventType, Is.EqualTo(ConsultationEventType.Escalated));
            Assert.That(toRequester.Actor, Is.Empty, "the exchange's own change");
            Assert.That(toRequester.RecordedAt, Is.EqualTo(escalatedAt));
            Assert.That(toRequester.EscalatedOrganization, Is.EqualTo("cp-ops"));
            Assert.That(toRequester.Contacts, Is.EqualTo(new[] { Backup("cp-ops"), Operations("cp-ops") }), "its backup and 24/7 desks, not its primary");
            Assert.That(toRequester.Consultation.Id, Is.EqualTo(requested.Id));
            Assert.That(toRequester.Consultation.Version, Is.EqualTo(2));
            Assert.That(toRequester.Consultation.State, Is.EqualTo(ConsultationState.Requested), "still waiting for an answer");
            Assert.That(toRequester.Consultation.Counterparts.Single().EscalatedAt, Is.EqualTo(escalatedAt));
        });

        foreach (var party in new[] { requester, counterpart })
        {
            var read = await party.Consultations.GetConsultationAsync(new GetConsultationRequest { ConsultationId = requested.Id });
            Assert.That(read.Consultation.Counterparts.Single().EscalatedAt, Is.EqualTo(escalatedAt));
            Assert.That(read.History.Select(e => e.EventType), Is.EqualTo(new[] { ConsultationEventType.Requested, ConsultationEventType.Escalated }));
            Assert.That(read.History[1], Is.EqualTo(toRequester), "the history holds the event the streams carried");
        }
    }

    [Test]
    public async Task A_deadline_fires_at_its_time_and_not_before_and_names_the_primary_of_an_organisation_without_desks()
    {
        var clock = new FakeTimeProvider(Start);
        var host = await StartAsync(clock);
        var requester = await host.NewOperatorAsync("req-ops");
        await NewOrganizationAsync(host, "cp-ops", Primary("cp-ops"), Backup("cp-ops"));
        await NewOrganizationAsync(host, "lone-ops", Primary("lone-ops"));
        using var stream = await OpenStreamAsync(requester);
        var urgent = await requester.Consultations.RequestConsultationAsync(Request("r1", ConsultationUrgency.Urgent, "cp-ops"));
        var sooner = await requester.Consultations.RequestConsultationAsync(Request("r2", ConsultationUrgency.Routine, "lone-ops", TimeSpan.FromMinutes(1)));
        await stream.ReadConsultationEventsAsync(2);

        clock.Advance(TimeSpan.FromMinutes(14));
        var first = (await stream.ReadConsultationEventsAsync(3))[2];
        Assert.That((first.Consultation.Id, first.EscalatedOrganization), Is.EqualTo((sooner.Id, "lone-ops")));
        Assert.That(first.Contacts, Is.EqualTo(new[] { Primary("lone-ops") }), "no backup nor 24/7 desk: its primary");
        // The pass that escalated the one-minute deadline at 14 minutes also read the 15-minute one, and left it.
        Assert.That(await HistoryAsync(requester, urgent.Id), Is.EqualTo(new[] { ConsultationEventType.Requested }));

        clock.Advance(TimeSpan.FromMinutes(1));
        var second = (await stream.ReadConsultationEventsAsync(4))[3];
        Assert.That((second.Consultation.Id, second.EventType, second.RecordedAt),
            Is.EqualTo((urgent.Id, ConsultationEventType.Escalated, Timestamp.FromDateTimeOffset(Start.AddMinutes(15)))), "at the deadline itself");
        Assert.That(second.Contacts, Is.EqualTo(new[] { Backup("cp-ops") }), "the backup alone when there is no 24/7 desk");
    }

    [Test]
    public async Task An_acknowledgement_before_the_deadline_prevents_escalation()
    {
        var clock = new FakeTimeProvider(Start);
        var host = await StartAsync(clock);
        var requester = await host.NewOperatorAsync("req-ops");
        var counterpart = host.Client(await NewOrganizationAsync(host, "cp-ops", Primary("cp-ops"), Operations("cp-ops")));
        using var stream = await OpenStreamAsync(requester);
        var acknowledged = await requester.Consultations.RequestConsultationAsync(Request("r1", ConsultationUrgency.Urgent, "cp-ops"));
        clock.Advance(TimeSpan.FromMinutes(14));
        await counterpart.Consultations.AcknowledgeConsultationAsync(new AcknowledgeConsultationRequest { RequestId = "a1", ConsultationId = acknowledged.Id });
        var witness = await requester.Consultations.RequestConsultationAsync(Request("r2", ConsultationUrgency.Urgent, "cp-ops", TimeSpan.FromMinutes(2)));

        clock.Advance(TimeSpan.FromMinutes(3));

        var events = await stream.ReadConsultationEventsAsync(4);
        Assert.That(events.Select(e => (e.Consultation.Id, e.EventType)), Is.EqualTo(new[]
        {
            (acknowledged.Id, ConsultationEventType.Requested),
            (acknowledged.Id, ConsultationEventType.Acknowledged),
            (witness.Id, ConsultationEventType.Requested),
            (witness.Id, ConsultationEventType.Escalated),
        }));
        // The witness's deadline (16 minutes) came after the acknowledged one's (15): the pass that escalated it read both.
        var read = await requester.Consultations.GetConsultationAsync(new GetConsultationRequest { ConsultationId = acknowledged.Id });
        Assert.That(read.Consultation.Counterparts.Single().EscalatedAt, Is.Null);
        Assert.That(read.History.Select(e => e.EventType), Is.EqualTo(new[] { ConsultationEventType.Requested, ConsultationEventType.Acknowledged }));
    }

    [Test]
    public async Task A_withdrawn_consultation_never_escalates()
    {
        var clock = new FakeTimeProvider(Start);
        var host = await StartAsync(clock);
        var requester = await host.NewOperatorAsync("req-ops");
        await NewOrganizationAsync(host, "cp-ops", Primary("cp-ops"), Backup("cp-ops"));
        using var stream = await OpenStreamAsync(requester);
        var withdrawn = await requester.Consultations.RequestConsultationAsync(Request("r1", ConsultationUrgency.Urgent, "cp-ops", TimeSpan.FromMinutes(1)));
        await requester.Consultations.WithdrawConsultationAsync(new WithdrawConsultationRequest { RequestId = "w1", ConsultationId = withdrawn.Id, Reason = "resolved by phone" });
        var witness = await requester.Consultations.RequestConsultationAsync(Request("r2", ConsultationUrgency.Urgent, "cp-ops", TimeSpan.FromMinutes(2)));

        clock.Advance(TimeSpan.FromMinutes(3));

        var events = await stream.ReadConsultationEventsAsync(4);
        Assert.That(events.Select(e => (e.Consultation.Id, e.EventType)), Is.EqualTo(new[]
        {
            (withdrawn.Id, ConsultationEventType.Requested),
            (withdrawn.Id, ConsultationEventType.Withdrawn),
            (witness.Id, ConsultationEventType.Requested),
            (witness.Id, ConsultationEventType.Escalated),
        }));
        Assert.That(await HistoryAsync(requester, withdrawn.Id), Is.EqualTo(new[] { ConsultationEventType.Requested, ConsultationEventType.Withdrawn }));
    }

    [Test]
    public async Task A_deadline_that_passed_while_the_exchange_was_down_fires_at_the_next_start()
    {
        var clock = new FakeTimeProvider(Start);
        var first = await StartAsync(clock);
        var requesterKey = await first.NewOperatorKeyAsync("req-ops");
        await NewOrganizationAsync(first, "cp-ops", Primary("cp-ops"), Operations("cp-ops"));
        var requester = first.Client(requesterKey);
        var subscription = await requester.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "consultations" });
        var requested = await requester.Consultations.RequestConsultationAsync(Request("r1", ConsultationUrgency.Urgent, "cp-ops", TimeSpan.FromMinutes(1)));
        await first.StopAsync();

        // Down for two minutes; the deadline was one minute after the request. Nothing moves the clock after the start.
        clock.Advance(TimeSpan.FromMinutes(2));
        var second = await StartAsync(clock);
        using var stream = StreamProbe.Open(second.Client(requesterKey), subscription.Id);

        var events = await stream.ReadConsultationEventsAsync(2);
        Assert.That(events.Select(e => (e.Consultation.Id, e.EventType)), Is.EqualTo(new[]
        {
            (requested.Id, ConsultationEventType.Requested),
            (requested.Id, ConsultationEventType.Escalated),
        }));
        Assert.That(events[1].RecordedAt, Is.EqualTo(Timestamp.FromDateTimeOffset(Start.AddMinutes(2))), "at the start, not at a later poll");
        Assert.That(events[1].Contacts, Is.EqualTo(new[] { Operations("cp-ops") }));
    }

    [Test]
    public async Task A_request_on_this_instance_wakes_the_deadline_service_before_its_next_poll()
    {
        var clock = new FakeTimeProvider(Start);
        var host = await StartAsync(clock, pollInterval: TimeSpan.FromDays(1));
        var requester = await host.NewOperatorAsync("req-ops");
        await NewOrganizationAsync(host, "cp-ops", Primary("cp-ops"));
        using var stream = await OpenStreamAsync(requester);
        // Waiting for its next poll a day away, or already woken by the request: either way not past one minute.
        var requested = await requester.Consultations.RequestConsultationAsync(Request("r1", ConsultationUrgency.Urgent, "cp-ops", TimeSpan.FromMinutes(1)));

        clock.Advance(TimeSpan.FromMinutes(1));

        var escalated = (await stream.ReadConsultationEventsAsync(2))[1];
        Assert.That((escalated.Consultation.Id, escalated.EventType, escalated.RecordedAt),
            Is.EqualTo((requested.Id, ConsultationEventType.Escalated, Timestamp.FromDateTimeOffset(Start.AddMinutes(1)))));
    }

    [Test]
    public async Task Another_instance_s_deadline_is_found_by_the_poll()
    {
        var clock = new FakeTimeProvider(Start);
        var requesting = await StartAsync(clock);
        var polling = await StartAsync(clock, pollInterval: TimeSpan.FromMinutes(10));
        var requesterKey = await requesting.NewOperatorKeyAsync("req-ops");
        await NewOrganizationAsync(requesting, "cp-ops", Primary("cp-ops"));
        var subscription = await requesting.Client(requesterKey).Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "consultations" });
        var requested = await requesting.Client(requesterKey).Consultations.RequestConsultationAsync(
            Request("r1", ConsultationUrgency.Urgent, "cp-ops", TimeSpan.FromMinutes(1)));
        // The instance that was told of the request stops before its deadline; the other was never told of it.
        await requesting.StopAsync();

        clock.Advance(TimeSpan.FromMinutes(2));
        clock.Advance(TimeSpan.FromMinutes(8));

        using var stream = StreamProbe.Open(polling.Client(requesterKey), subscription.Id);
        var escalated = (await stream.ReadConsultationEventsAsync(2))[1];
        Assert.That((escalated.Consultation.Id, escalated.EventType, escalated.RecordedAt),
            Is.EqualTo((requested.Id, ConsultationEventType.Escalated, Timestamp.FromDateTimeOffset(Start.AddMinutes(10)))), "at its poll, ten minutes after its start");
    }

    [Test]
    public async Task Two_instances_on_one_store_escalate_each_deadline_once()
    {
        long escalations = 0;
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "NotificationExchange" && instrument.Name == "nx.consultations.escalations")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref escalations, value));
        meters.Start();
        // Each instance has a clock of its own, moved alike, so that each shows when its own pass is over.
        var clocks = new[] { new ArmedClock(Start), new ArmedClock(Start) };
        var hosts = new[] { await StartAsync(clocks[0]), await StartAsync(clocks[1]) };
        var requesterKey = await hosts[0].NewOperatorKeyAsync("req-ops");
        await NewOrganizationAsync(hosts[0], "cp-one", Primary("cp-one"), Backup("cp-one"));
        await NewOrganizationAsync(hosts[0], "cp-two", Primary("cp-two"), Operations("cp-two"));
        var requesters = hosts.Select(h => h.Client(requesterKey)).ToArray();
        // Half requested on each instance, so that each is woken by its own and both find all of them due.
        var ids = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            var request = Request($"r{i}", ConsultationUrgency.Priority, "cp-one", TimeSpan.FromMinutes(1));
            request.Counterparts.Add("cp-two");
            ids.Add((await requesters[i % 2].Consultations.RequestConsultationAsync(request)).Id);
        }

        var due = Start.AddMinutes(2);
        foreach (var clock in clocks)
        {
            clock.Advance(TimeSpan.FromMinutes(2));
        }
        foreach (var clock in clocks)
        {
            await clock.ArmedAtOrAfterAsync(due);
        }
        // Other services wait on the deadline clock too (alerts' deadlines, embargoes' releases): a timer armed past
        // the deadline may be theirs, armed before this pass is over. The escalations are counted as they commit.
        using (var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while (Interlocked.Read(ref escalations) < 16)
            {
                await Task.Delay(20, patience.Token);
            }
        }

        foreach (var id in ids)
        {
            var read = await requesters[0].Consultations.GetConsultationAsync(new GetConsultationRequest { ConsultationId = id });
            Assert.That(read.History.Where(e => e.EventType == ConsultationEventType.Escalated).Select(e => e.EscalatedOrganization),
                Is.EquivalentTo(new[] { "cp-one", "cp-two" }), $"{id}: each counterpart escalated once");
            Assert.That(read.Consultation.Counterparts.Select(c => c.EscalatedAt), Has.All.EqualTo(Timestamp.FromDateTimeOffset(due)));
        }
        Assert.That(Interlocked.Read(ref escalations), Is.EqualTo(16), "counted once, by the instance that escalated");
    }

    [Test]
    public async Task The_second_instance_to_escalate_a_deadline_finds_it_done()
    {
        var clock = new FakeTimeProvider(Start);
        var hosts = new[] { await StartAsync(clock), await StartAsync(clock) };
        var requester = await hosts[0].NewOperatorAsync("req-ops");
        await NewOrganizationAsync(hosts[0], "cp-one", Primary("cp-one"));
        await NewOrganizationAsync(hosts[0], "cp-two", Primary("cp-two"));
        var request = Request("r1", ConsultationUrgency.Urgent, "cp-one", TimeSpan.FromMinutes(1));
        request.Counterparts.Add("cp-two");
        var requested = await requester.Consultations.RequestConsultationAsync(request);
        // The hosts' own deadline services never see the deadline pass (their clock stays at the start); these calls do.
        var escalation = new ConsultationEscalation(new DeadlineClock(new FakeTimeProvider(Start.AddMinutes(2))));

        var counts = new List<int>();
        foreach (var host in hosts)
        {
            var writer = host.Services.GetRequiredService<ILogWriter>();
            counts.Add(await writer.WriteAsync(session => escalation.Escalate(session, requested.Id, _ => []).Count, CancellationToken.None));
        }

        Assert.That(counts, Is.EqualTo(new[] { 2, 0 }), "the first escalates both counterparts; the second, writing on its own connection, finds them escalated");
        Assert.That(await HistoryAsync(requester, requested.Id),
            Is.EqualTo(new[] { ConsultationEventType.Requested, ConsultationEventType.Escalated, ConsultationEventType.Escalated }));
    }

    [Test]
    public async Task A_poll_interval_that_is_not_positive_fails_the_start_naming_the_setting()
    {
        var error = await Assert.CatchAsync(() => ExchangeHost.StartAsync(
            _database.Path, settings: new Dictionary<string, string> { ["Exchange:Consultations:DeadlinePollInterval"] = "00:00:00" }));
        Assert.That(error!.Message, Does.Contain("Exchange:Consultations:DeadlinePollInterval must be more than 00:00:00"));
    }

    private async Task<ExchangeHost> StartAsync(FakeTimeProvider deadlineClock, TimeSpan? pollInterval = null)
    {
        var settings = new Dictionary<string, string>();
        if (pollInterval is { } interval)
        {
            settings["Exchange:Consultations:DeadlinePollInterval"] = interval.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        }
        var host = await ExchangeHost.StartAsync(_database.Path, settings: settings, services: services =>
        {
            services.AddSingleton(new DeadlineClock(deadlineClock));
        });
        _hosts.Add(host);
        return host;
    }

    /// <summary>Creates an organisation with these contact points; returns its key.</summary>
    private static async Task<string> NewOrganizationAsync(ExchangeHost host, string id, params ContactPoint[] contacts) =>
        (await host.Admin().Operators.CreateOperatorAsync(new CreateOperatorRequest
        {
            OperatorId = id, DisplayName = $"Organisation {id}", Kind = OrganizationKind.Operator, Contacts = { contacts },
        })).ApiKey;

    /// <summary>A live stream of everything the organisation may see, read up to its caught-up point.</summary>
    private static async Task<StreamProbe> OpenStreamAsync(ExchangeClient client)
    {
        var subscription = await client.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "consultations" });
        var probe = StreamProbe.Open(client, subscription.Id);
        await probe.ReadUntilCaughtUpAsync();
        return probe;
    }

    private static RequestConsultationRequest Request(string requestId, ConsultationUrgency urgency, string counterpart, TimeSpan? acknowledgeWithin = null) => new()
    {
        RequestId = requestId,
        Counterparts = { counterpart },
        Topic = "GEO slot 19.2E station keeping",
        Subject = "Planned east-west maneuver near your slot",
        Body = "Please acknowledge and tell us your own plans for the next 48 hours.",
        Urgency = urgency,
        AcknowledgeWithin = acknowledgeWithin is { } within ? Duration.FromTimeSpan(within) : null,
    };

    private static async Task<ConsultationEventType[]> HistoryAsync(ExchangeClient party, string consultationId) =>
        (await party.Consultations.GetConsultationAsync(new GetConsultationRequest { ConsultationId = consultationId }))
            .History.Select(e => e.EventType).ToArray();

    private static ContactPoint Primary(string organization) =>
        new() { Role = ContactRole.Primary, Name = "Flight dynamics", Email = $"fd@{organization}.example" };

    private static ContactPoint Backup(string organization) =>
        new() { Role = ContactRole.Backup, Name = "Deputy flight director", Phone = "+33 5 61 27 31 31", Email = $"deputy@{organization}.example" };

    private static ContactPoint Operations(string organization) =>
        new() { Role = ContactRole.Operations247, Name = "Operations centre", Phone = "+49 6151 90 0", Hours = new StaffedHours { AroundTheClock = true } };
}

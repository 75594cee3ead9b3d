using FsCheck;
using FsCheck.Fluent;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Health.V1;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests;

/// <summary>
/// Well-formed requests with arbitrary field values, through every RPC, as an outside client could send them. Whatever
/// is sent: the exchange never answers UNKNOWN or INTERNAL, stays SERVING, and everything it accepted can be read back,
/// listed and replayed.
/// </summary>
public class RpcPropertyTests
{
    // A fixed seed keeps the suite deterministic; NX_PROPERTY_SEED explores other inputs.
    private static readonly ulong _seed = ulong.TryParse(Environment.GetEnvironmentVariable("NX_PROPERTY_SEED"), out var seed) ? seed : 20261201UL;

    private static readonly StatusCode[] _neverForAClient = [StatusCode.Unknown, StatusCode.Internal];

    private readonly List<NotificationEvent> _accepted = [];
    private DirectoryEntry? _lastProfile;
    private readonly List<string> _filedIds = [];
    private readonly SortedDictionary<string, int> _outcomes = new(StringComparer.Ordinal);
    private TestDatabase _database = null!;
    private ExchangeHost _host = null!;
    private ExchangeClient _operator = null!;
    private ExchangeClient _admin = null!;
    private ExchangeClient _peer = null!;
    private readonly Dictionary<string, Consultation> _consultations = [];
    // Every message Converse accepted: consultation, client message id, sequence, text.
    private readonly List<(string ConsultationId, string ClientMessageId, ulong Sequence, string Text)> _said = [];
    private string _subscriptionId = null!;
    private string _ocm = null!;
    private string _consultationId = null!;
    private string _proposedLineId = null!;
    private string _activeLineId = null!;
    private readonly List<Consultation> _rung = [];
    // Two alerts between prop-ops (primary) and prop-peer, and the last acknowledgement accepted for each.
    private readonly List<string> _alertIds = [];
    private readonly Dictionary<string, Alert> _acknowledged = [];

    private delegate Task<IMessage?> Rpc(RpcPropertyTests test, IMessage request);

    private static readonly (string Name, Func<RpcPropertyTests, IMessage> Template, Rpc Call)[] _rpcs =
    [
        ("FileNotification maneuver", t => Notices.File(Notices.Maneuver()), (t, r) => t.FileAsync((FileNotificationRequest)r)),
        ("FileNotification proximity", t => Notices.File(Notices.ProximityOperation()), (t, r) => t.FileAsync((FileNotificationRequest)r)),
        ("FileNotification proximity with burns", t => Notices.File(Notices.ProximityOperationWithBurns()), (t, r) => t.FileAsync((FileNotificationRequest)r)),
        ("FileNotification launch", t => Notices.File(Notices.Launch()), (t, r) => t.FileAsync((FileNotificationRequest)r)),
        ("FileNotification launch with orbits", t => Notices.File(Notices.LaunchWithOrbits()), (t, r) => t.FileAsync((FileNotificationRequest)r)),
        ("FileNotification ccsds", t => new FileNotificationRequest
        {
            RequestId = Guid.NewGuid().ToString(), CcsdsManeuver = new CcsdsManeuverNotice { Message = t._ocm, Supplement = new ManeuverNotice() },
        }, (t, r) => t.FileAsync((FileNotificationRequest)r)),
        ("AmendNotification", t => t.AmendTemplate(), (t, r) => t.ChangeAsync(t._operator.Notifications.AmendNotificationAsync((AmendNotificationRequest)r))),
        ("CancelNotification", t => new CancelNotificationRequest { NotificationId = t.SomeFiledId(), RequestId = Guid.NewGuid().ToString(), Reason = "superseded" },
            (t, r) => t.ChangeAsync(t._operator.Notifications.CancelNotificationAsync((CancelNotificationRequest)r))),
        ("ReportExecution", t => t.ReportTemplate(), (t, r) => t.ChangeAsync(t._operator.Notifications.ReportExecutionAsync((ReportExecutionRequest)r))),
        ("GetNotification", t => new GetNotificationRequest { NotificationId = t.SomeFiledId(), IncludeHistory = true },
            async (t, r) => await t._operator.Notifications.GetNotificationAsync((GetNotificationRequest)r)),
        ("ListNotifications", t => new ListNotificationsRequest { Kinds = { NotificationKind.Maneuver }, NoradCatId = 25544, ActiveDuring = Notices.Window(TimeSpan.Zero, TimeSpan.FromDays(30)) },
            async (t, r) => await t._operator.Notifications.ListNotificationsAsync((ListNotificationsRequest)r)),
        ("GetAttachment", t => new GetAttachmentRequest { NotificationId = t.SomeFiledId(), Role = AttachmentRole.Source },
            async (t, r) => await t._operator.Notifications.GetAttachmentAsync((GetAttachmentRequest)r)),
        ("ExportNotification", t => new ExportNotificationRequest { NotificationId = t.SomeFiledId(), Format = ExportFormat.OcmXml },
            async (t, r) => await t._operator.Notifications.ExportNotificationAsync((ExportNotificationRequest)r)),
        ("CreateSubscription", t => new CreateSubscriptionRequest
        {
            Name = "fuzzed", Start = StartPosition.Earliest,
            Filter = new SubscriptionFilter
            {
                Kinds = { NotificationKind.Launch }, NoradCatIds = { 25544 }, Regimes = { OrbitalRegime.Leo }, EventTypes = { NotificationEventType.Filed },
                Alerts = new AlertFilter { MaxMissDistanceM = 1000, MinProbability = 1e-6, Regimes = { OrbitalRegime.Leo }, UnannouncedOnly = false },
            },
        }, async (t, r) => await t.CreateSubscriptionAsync((CreateSubscriptionRequest)r)),
        ("GetSubscription", t => new GetSubscriptionRequest { SubscriptionId = t._subscriptionId },
            async (t, r) => await t._operator.Subscriptions.GetSubscriptionAsync((GetSubscriptionRequest)r)),
        ("ListSubscriptions", _ => new ListSubscriptionsRequest(), async (t, r) => await t._operator.Subscriptions.ListSubscriptionsAsync((ListSubscriptionsRequest)r)),
        ("DeleteSubscription", _ => new DeleteSubscriptionRequest { SubscriptionId = "sub-0123" },
            async (t, r) => await t._operator.Subscriptions.DeleteSubscriptionAsync((DeleteSubscriptionRequest)r)),
        ("Subscribe", t => new SubscribeRequest { SubscriptionId = t._subscriptionId, ResumeAfterSequence = 0 }, (t, r) => t.SubscribeAsync((SubscribeRequest)r)),
        ("Acknowledge", t => new AcknowledgeRequest { SubscriptionId = t._subscriptionId, Sequence = 1 },
            async (t, r) => await t._operator.Subscriptions.AcknowledgeAsync((AcknowledgeRequest)r)),
        ("CreateOperator", _ => new CreateOperatorRequest { OperatorId = "fuzzed-ops", DisplayName = "Fuzzed", Contact = Notices.Contact() },
            async (t, r) => await t._admin.Operators.CreateOperatorAsync((CreateOperatorRequest)r)),
        ("ListOperators", _ => new ListOperatorsRequest(), async (t, r) => await t._admin.Operators.ListOperatorsAsync((ListOperatorsRequest)r)),
        // only the sacrificial operator's key may be rotated: the test's own clients keep theirs
        ("RotateApiKey", _ => new RotateApiKeyRequest { OperatorId = "rotatable-ops" }, (t, r) => t.RotateAsync((RotateApiKeyRequest)r)),
        ("IssueApiKey", _ => new IssueApiKeyRequest { RequestId = Guid.NewGuid().ToString(), Label = "fuzzed", ExpiresAt = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(1)) },
            async (t, r) => await t._operator.Operators.IssueApiKeyAsync((IssueApiKeyRequest)r)),
        ("ListApiKeys", _ => new ListApiKeysRequest { OperatorId = "prop-ops" }, async (t, r) => await t._operator.Operators.ListApiKeysAsync((ListApiKeysRequest)r)),
        ("RevokeApiKey", t => new RevokeApiKeyRequest { KeyId = t.SpareKeyId() }, (t, r) => t.RevokeKeyAsync((RevokeApiKeyRequest)r)),
        ("RegisterClientCertificate", _ => new RegisterClientCertificateRequest
        {
            RequestId = Guid.NewGuid().ToString(), OperatorId = "prop-peer", Thumbprint = Convert.ToHexString(Guid.NewGuid().ToByteArray()) + Convert.ToHexString(Guid.NewGuid().ToByteArray()),
            Label = "fuzzed",
        }, async (t, r) => await t._admin.Operators.RegisterClientCertificateAsync((RegisterClientCertificateRequest)r)),
        ("RegisterClientCertificate by subject", _ => new RegisterClientCertificateRequest
        {
            RequestId = Guid.NewGuid().ToString(), OperatorId = "prop-peer", Subject = $"CN={Guid.NewGuid():N}.example.org, O=Fuzzed, C=FR",
        }, async (t, r) => await t._admin.Operators.RegisterClientCertificateAsync((RegisterClientCertificateRequest)r)),
        ("ListClientCertificates", _ => new ListClientCertificatesRequest { OperatorId = "prop-peer" },
            async (t, r) => await t._admin.Operators.ListClientCertificatesAsync((ListClientCertificatesRequest)r)),
        ("RevokeClientCertificate", t => new RevokeClientCertificateRequest { CertificateId = t.SomeCertificateId() },
            async (t, r) => await t._admin.Operators.RevokeClientCertificateAsync((RevokeClientCertificateRequest)r)),
        ("WhoAmI", _ => new WhoAmIRequest(), async (t, r) => await t._operator.Operators.WhoAmIAsync((WhoAmIRequest)r)),
        ("CreateOperator organisation", _ => new CreateOperatorRequest
        {
            OperatorId = "fuzzed-agency", DisplayName = "Fuzzed agency", Kind = OrganizationKind.Agency, Country = "FR", Contacts = { ProfileContacts() },
        }, async (t, r) => await t._admin.Operators.CreateOperatorAsync((CreateOperatorRequest)r)),
        ("UpdateProfile", _ => new UpdateProfileRequest { DisplayName = "Property operator", Kind = OrganizationKind.Operator, Country = "DE", Contacts = { ProfileContacts() } },
            (t, r) => t.UpdateProfileAsync((UpdateProfileRequest)r)),
        ("ListDirectory", _ => new ListDirectoryRequest { Kinds = { OrganizationKind.Operator }, Country = "DE", PageSize = 2 },
            async (t, r) => await t._operator.Operators.ListDirectoryAsync((ListDirectoryRequest)r)),
        ("GetDirectoryEntry", _ => new GetDirectoryEntryRequest { OrganizationId = "prop-ops" },
            async (t, r) => await t._operator.Operators.GetDirectoryEntryAsync((GetDirectoryEntryRequest)r)),
        ("RequestConsultation", _ => new RequestConsultationRequest
        {
            RequestId = Guid.NewGuid().ToString(), Counterparts = { "prop-peer" }, Topic = "GEO slot 19.2E", Subject = "Station keeping", Body = "Shall we talk?",
            Urgency = ConsultationUrgency.Priority, AcknowledgeWithin = Duration.FromTimeSpan(TimeSpan.FromHours(2)),
            ProposedTimes = { Notices.Window(TimeSpan.FromHours(3), TimeSpan.FromHours(1)) },
        }, (t, r) => t.ConsultAsync(t._operator.Consultations.RequestConsultationAsync((RequestConsultationRequest)r))),
        ("AcknowledgeConsultation", t => new AcknowledgeConsultationRequest { RequestId = Guid.NewGuid().ToString(), ConsultationId = t.SomeConsultationId() },
            (t, r) => t.ConsultAsync(t._peer.Consultations.AcknowledgeConsultationAsync((AcknowledgeConsultationRequest)r))),
        ("AcceptConsultation", t => new AcceptConsultationRequest { RequestId = Guid.NewGuid().ToString(), ConsultationId = t.SomeConsultationId() },
            (t, r) => t.ConsultAsync(t._peer.Consultations.AcceptConsultationAsync((AcceptConsultationRequest)r))),
        ("DeclineConsultation", t => new DeclineConsultationRequest { RequestId = Guid.NewGuid().ToString(), ConsultationId = t.SomeConsultationId(), Reason = "Not ours" },
            (t, r) => t.ConsultAsync(t._peer.Consultations.DeclineConsultationAsync((DeclineConsultationRequest)r))),
        ("ProposeTime", t => new ProposeTimeRequest
        {
            RequestId = Guid.NewGuid().ToString(), ConsultationId = t.SomeConsultationId(), ProposedTimes = { Notices.Window(TimeSpan.FromHours(5), TimeSpan.FromHours(1)) },
        }, (t, r) => t.ConsultAsync(t._peer.Consultations.ProposeTimeAsync((ProposeTimeRequest)r))),
        ("WithdrawConsultation", t => new WithdrawConsultationRequest { RequestId = Guid.NewGuid().ToString(), ConsultationId = t.SomeConsultationId(), Reason = "Resolved" },
            (t, r) => t.ConsultAsync(t._operator.Consultations.WithdrawConsultationAsync((WithdrawConsultationRequest)r))),
        ("ProposeClosure", t => new ProposeClosureRequest
        {
            RequestId = Guid.NewGuid().ToString(), ConsultationId = t.SomeConsultationId(), OutcomeSummary = "Agreed",
            Actions = { new AgreedAction { OrganizationId = "prop-ops", Action = "prop-ops WILL raise its orbit", DueBy = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(1)) } },
        }, (t, r) => t.ConsultAsync(t._operator.Consultations.ProposeClosureAsync((ProposeClosureRequest)r))),
        ("ConfirmClosure", t => new ConfirmClosureRequest { RequestId = Guid.NewGuid().ToString(), ConsultationId = t.SomeConsultationId() },
            (t, r) => t.ConsultAsync(t._peer.Consultations.ConfirmClosureAsync((ConfirmClosureRequest)r))),
        ("ContestClosure", t => new ContestClosureRequest { RequestId = Guid.NewGuid().ToString(), ConsultationId = t.SomeConsultationId(), Reason = "Not yet" },
            (t, r) => t.ConsultAsync(t._peer.Consultations.ContestClosureAsync((ContestClosureRequest)r))),
        ("GetConsultation", t => new GetConsultationRequest { ConsultationId = t.SomeConsultationId() },
            async (t, r) => await t._operator.Consultations.GetConsultationAsync((GetConsultationRequest)r)),
        ("ListConsultations", _ => new ListConsultationsRequest { States = { ConsultationState.Open }, PageSize = 3 },
            async (t, r) => await t._operator.Consultations.ListConsultationsAsync((ListConsultationsRequest)r)),
        ("ExportTranscript", t => new ExportTranscriptRequest { ConsultationId = t._consultationId },
            async (t, r) => await t._operator.Consultations.ExportTranscriptAsync((ExportTranscriptRequest)r)),
        ("ProposeDirectLine", _ => new ProposeDirectLineRequest { RequestId = Guid.NewGuid().ToString(), Counterpart = "rotatable-ops", Purpose = "GEO slot coordination" },
            async (t, r) => await t._operator.Consultations.ProposeDirectLineAsync((ProposeDirectLineRequest)r)),
        ("AcceptDirectLine", t => new AcceptDirectLineRequest { RequestId = Guid.NewGuid().ToString(), DirectLineId = t._proposedLineId },
            async (t, r) => await t._operator.Consultations.AcceptDirectLineAsync((AcceptDirectLineRequest)r)),
        ("ListDirectLines", _ => new ListDirectLinesRequest(), async (t, r) => await t._operator.Consultations.ListDirectLinesAsync((ListDirectLinesRequest)r)),
        ("RingDirectLine", t => new RingDirectLineRequest { RequestId = Guid.NewGuid().ToString(), DirectLineId = t._activeLineId, Subject = "Drift start moved", Body = "Call now" },
            (t, r) => t.RingAsync((RingDirectLineRequest)r)),
        ("GetAlert", t => new GetAlertRequest { AlertId = t.SomeAlertId() }, async (t, r) => await t._operator.Alerts.GetAlertAsync((GetAlertRequest)r)),
        ("ListAlerts", _ => new ListAlertsRequest { States = { AlertState.Open }, NoradCatId = 25544, PageSize = 1 },
            async (t, r) => await t._peer.Alerts.ListAlertsAsync((ListAlertsRequest)r)),
        ("AcknowledgeAlert", t => new AcknowledgeAlertRequest
        {
            RequestId = Guid.NewGuid().ToString(), AlertId = t.SomeAlertId(), Intent = ManeuverIntent.WillManeuver, Note = "raising perigee", NoradCatId = 25544,
        }, (t, r) => t.AcknowledgeAlertAsync((AcknowledgeAlertRequest)r)),
        ("ExportAlertCdm", t => new ExportAlertCdmRequest { AlertId = t.SomeAlertId(), Format = CdmFormat.Xml },
            async (t, r) => await t._peer.Alerts.ExportAlertCdmAsync((ExportAlertCdmRequest)r)),

        ("RegisterObject", _ => RegistryOrbits.Registration(25544, SharingPolicy.FullState),
            async (t, r) => await t._operator.Registry.RegisterObjectAsync((RegisterObjectRequest)r)),
        ("RegisterObject omm", _ => new RegisterObjectRequest(RegistryOrbits.Registration(25544)) { Orbit = new ObjectOrbit { Omm = RegistryOrbits.Omm(25544) } },
            async (t, r) => await t._operator.Registry.RegisterObjectAsync((RegisterObjectRequest)r)),
        ("RegisterObject oem", _ => new RegisterObjectRequest(RegistryOrbits.Registration(25544)) { Orbit = new ObjectOrbit { Oem = RegistryOrbits.Oem("EME2000") } },
            async (t, r) => await t._operator.Registry.RegisterObjectAsync((RegisterObjectRequest)r)),
        // the peer's registration of the operator's object is a claim
        ("RegisterObject claim", _ => RegistryOrbits.Registration(25544), async (t, r) => await t._peer.Registry.RegisterObjectAsync((RegisterObjectRequest)r)),
        ("GetObject", _ => new GetObjectRequest { NoradCatId = 25544 }, async (t, r) => await t._peer.Registry.GetObjectAsync((GetObjectRequest)r)),
        ("ListObjects", _ => new ListObjectsRequest { OperatorId = "prop-ops", PageSize = 10 }, async (t, r) => await t._peer.Registry.ListObjectsAsync((ListObjectsRequest)r)),
        ("ReleaseObject", _ => new ReleaseObjectRequest { RequestId = Guid.NewGuid().ToString(), NoradCatId = 25544 },
            async (t, r) => await t._operator.Registry.ReleaseObjectAsync((ReleaseObjectRequest)r)),
        ("ListObjectClaims", _ => new ListObjectClaimsRequest { IncludeResolved = true }, async (t, r) => await t._admin.Registry.ListObjectClaimsAsync((ListObjectClaimsRequest)r)),
        ("ResolveObjectClaim", t => new ResolveObjectClaimRequest { RequestId = Guid.NewGuid().ToString(), ClaimId = t.SomeClaimId(), Award = false, Note = "not shown" },
            async (t, r) => await t._admin.Registry.ResolveObjectClaimAsync((ResolveObjectClaimRequest)r)),
        ("LoadCatalogue", _ => new LoadCatalogueRequest
        {
            RequestId = Guid.NewGuid().ToString(), Content = "0 ISS (ZARYA)\n" + Notices.IssLine1 + "\n" + Notices.IssLine2 + "\n", Source = "fuzzed",
        }, async (t, r) => await t._admin.Registry.LoadCatalogueAsync((LoadCatalogueRequest)r)),
        ("GetCatalogueStatus", _ => new GetCatalogueStatusRequest(), async (t, r) => await t._operator.Registry.GetCatalogueStatusAsync((GetCatalogueStatusRequest)r)),
        ("RotateWebhookSecret", _ => new RotateWebhookSecretRequest(),
            async (t, r) => await t._operator.Operators.RotateWebhookSecretAsync((RotateWebhookSecretRequest)r)),
        // Converse: the fuzzed message is the stream's first (open), or follows open on an OPEN consultation.
        ("Converse open", t => new ConverseRequest { Open = new ConverseOpen { ConsultationId = t.SomeConsultationId(), ResumeAfterSequence = 0 } },
            (t, r) => t.ConverseAsync(null, (ConverseRequest)r)),
        ("Converse say", _ => new ConverseRequest
        {
            Say = new ConverseSay
            {
                ClientMessageId = Guid.NewGuid().ToString("N"), Text = "We maneuver at 12:00Z",
                Attachments = { new ConversationAttachment { MediaType = "text/x-ccsds-opm", Content = "CCSDS_OPM_VERS = 3.0" } },
            },
        }, async (t, r) => await t.ConverseAsync(await t.OpenConsultationAsync(), (ConverseRequest)r)),
        ("Converse receipt", _ => new ConverseRequest { Receipt = new ConverseReceipt { DeliveredThrough = 0, ReadThrough = 0 } },
            async (t, r) => await t.ConverseAsync(await t.OpenConsultationAsync(), (ConverseRequest)r)),
    ];

    private static ContactPoint[] ProfileContacts() =>
    [
        new()
        {
            Role = ContactRole.Primary, Name = "Duty engineer", Email = "duty@example.org", Phone = "+49 6151 90 0",
            Hours = new StaffedHours { TimeZone = "Europe/Berlin", Weekly = { new WeeklyPeriod { FirstDay = Weekday.Monday, LastDay = Weekday.Friday, Opens = "07:30", Closes = "19:00" } } },
            WebhookUrl = "https://hooks.example.org/nx/duty?org=prop",
        },
        new()
        {
            Role = ContactRole.Operations247, Name = "Operations", Phone = "+49 6151 90 1", Hours = new StaffedHours { AroundTheClock = true },
            WebhookUrl = "https://ops.example.org:8443/nx",
        },
    ];

    [OneTimeSetUp]
    public async Task StartExchange()
    {
        _database = new TestDatabase();
        _host = await ExchangeHost.StartAsync(_database.Path);
        _operator = await _host.NewOperatorAsync("prop-ops");
        _admin = _host.Admin();
        _peer = await _host.NewOperatorAsync("prop-peer");
        await _host.NewOperatorKeyAsync("rotatable-ops");
        _subscriptionId = (await _operator.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "all", Start = StartPosition.Earliest })).Id;
        var seed = await FileAsync(Notices.File(Notices.Maneuver()));
        _ocm = (await _operator.Notifications.ExportNotificationAsync(new ExportNotificationRequest { NotificationId = ((FileNotificationResponse)seed!).Notification.Id })).Content;
        // a consultation, a line proposed to the operator and an active one, all the operator's: every log entry is its to replay
        var peer = _peer;
        var ringer = await _host.NewOperatorAsync("prop-ringer");
        _consultationId = (await _operator.Consultations.RequestConsultationAsync(new RequestConsultationRequest
        {
            RequestId = "prop-consultation", Counterparts = { "prop-peer" }, Topic = "GEO slot", Subject = "Drift", Urgency = ConsultationUrgency.Routine,
        })).Id;
        _proposedLineId = (await peer.Consultations.ProposeDirectLineAsync(new ProposeDirectLineRequest { RequestId = "prop-line", Counterpart = "prop-ops", Purpose = "RPO" })).Id;
        _activeLineId = (await _operator.Consultations.ProposeDirectLineAsync(new ProposeDirectLineRequest { RequestId = "prop-line", Counterpart = "prop-ringer", Purpose = "GEO" })).Id;
        await ringer.Consultations.AcceptDirectLineAsync(new AcceptDirectLineRequest { RequestId = "prop-accept", DirectLineId = _activeLineId });
        foreach (var days in new[] { 2.0, 3.0 })
        {
            _alertIds.Add((await Alerting.RaiseAsync(_host, "prop-ops", "prop-peer", DateTime.UtcNow, DateTime.UtcNow.AddDays(days))).Id);
        }
    }

    [OneTimeTearDown]
    public async Task StopExchange()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    [Test]
    public void Arbitrary_field_values_through_every_rpc_never_break_the_exchange()
    {
        var cases = from rpc in Gen.Choose(0, _rpcs.Length - 1)
                    from mutations in Gen.Frequency((2, Gen.Constant(0)), (5, Gen.Constant(1)), (3, Gen.Choose(2, 4)))
                    from seed in Gen.Choose(0, int.MaxValue)
                    select (Rpc: rpc, Mutations: mutations, Seed: seed);
        // about 17 cases per RPC: with the registry's RPCs added, fewer went to filings than the checks below need
        var config = Config.QuickThrowOnFailure.WithMaxTest(1000).WithQuietOnSuccess(true).WithReplay(new Replay(new Rnd(_seed, 11UL), null));

        Prop.ForAll(cases.ToArbitrary(), c => Send(c.Rpc, c.Mutations, c.Seed)).Check(config);
        TestContext.Out.WriteLine(string.Join(Environment.NewLine, _outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}: {o.Value}")));

        Assert.That(_filedIds, Has.Count.GreaterThan(20), "enough was filed for the checks below to mean something");
        AssertEverythingAcceptedReadsBackListsAndReplays().GetAwaiter().GetResult();
    }

    private void Send(int rpcIndex, int mutations, int seed)
    {
        var (name, template, call) = _rpcs[rpcIndex];
        var request = template(this);
        FieldFuzzer.Mutate(request, new Random(seed), mutations);
        try
        {
            call(this, request).GetAwaiter().GetResult();
            Tally(name, "OK");
        }
        catch (RpcException e) when (!_neverForAClient.Contains(e.StatusCode))
        {
            Tally(name, e.StatusCode.ToString());
            return;
        }
        catch (RpcException e)
        {
            throw new AssertionException($"{name} answered {e.StatusCode} ({e.Status.Detail}) to {request}");
        }
        var health = new Health.HealthClient(_host.AnonymousChannel()).Check(new HealthCheckRequest());
        if (health.Status != HealthCheckResponse.Types.ServingStatus.Serving)
        {
            throw new AssertionException($"after {name} with {request} the exchange is {health.Status}");
        }
    }

    private void Tally(string rpc, string outcome) => _outcomes[$"{rpc} {outcome}"] = _outcomes.GetValueOrDefault($"{rpc} {outcome}") + 1;

    private async Task AssertEverythingAcceptedReadsBackListsAndReplays()
    {
        foreach (var accepted in _accepted)
        {
            var read = await _operator.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = accepted.Notification.Id, Version = accepted.Notification.Version });
            // Reads add the screening status, which stream events (sent before any screen) have not.
            Assert.That(read.Notification.Screening, Is.Not.Null);
            Assert.That(read.Notification.AsAnswered(), Is.EqualTo(accepted.Notification),
                $"{accepted.Notification.Id} v{accepted.Notification.Version} reads back as answered");
        }
        var listed = new List<Notification>();
        var page = new ListNotificationsResponse { NextPageToken = "" };
        do
        {
            page = await _operator.Notifications.ListNotificationsAsync(new ListNotificationsRequest { PageSize = 100, PageToken = page.NextPageToken });
            listed.AddRange(page.Notifications);
        }
        while (page.NextPageToken.Length > 0);
        Assert.That(listed.Select(n => n.Id), Is.SupersetOf(_filedIds), "every accepted notification is listed");
        Assert.That(_lastProfile, Is.Not.Null, "a profile update was accepted");
        Assert.That((await _operator.Operators.WhoAmIAsync(new WhoAmIRequest())).Contacts, Is.EqualTo(_lastProfile!.Contacts),
            "the organisation sees its last accepted contact points whole");
        var withoutWebhooks = _lastProfile.Clone();
        foreach (var contact in withoutWebhooks.Contacts)
        {
            contact.WebhookUrl = "";
        }
        Assert.That(await _operator.Operators.GetDirectoryEntryAsync(new GetDirectoryEntryRequest { OrganizationId = "prop-ops" }), Is.EqualTo(withoutWebhooks),
            "the last accepted profile is the directory's entry, without its webhooks");

        Assert.That(_consultations, Is.Not.Empty, "a consultation was accepted");
        foreach (var (id, last) in _consultations)
        {
            var read = await _peer.Consultations.GetConsultationAsync(new GetConsultationRequest { ConsultationId = id });
            // A read adds where the conversation stands, which answers to changes do not carry.
            var said = _said.Where(m => m.ConsultationId == id).ToArray();
            Assert.That(read.Consultation.LastMessageSequence, Is.EqualTo(said.Length == 0 ? 0 : said.Max(m => m.Sequence)), $"{id}'s last message");
            var withoutConversation = read.Consultation.Clone();
            withoutConversation.LastMessageSequence = 0;
            withoutConversation.Receipts.Clear();
            Assert.That(withoutConversation, Is.EqualTo(last), $"{id} reads back as last answered");
            Assert.That(read.History[^1].Consultation, Is.EqualTo(last));
        }
        Assert.That(_rung, Is.Not.Empty, "a direct line was rung");
        foreach (var rung in _rung)
        {
            var read = await _operator.Consultations.GetConsultationAsync(new GetConsultationRequest { ConsultationId = rung.Id });
            Assert.That(read.Consultation, Is.EqualTo(rung), $"{rung.Id} reads back as answered");
        }
        Assert.That(_said, Is.Not.Empty, "a message was accepted");
        foreach (var conversation in _said.GroupBy(m => m.ConsultationId))
        {
            using var replay = await ConverseProbe.OpenAsync(_operator, conversation.Key);
            await replay.ReadUntilCaughtUpAsync(TimeSpan.FromSeconds(60));
            var stored = replay.Messages.ToDictionary(m => m.Sequence);
            Assert.That(stored.Keys.Order(), Is.EqualTo(Enumerable.Range(1, stored.Count).Select(i => (ulong)i)), $"{conversation.Key} replays gapless");
            foreach (var (_, clientMessageId, sequence, text) in conversation)
            {
                Assert.That((stored[sequence].ClientMessageId, stored[sequence].Text), Is.EqualTo((clientMessageId, text)), $"{conversation.Key} message {sequence}");
            }
        }

        Assert.That(_acknowledged, Is.Not.Empty, "an acknowledgement was accepted");
        foreach (var (id, last) in _acknowledged)
        {
            var read = await _peer.Alerts.GetAlertAsync(new GetAlertRequest { AlertId = id });
            // Contact points are the directory's at the time of the read (profiles change above); the rest is the version.
            Assert.That(WithoutContacts(read.Alert), Is.EqualTo(WithoutContacts(last)), $"{id} reads back as last answered");
            Assert.That(read.History[^1].Alert, Is.EqualTo(WithoutContacts(last)));
        }

        // prop-ops is a party of every consultation, alert and on every direct line made here, so its stream replays the
        // whole log: notification, consultation, direct-line and alert events together, gapless and readable.
        using var stream = StreamProbe.Open(_operator, _subscriptionId, 0);
        var replayed = await stream.ReadUntilCaughtUpAsync(TimeSpan.FromSeconds(60));
        var sequences = replayed.Select(e => e.Sequence)
            .Concat(stream.ConsultationEvents.Select(e => e.Sequence))
            .Concat(stream.DirectLineEvents.Select(e => e.Sequence))
            .Concat(stream.AlertEvents.Select(e => e.Sequence))
            .Order().ToArray();
        Assert.That(sequences, Is.EqualTo(Enumerable.Range(1, sequences.Length).Select(i => (ulong)i)), "the whole log replays, gapless and readable");
        Assert.That(replayed.Select(e => e.Sequence), Is.SupersetOf(_accepted.Select(e => e.Sequence)));
        Assert.That(stream.ConsultationEvents.Select(e => e.Consultation.Id), Is.SupersetOf(_consultations.Keys.Concat(_rung.Select(c => c.Id))));
    }

    private async Task<IMessage?> FileAsync(FileNotificationRequest request)
    {
        var answer = await _operator.Notifications.FileNotificationAsync(request);
        Remember(answer);
        if (!answer.Replayed)
        {
            _filedIds.Add(answer.Notification.Id);
        }
        return answer;
    }

    private string SomeAlertId() => _alertIds[_acknowledged.Count % _alertIds.Count];

    private async Task<IMessage?> AcknowledgeAlertAsync(AcknowledgeAlertRequest request)
    {
        var answer = await _operator.Alerts.AcknowledgeAlertAsync(request);
        _acknowledged[answer.Id] = answer;
        return answer;
    }

    private static Alert WithoutContacts(Alert alert)
    {
        var copy = alert.Clone();
        copy.Primary.Contacts.Clear();
        copy.Secondary.Contacts.Clear();
        return copy;
    }

    private async Task<IMessage?> ChangeAsync(AsyncUnaryCall<FileNotificationResponse> call)
    {
        var answer = await call;
        Remember(answer);
        return answer;
    }

    private void Remember(FileNotificationResponse answer) => _accepted.Add(new NotificationEvent
    {
        Sequence = answer.Notification.Sequence, Notification = answer.Notification,
    });

    private async Task<IMessage?> CreateSubscriptionAsync(CreateSubscriptionRequest request)
    {
        var created = await _operator.Subscriptions.CreateSubscriptionAsync(request);
        // keep well under the per-operator limit, so that the next cases still reach the checks
        await _operator.Subscriptions.DeleteSubscriptionAsync(new DeleteSubscriptionRequest { SubscriptionId = created.Id });
        return created;
    }

    private async Task<IMessage?> SubscribeAsync(SubscribeRequest request)
    {
        using var call = _operator.Subscriptions.Subscribe(request);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await call.ResponseStream.MoveNext(timeout.Token))
        {
            if (call.ResponseStream.Current.MessageCase == SubscriptionMessage.MessageOneofCase.Unreadable)
            {
                throw new AssertionException($"an accepted event cannot be read back: {call.ResponseStream.Current}");
            }
            if (call.ResponseStream.Current.MessageCase == SubscriptionMessage.MessageOneofCase.CaughtUp)
            {
                break;
            }
        }
        return null;
    }

    private async Task<IMessage?> RingAsync(RingDirectLineRequest request)
    {
        var rung = await _operator.Consultations.RingDirectLineAsync(request);
        _rung.Add(rung);
        return rung;
    }

    private async Task<IMessage?> UpdateProfileAsync(UpdateProfileRequest request)
    {
        _lastProfile = await _operator.Operators.UpdateProfileAsync(request);
        return _lastProfile;
    }

    private string SpareKeyId() =>
        _operator.Operators.IssueApiKey(new IssueApiKeyRequest { RequestId = Guid.NewGuid().ToString(), Label = "spare" }).Key.KeyId;

    private string SomeCertificateId() =>
        _admin.Operators.ListClientCertificates(new ListClientCertificatesRequest()).Certificates.Select(c => c.CertificateId).LastOrDefault() ?? "CRT-0123456789ABCDEF";

    private async Task<IMessage?> RevokeKeyAsync(RevokeApiKeyRequest request)
    {
        var own = _operator.Operators.ListApiKeys(new ListApiKeysRequest()).Keys.Where(k => k.Label != "spare" && k.Label != "fuzzed").Select(k => k.KeyId);
        var admin = _admin.Operators.ListApiKeys(new ListApiKeysRequest()).Keys.Select(k => k.KeyId);
        if (own.Concat(admin).Contains(request.KeyId))
        {
            return null; // the test's own keys must keep working
        }
        return await _operator.Operators.RevokeApiKeyAsync(request);
    }

    private async Task<IMessage?> RotateAsync(RotateApiKeyRequest request)
    {
        if (request.OperatorId is "prop-ops" or "admin")
        {
            return null; // the test's own keys must keep working
        }
        return await _admin.Operators.RotateApiKeyAsync(request);
    }

    private async Task<IMessage?> ConsultAsync(AsyncUnaryCall<Consultation> call)
    {
        var answer = await call;
        if (!_consultations.TryGetValue(answer.Id, out var known) || known.Version <= answer.Version)
        {
            _consultations[answer.Id] = answer;
        }
        return answer;
    }

    /// <summary>
    /// A Converse stream: <paramref name="request"/> first when <paramref name="openOn"/> is null, else after open on
    /// that consultation. A probe message follows, so that a refusal (which ends the stream) is seen; every message
    /// accepted is remembered, to be read back at the end.
    /// </summary>
    private async Task<IMessage?> ConverseAsync(string? openOn, ConverseRequest request)
    {
        using var stream = openOn is null ? ConverseProbe.Start(_operator) : await ConverseProbe.OpenAsync(_operator, openOn);
        await stream.SendAsync(request);
        // A first message that is not open is refused before the probe is answered: nothing is remembered then.
        var consultationId = openOn ?? request.Open?.ConsultationId ?? "";
        var probe = Guid.NewGuid().ToString("N");
        await stream.SayAsync(probe, "probe");
        await stream.ReadUntilAsync(r => r.Accepted?.ClientMessageId == probe, TimeSpan.FromSeconds(30));
        foreach (var accepted in stream.Accepted)
        {
            var text = accepted.ClientMessageId == probe ? "probe" : request.Say.Text;
            if (!_said.Any(m => m.ConsultationId == consultationId && m.Sequence == accepted.Sequence))
            {
                _said.Add((consultationId, accepted.ClientMessageId, accepted.Sequence, text));
            }
        }
        return null;
    }

    /// <summary>The newest consultation whose last answer was OPEN; one is requested and accepted when there is none.</summary>
    private async Task<string> OpenConsultationAsync()
    {
        if (_consultations.Values.LastOrDefault(c => c.State == ConsultationState.Open) is { } open)
        {
            return open.Id;
        }
        var requested = (Consultation)(await ConsultAsync(_operator.Consultations.RequestConsultationAsync(Consulting.Request("prop-peer"))))!;
        await ConsultAsync(_peer.Consultations.AcceptConsultationAsync(new AcceptConsultationRequest { RequestId = Guid.NewGuid().ToString(), ConsultationId = requested.Id }));
        return requested.Id;
    }

    // Mostly the newest, sometimes an older one, so that changes meet every state.
    /// <summary>A claim the peer's refused registrations left, pending or resolved; an id never issued when there is none yet.</summary>
    private string SomeClaimId() =>
        _admin.Registry.ListObjectClaims(new ListObjectClaimsRequest { IncludeResolved = true }).Claims.Select(c => c.Id).LastOrDefault() ?? "CLM-0123456789abcdef";

    private string SomeConsultationId() => _consultations.Count == 0 ? "CON-1" : _consultations.Keys.ElementAt(_consultations.Count - 1 - (_consultations.Count > 2 && _filedIds.Count % 3 == 0 ? 1 : 0));

    private string SomeFiledId() => _filedIds.Count == 0 ? "MNV-1" : _filedIds[^1];

    private AmendNotificationRequest AmendTemplate()
    {
        var latest = _accepted.LastOrDefault(e => e.Notification.Status is NotificationStatus.Filed or NotificationStatus.Amended)?.Notification;
        var request = new AmendNotificationRequest { NotificationId = latest?.Id ?? "MNV-1", RequestId = Guid.NewGuid().ToString(), Reason = "refined" };
        switch (latest?.ContentCase)
        {
            case Notification.ContentOneofCase.ProximityOperation:
                request.ProximityOperation = Notices.ProximityOperationWithBurns();
                break;
            case Notification.ContentOneofCase.Launch:
                request.Launch = Notices.LaunchWithOrbits();
                break;
            default:
                request.Maneuver = Notices.Maneuver();
                break;
        }
        return request;
    }

    private ReportExecutionRequest ReportTemplate()
    {
        var latest = _accepted.LastOrDefault(e => e.Notification.Status is NotificationStatus.Filed or NotificationStatus.Amended)?.Notification;
        var past = new TimeWindow
        {
            Start = Timestamp.FromDateTime(DateTime.UtcNow.AddHours(-2)),
            End = Timestamp.FromDateTime(DateTime.UtcNow.AddHours(-1)),
        };
        var report = new ExecutionReport { Outcome = ExecutionOutcome.AsPlanned, Remarks = "done" };
        switch (latest?.ContentCase)
        {
            case Notification.ContentOneofCase.ProximityOperation:
                report.ProximityOperation = new ProximityOperationExecution { ActualWindow = past, ActualClosestApproachM = 60 };
                break;
            case Notification.ContentOneofCase.Launch:
                report.Launch = new LaunchExecution { LiftoffTime = past.Start, DeployedObjects = { new SpaceObject { NoradCatId = 70001, Name = "GALILEO-L14A" } } };
                break;
            default:
                report.Maneuver = new ManeuverExecution { ActualWindow = past, AchievedDeltaV = new DeltaV { MagnitudeMps = 0.5 } };
                break;
        }
        return new ReportExecutionRequest { NotificationId = latest?.Id ?? "MNV-1", RequestId = Guid.NewGuid().ToString(), Report = report };
    }
}
